package io.kubeai.gitops.loader.retry;

import java.io.IOException;

/** One attempt of a request. */
@FunctionalInterface
public interface IoCall<T> {
    T call(int attempt) throws IOException;
}
