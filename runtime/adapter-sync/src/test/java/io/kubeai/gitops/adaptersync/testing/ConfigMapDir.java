package io.kubeai.gitops.adaptersync.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ConfigMap volume as the kubelet lays it out: {@code adapters.json -> ..data/adapters.json},
 * {@code ..data -> ..2026_01_01_00_00_00.N}, and each update written to a new timestamped directory whose
 * {@code ..data} symlink is swapped in with one rename, the old directory then removed.
 */
public final class ConfigMapDir {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "adapters.json";

    private final Path dir;
    private final AtomicInteger version = new AtomicInteger();

    public ConfigMapDir(Path dir) {
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(KEY);
    }

    /** Publishes new content the kubelet way: atomically. */
    public void publish(String content) {
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("..data");
            Path old = Files.isSymbolicLink(data) ? dir.resolve(Files.readSymbolicLink(data)) : null;
            String name = "..2026_01_01_00_00_00." + version.incrementAndGet();
            Path fresh = Files.createDirectory(dir.resolve(name));
            Files.writeString(fresh.resolve(KEY), content, StandardCharsets.UTF_8);
            Path tmp = dir.resolve("..data_tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, Path.of(name));
            Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE);
            if (!Files.isSymbolicLink(file())) {
                Files.createSymbolicLink(file(), Path.of("..data", KEY));
            }
            if (old != null) {
                Files.deleteIfExists(old.resolve(KEY));
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes straight into the current file, as a careless editor would: the reader may see it half-written. */
    public void overwriteInPlace(String content) {
        try {
            Files.writeString(
                    file(),
                    content,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the generator's shape for {@code model} and its adapters (sorted by name). */
    public void publish(String model, List<Adapter> adapters) {
        publish(render(model, adapters));
    }

    public static String render(String model, List<Adapter> adapters) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ArrayNode list = root.putArray("adapters");
        adapters.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(a -> {
            ObjectNode n = list.addObject().put("name", a.name()).put("url", a.url());
            if (a.cachePath() != null) {
                n.put("cachePath", a.cachePath());
            }
        });
        return root.toPrettyString();
    }

    /** One entry of adapters.json. */
    public record Adapter(String name, String url, String cachePath) {
        public static Adapter of(String name, String url) {
            return new Adapter(name, url, null);
        }
    }
}
