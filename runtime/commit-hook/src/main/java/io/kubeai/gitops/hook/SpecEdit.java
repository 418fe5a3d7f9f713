package io.kubeai.gitops.hook;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One change to the specs of a GitOps repo, such as an adapter appended to a Model or a FineTuneJob
 * file written. {@link SpecCommitter} applies it to a fresh head on every attempt, so an edit must
 * read the work tree it is given and never cache what it found there.
 */
public interface SpecEdit {

    /** What the edit proposes, for messages: {@code adapter 'x' for Model 'm'}. */
    String describe();

    /**
     * Applies the edit to the work tree.
     *
     * @param root      the Git work tree
     * @param gitopsDir the GitOps repo inside it ({@code kubeai.yaml}, {@code models/}, ...)
     * @return the file changed and the commit message, or why nothing needs to change
     * @throws HookException when the edit cannot be made (a conflict, a missing Model)
     */
    Applied apply(Path root, Path gitopsDir) throws HookException, IOException;

    /** What applying an edit did. */
    sealed interface Applied {}

    /**
     * The work tree was changed.
     *
     * @param file    the changed (or deleted) spec file, relative to the work tree, '/'-separated
     * @param message the commit message
     */
    record Changed(String file, String message) implements Applied {}

    /** The change is already there: no commit. */
    record Unchanged(String reason) implements Applied {}
}
