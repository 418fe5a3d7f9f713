package io.kubeai.gitops.adaptersync.fetch;

import java.io.IOException;
import java.nio.file.Path;

/** Downloads one adapter. Implementations must be safe to call from several threads at once. */
@FunctionalInterface
public interface AdapterFetcher {

    /**
     * Copies everything under {@code source} into {@code dest}, verifies it, and only then writes
     * {@code dest/.kubeai/complete.json}.
     *
     * @param source {@code hf://org/repo[@revision]}, {@code s3://bucket/prefix}, or a local path
     * @param dest   an empty directory on local disk, created by the caller
     * @throws IOException          the source is missing, unreadable, unsupported or failed verification
     * @throws InterruptedException the download was cancelled (the wanted URL changed or the adapter went away)
     */
    void fetch(String source, Path dest) throws IOException, InterruptedException;
}
