package io.kubeai.gitops.validator;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which files a path stands for; always in path order, so that output is the same on every machine. */
final class SourceFiles {

    private SourceFiles() {}

    /** Every {@code *.yaml} and {@code *.yml} file under {@code dir}, skipping hidden directories such as .git. */
    static List<Path> manifestsUnder(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path subdir, BasicFileAttributes attributes) {
                boolean hidden =
                        !subdir.equals(dir) && subdir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && hasExtension(file, ".yaml", ".yml")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /** Files as they are, and directories as the files directly in them with one of the extensions. */
    static List<Path> expand(List<Path> paths, String... extensions) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (var listing = Files.list(path)) {
                listing.filter(Files::isRegularFile)
                        .filter(file -> hasExtension(file, extensions))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName().toString();
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
