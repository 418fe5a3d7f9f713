package io.kubeai.gitops.testing.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An image tarball as Jib's {@code buildTar} writes it (an OCI image layout, or {@code docker save}'s
 * format): its configuration, its layers' entries, and its entrypoint run from the unpacked layers.
 * Running maps the image's absolute paths into the unpacked root (the entrypoint's program found through
 * the image's {@code PATH}, classpath entries, the working directory), which is what a container runtime's
 * mount namespace does, without needing one.
 */
public final class ImageTarball {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode config;
    private final List<byte[]> layers;

    private ImageTarball(JsonNode config, List<byte[]> layers) {
        this.config = config;
        this.layers = layers;
    }

    public static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball)) {
            Tar.read(in, (entry, content) -> {
                if (entry.isFile()) {
                    files.put(entry.path(), content.readAllBytes());
                }
            });
        }
        JsonNode manifest;
        JsonNode config;
        List<byte[]> layers = new ArrayList<>();
        if (files.containsKey("index.json")) {
            JsonNode index = JSON.readTree(files.get("index.json"));
            manifest = JSON.readTree(
                    blob(files, index.path("manifests").path(0).path("digest").asText()));
            config = JSON.readTree(
                    blob(files, manifest.path("config").path("digest").asText()));
            for (JsonNode layer : manifest.path("layers")) {
                layers.add(blob(files, layer.path("digest").asText()));
            }
        } else if (files.containsKey("manifest.json")) {
            manifest = JSON.readTree(files.get("manifest.json")).path(0);
            config = JSON.readTree(require(files, manifest.path("Config").asText()));
            for (JsonNode layer : manifest.path("Layers")) {
                layers.add(require(files, layer.asText()));
            }
        } else {
            throw new IOException(tarball + ": neither an OCI layout (index.json) nor docker save (manifest.json)");
        }
        return new ImageTarball(config, layers);
    }

    /**
     * The tarball {@code mvn verify} built for the module under test (the directory in the system property
     * {@code kubeai.image.check.dir}, set by failsafe), unpacked under {@code dir}.
     */
    public static Unpacked unpackCheckImage(Path dir) throws IOException {
        String checkDir = System.getProperty("kubeai.image.check.dir");
        if (checkDir == null) {
            throw new IllegalStateException("kubeai.image.check.dir is not set: run the image check with mvn verify");
        }
        ImageTarball image = read(Path.of(checkDir, "image.tar"));
        Path root = dir.resolve("rootfs");
        image.unpack(root);
        return new Unpacked(image, root);
    }

    /** An image unpacked at {@code root}, ready to run. */
    public record Unpacked(ImageTarball image, Path root) {
        /** Runs the entrypoint with {@code args} (see {@link ImageTarball#run}), for at most a minute. */
        public Run run(String... args) throws IOException, InterruptedException {
            return image.run(root, List.of(args), Duration.ofSeconds(60));
        }

        /**
         * Starts the entrypoint of a server with {@code args} and the image's environment plus {@code env}
         * (what a Deployment adds), and leaves it running; close the result to stop it.
         */
        public RunningImage start(Map<String, String> env, String... args) throws IOException {
            return new RunningImage(image.process(root, List.of(args), env).start());
        }
    }

    private static byte[] blob(Map<String, byte[]> files, String digest) throws IOException {
        return require(files, "blobs/" + digest.replace(':', '/'));
    }

    private static byte[] require(Map<String, byte[]> files, String name) throws IOException {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IOException("image tarball has no " + name);
        }
        return bytes;
    }

    /** The image's configuration ({@code architecture}, {@code os}, {@code config.Entrypoint}, ...). */
    public JsonNode config() {
        return config;
    }

    /** {@code config.Entrypoint}. */
    public List<String> entrypoint() {
        return strings(config.path("config").path("Entrypoint"));
    }

    /** {@code config.Cmd}. */
    public List<String> cmd() {
        return strings(config.path("config").path("Cmd"));
    }

    public String user() {
        return config.path("config").path("User").asText();
    }

    public String workingDir() {
        return config.path("config").path("WorkingDir").asText();
    }

    /** {@code config.Env} as a map. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (String e : strings(config.path("config").path("Env"))) {
            int eq = e.indexOf('=');
            env.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return env;
    }

    public Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        config.path("config")
                .path("Labels")
                .fields()
                .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }

    /** Every entry of every layer, in order (later layers last). */
    public List<Tar.Entry> entries() throws IOException {
        List<Tar.Entry> entries = new ArrayList<>();
        for (byte[] layer : layers) {
            Tar.read(new ByteArrayInputStream(layer), (entry, content) -> entries.add(entry));
        }
        return entries;
    }

    /** Unpacks the layers in order under {@code root}, as a container runtime stacks them. */
    public void unpack(Path root) throws IOException {
        Files.createDirectories(root);
        for (byte[] layer : layers) {
            Tar.unpackLayer(new ByteArrayInputStream(layer), root.toRealPath());
        }
    }

    /**
     * What the generator's templates assume of every runtime image, as a list of what does not hold (empty:
     * all of it does): user and group 65532 (the rendered {@code runAsUser}), the working directory
     * {@code /tmp} (the emptyDir every rendered container mounts), {@code HOME} there too, the entrypoint
     * {@code java ... mainClass} with no {@code Cmd} (the templates render only args), a Linux image, and
     * every file the image adds readable and no file set-uid, so that uid 65532 can run it.
     */
    public List<String> contractProblems(String mainClass) throws IOException {
        List<String> problems = new ArrayList<>();
        expect(problems, "user", "65532:65532", user());
        expect(problems, "working directory", "/tmp", workingDir());
        expect(problems, "HOME", "/tmp", env().get("HOME"));
        expect(problems, "os", "linux", config.path("os").asText());
        List<String> entrypoint = entrypoint();
        if (entrypoint.size() < 2
                || !entrypoint.get(0).equals("java")
                || !entrypoint.get(entrypoint.size() - 1).equals(mainClass)) {
            problems.add("entrypoint: expected [java, ..., " + mainClass + "], got " + entrypoint);
        }
        if (!cmd().isEmpty()) {
            problems.add("Cmd: expected none (the generator passes args), got " + cmd());
        }
        for (Tar.Entry e : entries()) {
            boolean readable = e.isDirectory() ? (e.mode() & 0555) == 0555 : (e.mode() & 0444) == 0444;
            if (e.path().startsWith("app") && !e.isSymlink() && !readable) {
                problems.add(e.path() + ": mode " + Integer.toOctalString(e.mode()) + " is not readable by 65532");
            }
            if ((e.mode() & 06000) != 0) {
                problems.add(e.path() + ": set-uid or set-gid");
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** What a run printed and how it ended. */
    public record Run(int exitCode, String output) {}

    /**
     * Runs the entrypoint with {@code args} from the image unpacked at {@code root}, with the image's
     * environment and working directory (both mapped into {@code root}).
     */
    public Run run(Path root, List<String> args, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = process(root, args, Map.of());
        Process process = pb.start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out after " + timeout + ": " + pb.command());
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * The entrypoint with {@code args} as a process of the image unpacked at {@code root}: the image's
     * environment and {@code env} (nothing of the host's), its working directory, output and errors as one.
     */
    private ProcessBuilder process(Path root, List<String> args, Map<String, String> env) throws IOException {
        Path realRoot = root.toRealPath();
        List<String> entrypoint = entrypoint();
        if (entrypoint.isEmpty()) {
            throw new IOException("the image has no entrypoint");
        }
        List<String> command = new ArrayList<>();
        command.add(program(realRoot, entrypoint.get(0)).toString());
        for (String arg : entrypoint.subList(1, entrypoint.size())) {
            command.add(mapPaths(realRoot, arg));
        }
        command.addAll(args);
        Path workDir = inside(realRoot, workingDir().isEmpty() ? "/" : workingDir());
        Files.createDirectories(workDir);
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env());
        pb.environment().putAll(env);
        return pb;
    }

    /** A program named as the runtime would find it: an absolute path in the image, else on its PATH. */
    private Path program(Path root, String name) throws IOException {
        if (name.startsWith("/")) {
            return existing(inside(root, name), name);
        }
        String path = env().getOrDefault("PATH", CheckBaseImage.PATH);
        for (String dir : path.split(":")) {
            Path candidate = inside(root, dir).resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException("'" + name + "' is not on the image's PATH " + path);
    }

    private static Path existing(Path p, String name) throws IOException {
        if (!Files.isExecutable(p)) {
            throw new IOException(name + " does not exist in the image or is not executable");
        }
        return p;
    }

    /** Absolute image paths in a ':'-separated value (a classpath, or one path) moved under the root. */
    private static String mapPaths(Path root, String arg) {
        if (!arg.startsWith("/")) {
            return arg;
        }
        List<String> mapped = new ArrayList<>();
        for (String part : arg.split(":")) {
            mapped.add(part.startsWith("/") ? root + part : part);
        }
        return String.join(":", mapped);
    }

    private static Path inside(Path root, String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
