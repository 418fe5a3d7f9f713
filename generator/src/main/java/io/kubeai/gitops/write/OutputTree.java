package io.kubeai.gitops.write;

import io.kubeai.gitops.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The output folder. {@link #diff} says what would change; {@link #replace} makes the change by building
 * the new tree beside the old one and swapping the two, so an error part-way leaves the old tree as it was.
 */
public final class OutputTree {
    private final Path dir;

    public OutputTree(Path dir) {
        this.dir = dir;
    }

    /** What a replace would do. */
    public record Changes(List<String> written, List<String> deleted) {
        public boolean isEmpty() {
            return written.isEmpty() && deleted.isEmpty();
        }
    }

    public Changes diff(List<RenderedFile> files) throws IOException {
        Map<String, String> wanted = withManifest(files);
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path path = dir.resolve(e.getKey());
            if (!Files.isRegularFile(path) || !sameContent(path, e.getValue())) {
                written.add(e.getKey());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String old : Manifest.read(dir)) {
            if (!wanted.containsKey(old) && Files.exists(dir.resolve(old))) {
                deleted.add(old);
            }
        }
        return new Changes(written, deleted);
    }

    /** Replaces the output folder's generated files with {@code files}; returns what changed. */
    public Changes replace(List<RenderedFile> files) throws IOException {
        Changes changes = diff(files);
        if (changes.isEmpty()) {
            return changes;
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path staging = parent.resolve("." + dir.getFileName() + ".staging-" + id);
        Path old = parent.resolve("." + dir.getFileName() + ".old-" + id);
        try {
            Set<String> generatedBefore = Manifest.read(dir);
            if (Files.isDirectory(dir)) {
                copyUserFiles(generatedBefore, staging);
            }
            for (Map.Entry<String, String> e : withManifest(files).entrySet()) {
                Path target = staging.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            }
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
        deleteRecursively(old);
        return changes;
    }

    private static Map<String, String> withManifest(List<RenderedFile> files) {
        Map<String, String> wanted = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (RenderedFile f : files) {
            wanted.put(f.path(), f.content());
            paths.add(f.path());
        }
        wanted.put(Manifest.FILE, Manifest.render(paths));
        return wanted;
    }

    /** Files the user put in the output folder are carried over untouched. */
    private void copyUserFiles(Set<String> generated, Path staging) throws IOException {
        Files.createDirectories(staging);
        TreeSet<Path> files = new TreeSet<>();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            if (!generated.contains(rel) && !rel.equals(Manifest.FILE)) {
                Path target = staging.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static boolean sameContent(Path path, String content) throws IOException {
        byte[] wanted = content.getBytes(StandardCharsets.UTF_8);
        return Files.size(path) == wanted.length && java.util.Arrays.equals(Files.readAllBytes(path), wanted);
    }

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
