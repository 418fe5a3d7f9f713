package io.kubeai.gitops.loader.api;

import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.time.Duration;

/**
 * How a transfer runs; shared by loads and publishes. {@link #DEFAULTS} holds the defaults.
 *
 * @param concurrency requests in flight at once, across files and parts of files
 * @param partSize the size of a ranged part (files larger than this are fetched in parts), or
 *     {@link #AUTO_PART_SIZE} to let the destination choose
 * @param retry retries of failed requests
 * @param connectTimeout the TCP/TLS connect timeout of one request
 * @param readTimeout how long a request may wait for bytes before it counts as failed
 * @param progressInterval how often {@link LoaderListener#progress} is called
 */
public record TransferOptions(
        int concurrency,
        long partSize,
        RetryPolicy retry,
        Duration connectTimeout,
        Duration readTimeout,
        Duration progressInterval) {

    /**
     * {@link #defaultConcurrency()} requests at once, parts as the destination chooses, {@link
     * RetryPolicy#HTTP}, 15 s connect, 60 s read, 5 s progress.
     */
    public static final TransferOptions DEFAULTS = new TransferOptions(
            defaultConcurrency(),
            0,
            RetryPolicy.HTTP,
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            Duration.ofSeconds(5));

    /**
     * Two requests per core, at least 4 and at most 8. Every byte is hashed, so on a small machine more
     * streams only compete with hashing for the cores (4 beat 8 by 6-10 % on 2 cores); on a GPU node 8
     * streams keep a remote CDN busy.
     */
    public static int defaultConcurrency() {
        return Math.max(4, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Lets the destination choose the part size: 64 MiB into a directory (fewer requests; each costs
     * the server as much as megabytes of body), 16 MiB into a bucket (parts wait in memory there).
     */
    public static final long AUTO_PART_SIZE = 0;

    /** The smallest part size: S3 rejects smaller multipart parts. */
    public static final long MIN_PART_SIZE = 5L << 20;

    public TransferOptions {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256, not " + concurrency);
        }
        if (partSize != AUTO_PART_SIZE && partSize < 64 << 10) {
            throw new IllegalArgumentException("part size must be at least 64 KiB, not " + partSize);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("the progress interval must be positive");
        }
    }

    /** The same options with a different number of attempts per request. */
    public TransferOptions withRetryAttempts(int attempts) {
        return withRetry(retry.withMaxAttempts(attempts));
    }

    public TransferOptions withConcurrency(int n) {
        return new TransferOptions(n, partSize, retry, connectTimeout, readTimeout, progressInterval);
    }

    public TransferOptions withPartSize(long n) {
        return new TransferOptions(concurrency, n, retry, connectTimeout, readTimeout, progressInterval);
    }

    public TransferOptions withRetry(RetryPolicy r) {
        return new TransferOptions(concurrency, partSize, r, connectTimeout, readTimeout, progressInterval);
    }

    public TransferOptions withTimeouts(Duration connect, Duration read) {
        return new TransferOptions(concurrency, partSize, retry, connect, read, progressInterval);
    }

    public TransferOptions withProgressInterval(Duration d) {
        return new TransferOptions(concurrency, partSize, retry, connectTimeout, readTimeout, d);
    }
}
