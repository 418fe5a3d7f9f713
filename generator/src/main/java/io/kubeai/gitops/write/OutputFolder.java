package io.kubeai.gitops.write;

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
            return Optional.of("the output folder is the file system root; use a folder of its own, such as rendered");
        }
        if (repo.startsWith(out)) {
            return Optional.of("the output folder holds the repo itself, which a generate would replace; "
                    + "use a folder of its own, such as rendered");
        }
        if (Files.isSymbolicLink(out)) {
            return Optional.of("the output folder is a symbolic link; generate replaces the folder as a whole, "
                    + "so make it a real folder or point the output option at the link's target");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the output folder is a file; move the file away or choose another output folder");
        }
        Path scratch = out.resolveSibling(TreeSwap.SCRATCH);
        if (Files.exists(scratch, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("'" + TreeSwap.SCRATCH + "' beside the output folder is not a folder; the generator "
                    + "keeps its scratch space there: remove it");
        }
        if (out.startsWith(repo) && Files.exists(repo) && Files.exists(out.getParent())) {
            Path realParent = out.getParent().toRealPath();
            if (!realParent.startsWith(repo.toRealPath())) {
                return Optional.of("the output folder lies behind a symbolic link that leaves the repo; "
                        + "write the tree to a real folder in the repo");
            }
        }
        return Optional.empty();
    }
}
