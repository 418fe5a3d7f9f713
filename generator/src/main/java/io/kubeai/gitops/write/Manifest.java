package io.kubeai.gitops.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The list of files the generator wrote, kept in the output folder. Only files on it are ever deleted:
 * anything a user added by hand survives a re-render.
 */
final class Manifest {
    static final String FILE = ".kubeai-generated";
    private static final String HEADER = "# Files written by kubeai-gitops; it deletes only these. Do not edit.\n";

    private Manifest() {}

    static TreeSet<String> read(Path outputDir) throws IOException {
        Path file = outputDir.resolve(FILE);
        TreeSet<String> paths = new TreeSet<>();
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#") && isSafe(path)) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    static String render(List<String> paths) {
        StringBuilder out = new StringBuilder(HEADER);
        new TreeSet<>(paths).forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }

    /** A hand-edited manifest must not make us delete outside the output folder. */
    static boolean isSafe(String path) {
        return !path.startsWith("/") && !path.contains("..") && !path.contains("\\");
    }
}
