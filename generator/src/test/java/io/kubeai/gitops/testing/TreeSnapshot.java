package io.kubeai.gitops.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything under a folder, byte for byte and without following links: each file's bytes, each link's
 * target, each folder. Two snapshots are equal exactly when nothing under the folder changed.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {}

    /** Relative path to "dir", "link -> target" or "file <base64 of the bytes>"; empty when absent. */
    public static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            entries.put("", describe(dir));
            return entries;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                entries.put(rel(dir, d), "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                entries.put(rel(dir, file), describe(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link -> " + Files.readSymbolicLink(p);
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return "file " + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        }
        return "other";
    }

    private static String rel(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }
}
