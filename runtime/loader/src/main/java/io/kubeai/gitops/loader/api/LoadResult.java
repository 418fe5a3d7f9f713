package io.kubeai.gitops.loader.api;

import java.time.Duration;
import java.util.List;

/**
 * What a load did.
 *
 * @param marker the marker now at the destination
 * @param alreadyComplete whether the marker was there already for this source and revision, so
 *     nothing was transferred
 * @param skipped files the source has that were not loaded (patterns or default excludes)
 * @param bytesTransferred bytes fetched in this run (less than the total when resuming)
 * @param elapsed how long the load took
 */
public record LoadResult(
        CompletionMarker marker,
        boolean alreadyComplete,
        List<String> skipped,
        long bytesTransferred,
        Duration elapsed) {

    public LoadResult {
        skipped = List.copyOf(skipped);
    }
}
