package io.kubeai.gitops.loader.api;

/**
 * A load, publish or wait that did not complete. The message says what failed (the file, the URL
 * without credentials) and why, in words a person can act on; it never contains a secret.
 */
public class LoaderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** A source, destination, pattern or option is wrong, or does not exist. */
        INPUT,
        /** The credentials were refused (401/403). */
        AUTH,
        /** A file's size or checksum did not match twice. */
        VERIFICATION,
        /** Retries were exhausted on a network or server error. */
        TRANSFER,
        /** {@code awaitComplete} ran out of time. */
        TIMEOUT,
        /** A local file system error. */
        IO
    }

    private final Reason reason;

    public LoaderException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LoaderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
