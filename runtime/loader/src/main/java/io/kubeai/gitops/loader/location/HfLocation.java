package io.kubeai.gitops.loader.location;

/**
 * A Hugging Face model repository at a revision.
 *
 * @param repo the repository id, {@code org/name}
 * @param revision a branch, tag or commit id; {@code main} when the URL names none
 * @param explicitRevision whether the URL named the revision
 */
public record HfLocation(String repo, String revision, boolean explicitRevision) implements Location {
    /** Whether the revision is a full commit id, which needs no resolving. */
    public boolean isCommit() {
        return revision.matches("[0-9a-f]{40}");
    }

    @Override
    public String display() {
        return "hf://" + repo + (explicitRevision ? "@" + revision : "");
    }
}
