package io.kubeai.gitops.write;

import io.kubeai.gitops.wording.WriteHints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks where the output folder is before anything is written there: the generator replaces that folder
 * as a whole, so it must be a real folder of its own, not the repo, not a file and not a link.
 */
public final class OutputFolder {
    private OutputFolder() {}

    /** What is wrong with writing the tree to {@code dir} for the repo at {@code repoDir}, if anything. */
    public static Optional<String> problem(Path repoDir, Path dir) throws IOException {
        Path out = dir.toAbsolutePath().normalize();
        Path repo = repoDir.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            return Optional.of(WriteHints.outputIsRoot());
        }
        if (repo.startsWith(out)) {
            return Optional.of(WriteHints.outputHoldsRepo());
        }
        if (Files.isSymbolicLink(out)) {
            return Optional.of(WriteHints.outputIsLink());
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(WriteHints.outputIsFile());
        }
        Path scratch = out.resolveSibling(TreeSwap.SCRATCH);
        if (Files.exists(scratch, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(WriteHints.scratchIsNotFolder(TreeSwap.SCRATCH));
        }
        if (out.startsWith(repo) && Files.exists(repo) && Files.exists(out.getParent())) {
            Path realParent = out.getParent().toRealPath();
            if (!realParent.startsWith(repo.toRealPath())) {
                return Optional.of(WriteHints.outputLeavesRepo());
            }
        }
        return Optional.empty();
    }
}
