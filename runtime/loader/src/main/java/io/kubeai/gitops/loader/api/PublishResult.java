package io.kubeai.gitops.loader.api;

import java.time.Duration;

/**
 * What a publish did.
 *
 * @param destination where the files went
 * @param marker the marker written with them
 * @param commit the Hub commit id for {@code hf://} destinations, or null for {@code s3://}
 * @param bytesUploaded bytes sent in this run (LFS objects the Hub already had are not sent)
 * @param elapsed how long the publish took
 */
public record PublishResult(
        String destination, CompletionMarker marker, String commit, long bytesUploaded, Duration elapsed) {}
