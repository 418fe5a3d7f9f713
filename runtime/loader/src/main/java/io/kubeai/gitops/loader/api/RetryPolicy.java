package io.kubeai.gitops.loader.api;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff and full jitter, for connection resets, timeouts, 5xx and
 * 429. A {@code Retry-After} from the server is honoured, up to {@code maxRetryAfter}.
 *
 * @param maxAttempts attempts per request, including the first
 * @param initialBackoff the backoff ceiling after the first failure; it doubles each attempt
 * @param maxBackoff the largest backoff ceiling
 * @param maxRetryAfter the longest {@code Retry-After} the loader waits; longer ones fail the request
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Six attempts, backoff from 1 s up to 30 s, Retry-After up to 5 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** The same policy with a different number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** The same policy with different backoff bounds (tests use milliseconds). */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter);
    }
}
