package io.kubeai.gitops.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces the output folder with a new tree so that a process killed at any instant leaves either the
 * old tree or the new one, and the next run finishes what it started. The new tree is built in a scratch
 * folder beside the output ({@code .kubeai-swap/<name>/}, ignored by Git through its own
 * {@code .gitignore}, so {@code git add -A} never commits a half-written copy). A {@code commit} marker,
 * written atomically once the new tree is complete, is the point of no return: without it a leftover
 * new tree is thrown away, with it the swap is carried forward.
 *
 * <p>Between the swap's two renames the output folder does not exist (no portable rename exchanges two
 * folders). Readers that come in that window, or any time before the next run finishes the swap, take
 * {@link #treeOfRecord()} instead of the output folder: the committed new tree wherever it is, so that
 * what they read is always one whole tree, and the same one the next run will leave in place.
 */
final class TreeSwap {
    /** The scratch folder beside the output; everything in it belongs to the generator. */
    static final String SCRATCH = ".kubeai-swap";

    private final Path dir;
    private final Path work;
    private final Path fresh;
    private final Path old;
    private final Path commit;

    TreeSwap(Path dir) {
        this.dir = dir;
        this.work = dir.resolveSibling(SCRATCH).resolve(dir.getFileName().toString());
        this.fresh = work.resolve("new");
        this.old = work.resolve("old");
        this.commit = work.resolve("commit");
    }

    /** What a run that was killed left behind, as the next one finds it. */
    enum Leftover {
        /** Nothing: the output folder is the tree of record. */
        NONE,
        /** A new tree that was never committed; the output folder is still the tree of record. */
        UNCOMMITTED,
        /** A committed swap, not yet finished: the new tree is the tree of record, wherever it is now. */
        COMMITTED
    }

    Leftover leftover() {
        if (Files.isRegularFile(commit, LinkOption.NOFOLLOW_LINKS)) {
            return Leftover.COMMITTED;
        }
        return Files.exists(work, LinkOption.NOFOLLOW_LINKS) ? Leftover.UNCOMMITTED : Leftover.NONE;
    }

    /**
     * The folder that holds the tree of record: the committed new tree while it still waits in the scratch
     * folder (the output folder is then the old tree, or missing between the two renames), else the output.
     */
    Path treeOfRecord() {
        return leftover() == Leftover.COMMITTED && Files.isDirectory(fresh, LinkOption.NOFOLLOW_LINKS) ? fresh : dir;
    }

    /** The scratch folder of this output, for messages. */
    Path scratch() {
        return work;
    }

    /** Where the new tree is built; empty and inside an ignored folder. */
    Path begin() throws IOException {
        recover();
        Path scratch = work.getParent();
        Files.createDirectories(scratch);
        Path ignore = scratch.resolve(".gitignore");
        if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(ignore, "# kubeai-gitops scratch space; never commit it\n*\n", StandardCharsets.UTF_8);
        }
        Files.createDirectories(fresh);
        return fresh;
    }

    /** Swaps the complete new tree in; each step is a rename or a delete that {@link #recover} can redo. */
    void commit() throws IOException {
        Path pending = work.resolve("commit.tmp");
        Files.writeString(pending, "swap\n", StandardCharsets.UTF_8);
        Files.move(pending, commit, StandardCopyOption.ATOMIC_MOVE);
        FaultPoint.reached("committed");
        finish();
    }

    /**
     * Finishes or rolls back an interrupted swap: a committed one is carried forward, an uncommitted one's
     * scratch copy is deleted. Safe to call at any time, and again after being killed part-way.
     */
    void recover() throws IOException {
        if (Files.isRegularFile(commit, LinkOption.NOFOLLOW_LINKS)) {
            finish();
        } else {
            OutputTree.deleteRecursively(work);
        }
        removeScratchIfEmpty();
        recoverLegacy();
    }

    private void finish() throws IOException {
        if (Files.isDirectory(fresh, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                FaultPoint.reached("old-moved");
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            FaultPoint.reached("new-moved");
        }
        OutputTree.deleteRecursively(old);
        FaultPoint.reached("old-deleted");
        Files.deleteIfExists(commit);
        OutputTree.deleteRecursively(work);
        removeScratchIfEmpty();
    }

    private void removeScratchIfEmpty() throws IOException {
        Path scratch = work.getParent();
        if (!Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(scratch)) {
            List<Path> left = entries.toList();
            if (left.stream().allMatch(p -> p.getFileName().toString().equals(".gitignore"))) {
                OutputTree.deleteRecursively(scratch);
            }
        }
    }

    /**
     * Earlier versions swapped through {@code .<name>.staging-*} and {@code .<name>.old-*} beside the
     * output. A staging copy is never the tree of record; an old copy is, when the output is missing.
     */
    private void recoverLegacy() throws IOException {
        String prefix = "." + dir.getFileName();
        if (!Files.isDirectory(dir.getParent())) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            leftovers = siblings.filter(p -> p.getFileName().toString().startsWith(prefix + ".staging-")
                            || p.getFileName().toString().startsWith(prefix + ".old-"))
                    .sorted()
                    .toList();
        }
        for (Path p : leftovers) {
            boolean oldCopy = p.getFileName().toString().startsWith(prefix + ".old-");
            if (oldCopy && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(p, dir, StandardCopyOption.ATOMIC_MOVE);
            } else {
                OutputTree.deleteRecursively(p);
            }
        }
    }
}
