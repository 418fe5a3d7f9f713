package io.kubeai.gitops.loader.api;

/**
 * Receives what a load or publish does, for logs. All methods may be called from several threads;
 * the default implementations ignore everything. Messages never contain secrets.
 */
public interface LoaderListener {
    /** A listener that ignores everything. */
    LoaderListener NONE = new LoaderListener() {};

    /** A periodic progress snapshot (every {@code progressInterval}) and a final one. */
    default void progress(Progress progress) {}

    /** Something worth a log line: the resolved revision, skipped files, a file verified. */
    default void info(String message) {}

    /** A recoverable problem: a retry, a checksum mismatch that will be downloaded again. */
    default void warn(String message) {}
}
