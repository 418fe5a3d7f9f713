package io.kubeai.gitops.loader.api;

import java.util.List;

/**
 * The content of {@code <destination>/.kubeai/complete.json}, written last and atomically when a
 * cache is complete. Its presence is the only signal of completion.
 *
 * @param version the marker format version (1)
 * @param source the source URL as given, e.g. {@code hf://org/repo@main}
 * @param revision the resolved revision: a commit id for {@code hf://}, a content digest
 *     ({@code sha256:...}) over keys, sizes and ETags for {@code s3://} and local sources
 * @param selection the file patterns the load applied (includes, excludes, default excludes), so a
 *     load with other patterns is not mistaken for done
 * @param completedAt when the cache was completed, ISO-8601 UTC
 * @param totalBytes the sum of the file sizes
 * @param files every file of the cache with its size and sha256, sorted by path
 */
public record CompletionMarker(
        int version,
        String source,
        String revision,
        String selection,
        String completedAt,
        long totalBytes,
        List<FileEntry> files) {

    /** The path of the marker relative to a destination. */
    public static final String PATH = ".kubeai/complete.json";

    public CompletionMarker {
        files = List.copyOf(files);
    }
}
