package io.kubeai.gitops.testing.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes a stand-in for the runtime images' base ({@code gcr.io/distroless/java17-debian13:nonroot}) as a
 * {@code docker save} tarball that Jib takes as {@code tar://}: the same layout where it matters to the
 * images ({@code java} on the PATH at {@code /usr/bin/java}, a {@code nonroot} user 65532, {@code /tmp}),
 * with {@code /usr/bin/java} a symlink to the JRE running this program. No registry is needed, and the
 * image built on it runs that JRE when its entrypoint is run from the unpacked layers. Usage:
 * {@code CheckBaseImage OUT.tar}.
 */
public final class CheckBaseImage {

    /** The real base's PATH. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckBaseImage() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CheckBaseImage OUT.tar");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(System.getProperty("java.home")));
    }

    /** Writes the base tarball to {@code out}, with {@code /usr/bin/java} pointing into {@code javaHome}. */
    public static void write(Path out, Path javaHome) throws IOException {
        ByteArrayOutputStream layerBytes = new ByteArrayOutputStream();
        try (Tar.Writer layer = new Tar.Writer(layerBytes)) {
            layer.directory("etc", 0755, 0);
            layer.file(
                    "etc/passwd",
                    0644,
                    ("root:x:0:0:root:/root:/sbin/nologin\n"
                                    + "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n")
                            .getBytes(StandardCharsets.UTF_8));
            layer.file("etc/group", 0644, "root:x:0:\nnonroot:x:65532:\n".getBytes(StandardCharsets.UTF_8));
            layer.directory("home", 0755, 0);
            layer.directory("home/nonroot", 0700, 65532);
            layer.directory("tmp", 01777, 0);
            layer.directory("usr", 0755, 0);
            layer.directory("usr/bin", 0755, 0);
            layer.symlink("usr/bin/java", javaHome.resolve("bin/java").toString());
        }
        byte[] layer = layerBytes.toByteArray();
        ObjectNode config = JSON.createObjectNode()
                .put("architecture", architecture())
                .put("os", "linux")
                .put("created", "2026-01-01T00:00:00Z");
        ObjectNode runConfig = config.putObject("config").put("User", "65532:65532");
        runConfig.putArray("Env").add("PATH=" + PATH);
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + sha256(layer));
        byte[] configBytes = JSON.writeValueAsBytes(config);
        String configName = sha256(configBytes) + ".json";
        byte[] manifest = JSON.writeValueAsBytes(JSON.createArrayNode()
                .add(JSON.createObjectNode()
                        .put("Config", configName)
                        .set("Layers", JSON.createArrayNode().add("layer.tar"))));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out);
                Tar.Writer tar = new Tar.Writer(file)) {
            tar.file("manifest.json", 0644, manifest);
            tar.file(configName, 0644, configBytes);
            tar.file("layer.tar", 0644, layer);
        }
    }

    /** The host's platform, in the OCI spelling: the base holds the host's JRE. */
    static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
