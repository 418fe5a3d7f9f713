package io.kubeai.gitops.hook.git;

/** A Git operation that failed, sorted by what the user can do about it. */
public final class GitFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the transport lets us tell. */
    public enum Reason {
        /** The server refused the credentials, or asked for some and none were given. */
        AUTH_REFUSED,
        /** The repository or the branch does not exist (or is hidden from these credentials). */
        NOT_FOUND,
        /** No answer: connection refused, unknown host, time-out. */
        UNREACHABLE,
        /** The server refused the push for a reason of its own (a protected branch, a hook). */
        PUSH_REFUSED,
        /** Anything else: local I/O, a broken repository, a bug. */
        OTHER
    }

    private final Reason reason;

    public GitFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
