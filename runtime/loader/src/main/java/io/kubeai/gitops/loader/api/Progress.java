package io.kubeai.gitops.loader.api;

import java.time.Duration;

/**
 * A snapshot of a transfer in progress.
 *
 * @param bytesDone bytes transferred and kept so far, including those a resumed run found done
 * @param bytesTotal bytes of all selected files
 * @param filesDone files verified so far
 * @param filesTotal selected files
 * @param bytesPerSecond the recent transfer rate
 * @param eta the estimated time left, or null when the rate is zero
 */
public record Progress(
        long bytesDone, long bytesTotal, int filesDone, int filesTotal, double bytesPerSecond, Duration eta) {}
