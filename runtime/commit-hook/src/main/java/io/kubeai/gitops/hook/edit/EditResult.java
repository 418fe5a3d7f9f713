package io.kubeai.gitops.hook.edit;

/** What appending an adapter to a Model file came to. Lines are 1-based. */
public sealed interface EditResult {

    /** The adapter was added; {@code text} is the whole new file and {@code line} where the entry starts. */
    record Appended(String text, int line) implements EditResult {}

    /** The same name with the same URL is already there: nothing to do. */
    record AlreadyPresent(int line) implements EditResult {}

    /** The same name is there with another URL; it is never overwritten. */
    record Conflict(String existingUrl, int line) implements EditResult {}

    /** No document in the file is a Model of that name. */
    record ModelNotFound() implements EditResult {}
}
