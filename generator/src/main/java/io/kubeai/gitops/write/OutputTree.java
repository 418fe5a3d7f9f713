package io.kubeai.gitops.write;

import io.kubeai.gitops.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The output folder. {@link #diff} says what would change; {@link #replace} makes the change by building
 * the new tree in scratch space and swapping it in (see {@link TreeSwap}), so an error or a kill part-way
 * leaves the old tree, or the new one, never a mix and never nothing.
 */
public final class OutputTree {
    private final Path dir;

    public OutputTree(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** What a replace would do or did. */
    public record Changes(List<String> written, List<String> deleted) {
        public boolean isEmpty() {
            return written.isEmpty() && deleted.isEmpty();
        }
    }

    /** What a generate that was killed left behind, as this run finds it. */
    public enum Interrupted {
        /** Nothing. */
        NOTHING,
        /**
         * Scratch files only: a new tree it never finished writing, or a swap that got as far as moving the
         * new tree in. The output folder is the tree of record; the next generate removes the rest.
         */
        LEFTOVERS,
        /** A swap it had committed to: the new tree waits in the scratch folder to be moved in. */
        SWAP
    }

    public Interrupted interrupted() {
        TreeSwap swap = new TreeSwap(dir);
        return switch (swap.leftover()) {
            case NONE -> Interrupted.NOTHING;
            case UNCOMMITTED -> Interrupted.LEFTOVERS;
            case COMMITTED -> swap.treeOfRecord().equals(dir) ? Interrupted.LEFTOVERS : Interrupted.SWAP;
        };
    }

    /** The scratch folder where an interrupted run's trees wait. */
    public Path scratch() {
        return new TreeSwap(dir).scratch();
    }

    /**
     * The folder to read as the current tree: the output folder, or the committed new tree of an
     * interrupted swap (which the next generate moves in), so a reader never sees a missing or old tree.
     */
    public Path current() {
        return new TreeSwap(dir).treeOfRecord();
    }

    /** What a replace would do, compared with the {@link #current} tree. */
    public Changes diff(List<RenderedFile> files) throws IOException {
        Path tree = current();
        Map<String, String> wanted = withManifest(files);
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!UserFiles.isPlainFile(tree, e.getKey()) || !sameContent(tree.resolve(e.getKey()), e.getValue())) {
                written.add(e.getKey());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String old : Manifest.read(tree)) {
            if (!wanted.containsKey(old) && Files.exists(tree.resolve(old), LinkOption.NOFOLLOW_LINKS)) {
                deleted.add(old);
            }
        }
        return new Changes(written, deleted);
    }

    /** The files the generator wrote last time (from the {@link #current} tree's manifest). */
    public List<String> generatedBefore() throws IOException {
        return List.copyOf(Manifest.read(current()));
    }

    /**
     * Replaces the output folder's generated files with {@code files} if {@code swapIn} says so once the
     * new tree is written beside it: false throws the new tree away and leaves the output as it was
     * (the changes returned are then none). Returns what changed.
     */
    public Changes replace(List<RenderedFile> files, BooleanSupplier swapIn) throws IOException {
        TreeSwap swap = new TreeSwap(dir);
        swap.recover();
        Changes changes = diff(files);
        if (changes.isEmpty()) {
            return changes;
        }
        Path fresh = swap.begin();
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            UserFiles.carryOver(dir, Manifest.read(dir), fresh);
        }
        FaultPoint.reached("carried-over");
        int count = 0;
        Map<String, String> wanted = withManifest(files);
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Path target = UserFiles.clearPath(fresh, e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            if (++count == wanted.size() / 2) {
                FaultPoint.reached("writing");
            }
        }
        FaultPoint.reached("written");
        if (!swapIn.getAsBoolean()) {
            swap.recover();
            return new Changes(List.of(), List.of());
        }
        swap.commit();
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

    private static boolean sameContent(Path path, String content) throws IOException {
        byte[] wanted = content.getBytes(StandardCharsets.UTF_8);
        return Files.size(path) == wanted.length && Arrays.equals(Files.readAllBytes(path), wanted);
    }

    /** Deletes a file, a link or a folder with everything in it, following no link; nothing if absent. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
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
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
