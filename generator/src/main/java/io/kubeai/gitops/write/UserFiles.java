package io.kubeai.gitops.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The files a user added to the output folder by hand, carried over into the new tree exactly as they
 * are. Links are copied as links, never followed: a hand-added link to a file outside the repo must not
 * turn into a copy of that file's content in Git.
 */
final class UserFiles {
    private UserFiles() {}

    static void carryOver(Path dir, Set<String> generated, Path target) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir, file);
                if (generated.contains(rel) || rel.equals(Manifest.FILE)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                    throw new IOException(
                            "cannot carry over " + rel + " in " + dir + ": it is neither a file nor a link");
                }
                Path copy = target.resolve(rel);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * True when {@code rel} names a regular file reached through real folders only, so reading it reads
     * nothing outside the output folder.
     */
    static boolean isPlainFile(Path dir, String rel) {
        Path path = dir;
        for (Path part : Path.of(rel)) {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            path = path.resolve(part.toString());
        }
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Clears the way for a generated file at {@code rel} in the new tree: a carried-over link or file that
     * stands where the generator needs a folder, or a link where it writes the file, is removed, so that
     * writing never follows a link out of the tree. Generated paths win over hand-added ones.
     */
    static Path clearPath(Path root, String rel) throws IOException {
        Path path = root;
        Path relative = Path.of(rel);
        for (int i = 0; i < relative.getNameCount(); i++) {
            path = path.resolve(relative.getName(i).toString());
            boolean last = i == relative.getNameCount() - 1;
            if (Files.isSymbolicLink(path)
                    || (!last
                            && Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    || (last && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
                OutputTree.deleteRecursively(path);
            }
        }
        return path;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
