package io.kubeai.gitops.adaptersync.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.adaptersync.config.AdapterSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The adapters directory: {@code <root>/<name>/} holds the adapter the engine loads, with
 * {@code .kubeai/complete.json} (written by the fetcher once verified) and {@code .kubeai/adapter-sync.json}
 * (the URL it came from, so a restarted sidecar knows what is on disk). Downloads go to
 * {@code <root>/.incoming/<name>-<n>/} and are moved into place only once verified, so the engine never
 * sees a partial adapter. Only directories carrying the sidecar's marker are ever deleted.
 */
public final class AdapterFiles {

    private static final String MARKER_DIR = ".kubeai";
    private static final String COMPLETE = "complete.json";
    private static final String SOURCE = "adapter-sync.json";
    private static final String INCOMING = ".incoming";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    private final AtomicLong sequence = new AtomicLong();

    public AdapterFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Creates the root and drops downloads a previous run left half-done. */
    public void init() throws IOException {
        Files.createDirectories(root);
        deleteTree(root.resolve(INCOMING));
    }

    public Path dir(String name) {
        return root.resolve(name);
    }

    /** A fresh, empty staging directory for one download of {@code name}. */
    public Path newIncoming(String name) throws IOException {
        Path dir = root.resolve(INCOMING).resolve(name + "-" + sequence.incrementAndGet());
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    /** The adapter's local cache copy, when its cachePath is a local path that a loader has completed. */
    public static Optional<Path> localCache(AdapterSpec spec) {
        String cache = spec.cachePath();
        if (cache == null || cache.contains("://")) {
            return Optional.empty();
        }
        Path path = Path.of(cache).toAbsolutePath().normalize();
        return isComplete(path) ? Optional.of(path) : Optional.empty();
    }

    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER_DIR).resolve(COMPLETE));
    }

    /** The URL the installed copy of {@code name} came from, or {@code null} if there is no complete copy. */
    public String installedSource(String name) {
        Path dir = dir(name);
        if (!isComplete(dir)) {
            return null;
        }
        try {
            return MAPPER.readTree(dir.resolve(MARKER_DIR).resolve(SOURCE).toFile())
                    .path("url")
                    .asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Checks a finished download and records where it came from. */
    public void verify(Path dir, String url) throws IOException {
        if (!isComplete(dir)) {
            throw new IOException("the download has no " + MARKER_DIR + "/" + COMPLETE + ": it did not finish");
        }
        if (!Files.isRegularFile(dir.resolve("adapter_config.json"))) {
            throw new IOException("no adapter_config.json at the top of the download: not a PEFT LoRA adapter");
        }
        writeJson(dir.resolve(MARKER_DIR).resolve(SOURCE), Map.of("url", url));
    }

    /** Replaces {@code <root>/<name>} by a verified download. */
    public Path install(String name, Path incoming) throws IOException {
        Path target = dir(name);
        deleteTree(target);
        Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Deletes {@code <root>/<name>} if the sidecar put it there. */
    public void remove(String name) throws IOException {
        Path dir = dir(name);
        if (Files.exists(dir.resolve(MARKER_DIR).resolve(SOURCE))) {
            deleteTree(dir);
        }
    }

    /** Names of the adapter directories the sidecar put in the root. */
    public List<String> installedNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")
                        && Files.exists(entry.resolve(MARKER_DIR).resolve(SOURCE))) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return names;
    }

    private static void writeJson(Path file, Map<String, ?> content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
