package io.kubeai.gitops.loader.retry;

import io.kubeai.gitops.loader.api.LoaderException;
import java.io.IOException;

/**
 * A failure that another attempt cannot fix (a full disk, a source that changed under us); it
 * carries the {@link LoaderException} to fail with.
 */
public final class NonRetryableException extends IOException {
    private static final long serialVersionUID = 1L;
    private final LoaderException failure;

    public NonRetryableException(LoaderException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    public LoaderException failure() {
        return failure;
    }
}
