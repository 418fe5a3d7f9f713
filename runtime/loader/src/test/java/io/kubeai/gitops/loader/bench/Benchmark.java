package io.kubeai.gitops.loader.bench;

import io.kubeai.gitops.loader.ChildLoader;
import io.kubeai.gitops.testing.hf.HfRepo;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The loader's throughput against curl and rclone on 127.0.0.1: a synthetic model of about 2 GiB
 * (4 safetensors shards and small config files) served by the Hugging Face test server and by
 * s3proxy. Not a test: run it with {@code runtime/loader/bench.sh} (see the README).
 *
 * <p>Paths: hf -> dir, hf -> s3 (which fills the bucket the next path reads), s3 -> dir, each beside
 * its peers in the same run: curl one process a file then {@code sync} and aria2c for hf -> dir,
 * rclone for the other two. hf:// is served by nginx ({@link NginxHub}) when it is installed. The
 * loader runs as a child process with the container image's JVM flags, verified and durable (its
 * default; a {@code --no-fsync} run is shown for orientation). Each command runs {@code bench.runs}
 * times (default 2) and the best run counts. Data lives under /tmp and is deleted at the end.
 */
public final class Benchmark {
    /** Keep in step with the jib-maven-plugin jvmFlags in the loader's pom. */
    static final List<String> LOADER_JVM_FLAGS =
            List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-XX:MaxDirectMemorySize=96m", "-Xss512k");

    private static final String HF_DIR = "loader hf->dir (verified, durable)";
    private static final String CURL_SYNC = "curl x4 parallel, then sync";
    private static final String ARIA2 = "aria2c -x4 -j4";
    private static final String HF_S3 = "loader hf->s3";
    private static final String RCLONE_HTTP_S3 = "rclone http->s3 (4 transfers)";
    private static final String S3_DIR = "loader s3->dir (verified, durable)";
    private static final String RCLONE_S3 = "rclone s3->dir (4 streams)";

    /** Another build of the loader to time beside this one, e.g. main's: -Dbench.baselineClasspath=... */
    private static final String BASELINE = System.getProperty("bench.baselineClasspath");

    /** Which paths to time, comma-separated: -Dbench.paths=hf-dir (s3-dir needs hf-s3's bucket, and runs it). */
    private static final String PATHS = System.getProperty("bench.paths", "hf-dir,hf-s3,s3-dir");

    private final long shardBytes = Long.getLong("bench.shardMiB", 512) << 20;
    private final int runs = Integer.getInteger("bench.runs", 2);
    private final Path root;
    private final Path data;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Measured> best = new LinkedHashMap<>();
    private long total;

