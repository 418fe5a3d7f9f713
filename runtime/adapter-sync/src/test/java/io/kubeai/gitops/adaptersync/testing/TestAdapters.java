package io.kubeai.gitops.adaptersync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Makes small PEFT-shaped adapter directories to serve as sources. */
public final class TestAdapters {

    private TestAdapters() {}

    /** {@code <root>/<name>/} with an {@code adapter_config.json} and {@code bytes} bytes of "weights". */
    public static Path create(Path root, String name, int bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.writeString(
                    dir.resolve("adapter_config.json"),
                    "{\"peft_type\":\"LORA\",\"r\":8,\"lora_alpha\":16,\"target_modules\":[\"q_proj\",\"v_proj\"],"
                            + "\"base_model_name_or_path\":\"base\",\"name\":\"" + name + "\"}");
            byte[] weights = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                weights[i] = (byte) (i * 31 + name.hashCode());
            }
            Files.write(dir.resolve("adapter_model.safetensors"), weights);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a completion marker, as a loader does when it has filled a cache. */
    public static void markComplete(Path dir, String source) {
        try {
            Path marker = Files.createDirectories(dir.resolve(".kubeai")).resolve("complete.json");
            Files.writeString(marker, "{\"version\":1,\"source\":\"" + source + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads every file of {@code dir} to {@code bucket} under {@code prefix}. */
    public static void upload(io.kubeai.gitops.testing.s3.S3TestServer s3, String bucket, String prefix, Path dir) {
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> s3.putObject(
                            bucket, prefix + dir.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} relative to it, with its size: to compare a copy with its source. */
    public static Map<String, Long> listing(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).startsWith(".kubeai"))
                    .collect(java.util.stream.Collectors.toMap(
                            p -> dir.relativize(p).toString(),
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            (a, b) -> a,
                            java.util.TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
