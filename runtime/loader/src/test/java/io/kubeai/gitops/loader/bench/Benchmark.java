package io.kubeai.gitops.loader.bench;

import io.kubeai.gitops.loader.ChildLoader;
import io.kubeai.gitops.testing.hf.HfRepo;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.OutputStream;
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
 * <p>Paths: hf -> dir, hf -> s3 (which fills the bucket the next path reads), s3 -> dir. The loader
 * runs as a child process with the container image's JVM flags, {@code --no-fsync} (curl and rclone
 * do not fsync either; one extra run shows the default with fsync); its peak RSS comes from /proc.
 * Each command runs {@code bench.runs} times (default 2) and the best run counts. Data lives under
 * /tmp and is deleted at the end.
 */
public final class Benchmark {
    /** Keep in step with the jib-maven-plugin jvmFlags in the loader's pom. */
    static final List<String> LOADER_JVM_FLAGS =
            List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx160m", "-XX:MaxDirectMemorySize=96m", "-Xss512k");

    private final long shardBytes = Long.getLong("bench.shardMiB", 512) << 20;
    private final int runs = Integer.getInteger("bench.runs", 2);
    private final Path root;
    private final Path data;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Measured> best = new LinkedHashMap<>();
    private long total;

    private Benchmark() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "kubeai-loader-bench-");
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
        try (HfTestServer hub = HfTestServer.start();
                S3TestServer s3 = S3TestServer.start(Files.createDirectories(root.resolve("s3")))) {
            HfRepo repo = hub.createRepo("bench/model");
            files.forEach(repo::file);
            repo.commit("synthetic model");
            s3.createBucket("bench");
            Map<String, String> env = new LinkedHashMap<>(s3.environment());
            env.put("HF_ENDPOINT", hub.endpoint().toString());

            // hf -> dir
            for (int i = 0; i < runs; i++) {
                measure("loader hf->dir", loader(env, "hf://bench/model", root.resolve("out"), true));
                measure(
                        "curl hf->file",
                        curl(
                                files.keySet().stream()
                                        .map(f -> hub.endpoint() + "/bench/model/resolve/main/" + f)
                                        .toList(),
                                files.keySet()));
                measure("floor: JVM fetch + sha256 (HashFloor)", hashFloor(hub, files.keySet()));
            }
            measure("loader hf->dir (fsync)", loader(env, "hf://bench/model", root.resolve("out"), false));

            // hf -> s3; the last run stays as the bucket cache the s3 -> dir runs read
            for (int i = 0; i < runs; i++) {
                s3.listKeys("bench", "cache/")
                        .forEach(k ->
                                s3.client().deleteObject(d -> d.bucket("bench").key(k)));
                measure("loader hf->s3", loader(env, "hf://bench/model", null, true));
            }
            measure("curl PUT file->s3 (s3proxy ingest)", curlPut(s3, files));
            if (hasRclone()) {
                // The same upload as the loader's (multipart, 16 MiB parts, 4 at a time), from local files.
                measure("rclone dir->s3 (multipart, 4 streams)", rcloneUpload(s3));
            }

            // s3 -> dir
            List<String> urls = presignedGets(s3, files.keySet());
            for (int i = 0; i < runs; i++) {
                measure("loader s3->dir", loader(env, "s3://bench/cache/model", root.resolve("out"), true));
                measure("curl s3->file", curl(urls, files.keySet()));
                if (hasRclone()) {
                    measure("rclone s3->dir (4 streams)", rclone(s3));
                }
            }
        }
        report();
    }

    // ---- the commands ----

    private Cmd loader(Map<String, String> env, String source, Path dir, boolean noFsync) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LOADER_JVM_FLAGS);
        String classpath = System.getProperty("bench.loaderClasspath", ChildLoader.classpath());
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

    private Cmd curl(List<String> urls, Iterable<String> names) {
        Path out = root.resolve("out");
        List<String> cmd = new ArrayList<>(List.of("curl", "-sSf"));
        int i = 0;
        for (String name : names) {
            cmd.addAll(List.of(urls.get(i++), "-o", out.resolve(name).toString()));
        }
        return new Cmd(cmd, Map.of(), out);
    }

    /** {@link HashFloor} as a child JVM with the loader's flags: the least a verifying JVM can do. */
    private Cmd hashFloor(HfTestServer hub, Iterable<String> names) {
        Path out = root.resolve("out");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LOADER_JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HashFloor.class.getName(), out.toString()));
        for (String name : names) {
            // The Hub redirects nothing for the bench repo: resolve answers with the bytes.
            cmd.add(name + "=" + hub.endpoint() + "/bench/model/resolve/main/" + name);
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

    private Cmd rcloneUpload(S3TestServer s3) {
        List<String> cmd = List.of(
                "env",
                "-u",
                "AWS_CA_BUNDLE",
                "rclone",
                "copy",
                data.toString(),
                "bench:bench/rclone-put",
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

    private static boolean hasRclone() {
        try {
            return new ProcessBuilder("rclone", "version")
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
            inside = String.format(
                    Locale.ROOT,
                    "  (in-process %.2fs, %.1f MB/s)  peak RSS %d MiB",
                    seconds,
                    total / seconds / 1e6,
                    m.peakRssKib() / 1024);
        }
        say(String.format(
                Locale.ROOT,
                "  %-36s %7.2fs %8.1f MB/s%s",
                name,
                m.wall().toMillis() / 1000.0,
                m.mbPerSecond(),
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
        say("best of " + runs + ":");
        best.values()
                .forEach(m -> say(String.format(
                        Locale.ROOT,
                        "  %-36s %8.1f MB/s%s",
                        m.name(),
                        m.mbPerSecond(),
                        m.name().startsWith("loader")
                                ? String.format(Locale.ROOT, "   peak RSS %4d MiB", m.peakRssKib() / 1024)
                                : "")));
        say("");
        say("ratios (targets: >= 0.9x curl, >= 1.2x rclone, RSS < 300 MiB):");
        ratio("loader hf->dir", "curl hf->file", 0.9);
        ratio("floor: JVM fetch + sha256 (HashFloor)", "curl hf->file", 0);
        ratio("loader hf->s3", "curl hf->file", 0.9);
        ratio("loader s3->dir", "curl s3->file", 0.9);
        ratio("loader s3->dir", "rclone s3->dir (4 streams)", 1.2);
        say("  for orientation (no target): what s3proxy takes in");
        ratio("loader hf->s3", "curl PUT file->s3 (s3proxy ingest)", 0);
        ratio("loader hf->s3", "rclone dir->s3 (multipart, 4 streams)", 0);
        long rss = best.values().stream()
                        .filter(m -> m.name().startsWith("loader"))
                        .mapToLong(Measured::peakRssKib)
                        .max()
                        .orElse(0)
                / 1024;
        say(String.format(Locale.ROOT, "  loader peak RSS %d MiB %s", rss, rss < 300 ? "ok" : "OVER"));
    }

    private void ratio(String a, String b, double target) {
        Measured x = best.get(a);
        Measured y = best.get(b);
        if (x != null && y != null) {
            double r = x.mbPerSecond() / y.mbPerSecond();
            String verdict = target <= 0 ? "" : r >= target ? "ok" : "BELOW TARGET";
            say(String.format(Locale.ROOT, "  %-20s / %-28s %5.2fx %s", a, b, r, verdict));
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