    private Benchmark() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "kubeai-loader-bench-");
        // nginx's workers may run as another user: they must reach the model's files.
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        data = Files.createDirectories(root.resolve("model"));
    }

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark();
        try {
            b.execute();
        } finally {
            b.cleanUp();
        }
    }

    private void execute() throws Exception {
        Map<String, Path> files = generate();
        total = files.values().stream().mapToLong(Benchmark::size).sum();
        say(String.format(
                Locale.ROOT,
                "model: %d files, %.2f GiB; %d run(s) each, best counts; %d cores",
                files.size(),
                total / (double) (1L << 30),
                runs,
                Runtime.getRuntime().availableProcessors()));
        boolean nginx = NginxHub.available();
        if (!nginx) {
            say("nginx is not installed (apt-get install -y nginx-light): the Java Hub test server serves hf://"
                    + " instead, a slower peer, so the hf ratios do not measure against the targets' server");
        }
        try (HfTestServer javaHub = nginx ? null : HfTestServer.start();
                NginxHub nginxHub = nginx ? NginxHub.start(root.resolve("nginx"), data, files) : null;
                S3TestServer s3 = S3TestServer.start(Files.createDirectories(root.resolve("s3")))) {
            URI hubEndpoint;
            if (nginx) {
                hubEndpoint = nginxHub.endpoint();
            } else {
                HfRepo repo = javaHub.createRepo("bench/model");
                files.forEach(repo::file);
                repo.commit("synthetic model");
                hubEndpoint = javaHub.endpoint();
            }
            List<String> hubUrls = files.keySet().stream()
                    .map(f -> hubEndpoint + "/bench/model/resolve/main/" + f)
                    .toList();
            s3.createBucket("bench");
            Map<String, String> env = new LinkedHashMap<>(s3.environment());
            env.put("HF_ENDPOINT", hubEndpoint.toString());

            // hf -> dir
            for (int i = 0; i < (PATHS.contains("hf-dir") ? runs : 0); i++) {
                measureDurable(HF_DIR, env, "hf://bench/model");
                measure(CURL_SYNC, curlParallel(hubUrls, files.keySet(), true));
                if (has("aria2c", "--version")) {
                    measure(ARIA2, aria2(hubUrls, files.keySet()));
                }
                measure("loader hf->dir --no-fsync", loader(env, "hf://bench/model", root.resolve("out"), true));
                measure("curl x4 parallel, no sync", curlParallel(hubUrls, files.keySet(), false));
                measure("floor: JVM fetch + sha256 (HashFloor)", hashFloor(hubUrls, files.keySet()));
            }

            // hf -> s3; the last run stays as the bucket cache the s3 -> dir runs read
            boolean s3Paths = PATHS.contains("hf-s3") || PATHS.contains("s3-dir");
            for (int i = 0; i < (s3Paths ? runs : 0); i++) {
                empty(s3, "cache/");
                measure(HF_S3, loader(env, "hf://bench/model", null, true));
                if (nginx && has("rclone", "version")) {
                    // rclone skips what the bucket has: every run starts from an empty prefix.
                    empty(s3, "rclone-http/");
                    measure(RCLONE_HTTP_S3, rcloneFromHttp(s3, nginxHub));
                }
            }
            if (s3Paths) {
                measure("curl PUT file->s3 (s3proxy ingest)", curlPut(s3, files));
            }

            // s3 -> dir
            List<String> urls = presignedGets(s3, files.keySet());
            for (int i = 0; i < (PATHS.contains("s3-dir") ? runs : 0); i++) {
                measureDurable(S3_DIR, env, "s3://bench/cache/model");
                if (has("rclone", "version")) {
                    measure(RCLONE_S3, rclone(s3));
                }
                measure("loader s3->dir --no-fsync", loader(env, "s3://bench/cache/model", root.resolve("out"), true));
                measure("curl s3->file", curlParallel(urls, files.keySet(), false));
            }
        }
        report();
    }

    /** The loader into a directory, verified and durable; then the baseline build, when one is given. */
    private void measureDurable(String name, Map<String, String> env, String source) throws Exception {
        measure(name, loader(env, source, root.resolve("out"), false));
        if (BASELINE != null) {
            measure("baseline " + name, loader(BASELINE, env, source, root.resolve("out"), false));
        }
    }

    private static void empty(S3TestServer s3, String prefix) {
        s3.listKeys("bench", prefix)
                .forEach(k -> s3.client().deleteObject(d -> d.bucket("bench").key(k)));
    }

    // ---- the commands ----

    private Cmd loader(Map<String, String> env, String source, Path dir, boolean noFsync) {
        return loader(System.getProperty("bench.loaderClasspath", ChildLoader.classpath()), env, source, dir, noFsync);
    }

    private Cmd loader(String classpath, Map<String, String> env, String source, Path dir, boolean noFsync) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LOADER_JVM_FLAGS);
        cmd.addAll(List.of(
                "-cp",
                classpath,
                "io.kubeai.gitops.loader.cli.LoaderMain",
                "load",
                source,
                dir == null ? "s3://bench/cache/model" : dir.toString(),
                "--progress",
                "json",
                "--progress-interval",
                "1h"));
        if (noFsync) {
            cmd.add("--no-fsync");
        }
        // Extra loader options to try, comma-separated: -Dbench.loaderArgs=-c,4,--part-size,32MiB
        String extra = System.getProperty("bench.loaderArgs", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split(",")));
        }
        return new Cmd(cmd, env, dir);
    }

    /** One curl process a file, all at once, as a shell script would; then {@code sync} when asked. */
    private Cmd curlParallel(List<String> urls, Iterable<String> names, boolean sync) {
        Path out = root.resolve("out");
        StringBuilder script = new StringBuilder("set -e; pids=\"\"; ");
        int i = 0;
        for (String name : names) {
            script.append("curl -sSf '")
                    .append(urls.get(i++))
                    .append("' -o '")
                    .append(out.resolve(name))
                    .append("' & pids=\"$pids $!\"; ");
        }
        script.append("for p in $pids; do wait $p; done").append(sync ? "; sync" : "");
        return new Cmd(List.of("bash", "-c", script.toString()), Map.of(), out);
    }

    private Cmd aria2(List<String> urls, Iterable<String> names) throws IOException {
        Path out = root.resolve("out");
        StringBuilder input = new StringBuilder();
        int i = 0;
        for (String name : names) {
            input.append(urls.get(i++)).append("\n  out=").append(name).append("\n");
        }
        Path list = Files.writeString(root.resolve("aria2.txt"), input);
        return new Cmd(
                List.of(
                        "aria2c",
                        "-x4",
                        "-j4",
                        "-d",
                        out.toString(),
                        "-i",
                        list.toString(),
                        "--allow-overwrite=true",
                        "--auto-file-renaming=false",
                        "--console-log-level=warn",
                        "--summary-interval=0",
                        "--download-result=hide"),
                Map.of(),
                out);
    }

    /** rclone copying the same files from the HTTP server into the same S3 server: the peer of hf -> s3. */
    private Cmd rcloneFromHttp(S3TestServer s3, NginxHub hub) {
        List<String> cmd = List.of(
                "env",
                "-u",
                "AWS_CA_BUNDLE",
                "rclone",
                "copy",
                ":http:",
                "bench:bench/rclone-http",
                "--http-url",
                hub.endpoint() + "/files/",
                "--transfers",
                "4",
                "--s3-upload-concurrency",
                "4",
                "--s3-chunk-size",
                "16M",
                "--s3-upload-cutoff",
                "16M");
        return new Cmd(cmd, rcloneEnv(s3), null);
    }

    /** {@link HashFloor} as a child JVM with the loader's flags: the least a verifying JVM can do. */
    private Cmd hashFloor(List<String> urls, Iterable<String> names) {
        Path out = root.resolve("out");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LOADER_JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HashFloor.class.getName(), out.toString()));
        int i = 0;
        for (String name : names) {
            // Neither server redirects: resolve answers with the bytes.
            cmd.add(name + "=" + urls.get(i++));
        }
        return new Cmd(cmd, Map.of(), out);
    }

    private Cmd curlPut(S3TestServer s3, Map<String, Path> files) {
        try (S3Presigner p = presigner(s3)) {
            List<String> cmd = new ArrayList<>(List.of("curl", "-sSf"));
            for (Map.Entry<String, Path> f : files.entrySet()) {
                String url = p.presignPutObject(r -> r.signatureDuration(Duration.ofHours(1))
                                .putObjectRequest(o -> o.bucket("bench").key("put/" + f.getKey())))
                        .url()
                        .toString();
                cmd.addAll(List.of("-T", f.getValue().toString(), url));
            }
            return new Cmd(cmd, Map.of(), null);
        }
    }

    private Cmd rclone(S3TestServer s3) {
        Path out = root.resolve("out");
        List<String> cmd = List.of(
                "env",
                "-u",
                "AWS_CA_BUNDLE",
                "rclone",
                "copy",
                "bench:bench/cache/model",
                out.toString(),
                "--transfers",
                "4",
                "--multi-thread-streams",
                "4",
                "--exclude",
                ".kubeai/**");
        return new Cmd(cmd, rcloneEnv(s3), out);
    }

    private static Map<String, String> rcloneEnv(S3TestServer s3) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RCLONE_CONFIG_BENCH_TYPE", "s3");
        env.put("RCLONE_CONFIG_BENCH_PROVIDER", "Other");
        env.put("RCLONE_CONFIG_BENCH_ACCESS_KEY_ID", s3.accessKey());
        env.put("RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("RCLONE_CONFIG_BENCH_ENDPOINT", s3.endpoint().toString());
        env.put("RCLONE_CONFIG_BENCH_REGION", s3.region());
        env.put("RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE", "true");
        return env;
    }

    private List<String> presignedGets(S3TestServer s3, Iterable<String> names) {
        try (S3Presigner p = presigner(s3)) {
            List<String> urls = new ArrayList<>();
            for (String name : names) {
                urls.add(p.presignGetObject(r -> r.signatureDuration(Duration.ofHours(1))
                                .getObjectRequest(g -> g.bucket("bench").key("cache/model/" + name)))
                        .url()
                        .toString());
            }
            return urls;
        }
    }

    private static S3Presigner presigner(S3TestServer s3) {
        return S3Presigner.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static boolean has(String tool, String versionFlag) {
        try {
            return new ProcessBuilder(tool, versionFlag)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A command and the directory it writes, emptied before each run. */
    private record Cmd(List<String> command, Map<String, String> env, Path out) {}

    private void measure(String name, Cmd cmd) throws Exception {
        if (cmd.out() != null) {
            deleteTree(cmd.out());
            Files.createDirectories(cmd.out());
        }
        // Every command starts with no dirty pages: otherwise it pays for writing back the previous
        // command's 2 GiB, and the order of the commands decides the ratios.
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Path log = root.resolve("last.log");
        Measured m = Measured.run(name, total, cmd.command(), cmd.env(), log);
        if (m.exit() != 0) {
            throw new IllegalStateException(name + " failed with exit " + m.exit() + ":\n" + Files.readString(log));
        }
        String inside = "";
        if (name.startsWith("loader")) {
            double seconds = loadSeconds(log);
            inside = String.format(Locale.ROOT, "  (in-process %.2fs, %.1f MB/s)", seconds, total / seconds / 1e6);
        }
        say(String.format(
                Locale.ROOT,
                "  %-38s %6.2fs %7.1f MB/s  cpu %5.2f s/GiB  rss %4d MiB%s",
                name,
                m.wall().toMillis() / 1000.0,
                m.mbPerSecond(),
                m.cpuPerGib(),
                m.peakRssKib() / 1024,
                inside));
        best.merge(name, m, (a, b) -> a.wall().compareTo(b.wall()) <= 0 ? a : b);
    }

    /** The load's own duration, from the loader's JSON {@code done} event: the wall time less JVM start-up. */
    private static double loadSeconds(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"seconds\":([0-9.]+)").matcher(lines.get(i));
            if (lines.get(i).contains("\"event\":\"done\"") && m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    private void report() {
        say("");
        say("best of " + runs + " (MB/s over the process's wall time; CPU user + sys per GiB; peak RSS):");
        best.values()
                .forEach(m -> say(String.format(
                        Locale.ROOT,
                        "  %-38s %7.1f MB/s  cpu %5.2f s/GiB  rss %4d MiB",
                        m.name(),
                        m.mbPerSecond(),
                        m.cpuPerGib(),
                        m.peakRssKib() / 1024)));
        say("");
        say("targets (ratios of the best runs):");
        ratio(HF_DIR, CURL_SYNC, 1.0);
        ratio(HF_DIR, ARIA2, 1.5);
        ratio(S3_DIR, RCLONE_S3, 1.5);
        ratio(HF_S3, RCLONE_HTTP_S3, 1.0);
        long rss = best.values().stream()
                        .filter(m -> m.name().startsWith("loader"))
                        .mapToLong(Measured::peakRssKib)
                        .max()
                        .orElse(0)
                / 1024;
        say(String.format(Locale.ROOT, "  loader peak RSS %d MiB (target <= 256) %s", rss, rss <= 256 ? "ok" : "OVER"));
        say("for orientation:");
        ratio("loader hf->dir --no-fsync", "curl x4 parallel, no sync", 0);
        ratio("floor: JVM fetch + sha256 (HashFloor)", "curl x4 parallel, no sync", 0);
        ratio(HF_S3, "curl PUT file->s3 (s3proxy ingest)", 0);
        ratio("loader s3->dir --no-fsync", "curl s3->file", 0);
        Measured loader = best.get(HF_DIR);
        Measured curl = best.get(CURL_SYNC);
        if (loader != null && curl != null) {
            say(String.format(
                    Locale.ROOT,
                    "  CPU per GiB, hf->dir: loader %.2f s (verifying sha256), curl %.2f s",
                    loader.cpuPerGib(),
                    curl.cpuPerGib()));
        }
    }

    private void ratio(String a, String b, double target) {
        Measured x = best.get(a);
        Measured y = best.get(b);
        if (x != null && y != null) {
            double r = x.mbPerSecond() / y.mbPerSecond();
            String verdict = target <= 0
                    ? ""
                    : String.format(Locale.ROOT, "(target >= %.1fx) %s", target, r >= target ? "ok" : "NOT MET");
            say(String.format(Locale.ROOT, "  %-38s / %-30s %5.2fx %s", a, b, r, verdict));
        } else if (target > 0) {
            say(String.format(Locale.ROOT, "  %-38s / %-30s not measured (tool missing)", a, b));
        }
    }

    // ---- data ----

    /** Four shards of random bytes plus small JSON files, as a Hugging Face model repository has. */
    private Map<String, Path> generate() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("config.json", write("config.json", "{\"model_type\":\"llama\",\"hidden_size\":4096}"));
        files.put("generation_config.json", write("generation_config.json", "{\"do_sample\":true}"));
        files.put("tokenizer.json", write("tokenizer.json", "{\"version\":\"1.0\",\"vocab\":{}}".repeat(2000)));
        for (int i = 1; i <= 4; i++) {
            String name = String.format("model-%05d-of-00004.safetensors", i);
            Path p = data.resolve(name);
            SplittableRandom random = new SplittableRandom(i);
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream out = Files.newOutputStream(p)) {
                for (long done = 0; done < shardBytes; done += buf.capacity()) {
                    buf.clear();
                    while (buf.hasRemaining()) {
                        buf.putLong(random.nextLong());
                    }
                    out.write(buf.array());
                }
            }
            files.put(name, p);
        }
        return files;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(data.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void say(String line) {
        System.out.println(line);
        lines.add(line);
    }

    private void cleanUp() throws IOException {
        deleteTree(root);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
