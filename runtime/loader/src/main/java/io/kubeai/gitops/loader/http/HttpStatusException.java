package io.kubeai.gitops.loader.http;

import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/** A response with an error status. */
public final class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;
    private final String errorCode;

    public HttpStatusException(int status, Duration retryAfter, String errorCode, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The Hub's {@code X-Error-Code} (e.g. {@code RepoNotFound}), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether another attempt might get a different answer (see {@link RetryPolicy#retryableStatus}). */
    public boolean retryable() {
        return RetryPolicy.retryableStatus(status);
    }
}
