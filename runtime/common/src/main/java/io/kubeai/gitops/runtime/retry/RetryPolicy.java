package io.kubeai.gitops.runtime.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a runtime program retries, the same way everywhere: the loader's HTTP
 * requests, the commit hook's pushes that lost the race for a branch, the adapter sidecar's failed loads.
 *
 * <p>The wait after the n-th failure is "equal jitter": between half and all of {@code min(maxBackoff,
 * initialBackoff * 2^(n-1))}. The random half spreads out clients that failed together (pods retrying one
 * server, hooks that collided on one branch) so they do not collide again; the fixed half keeps a retry from
 * coming back at once to a server that is shedding load. A server's {@code Retry-After} replaces the
 * backoff, up to {@code maxRetryAfter}; a longer one ends the retries, since waiting it out would look
 * like a hang.
 *
 * @param maxAttempts    attempts in all, the first included; {@link #UNBOUNDED} for a loop that never gives up
 * @param initialBackoff the backoff step after the first failure; it doubles with each further failure
 * @param maxBackoff     the largest step
 * @param maxRetryAfter  the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** For a loop that retries until it succeeds or is stopped (a reconciler). */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Pushes in all for {@link #GIT_PUSH}; a constant so that a CLI option's default can name it. */
    public static final int GIT_PUSH_ATTEMPTS = 20;

    /** HTTP requests: six attempts, backoff from 1 s up to 30 s, {@code Retry-After} up to 5 minutes. */
    public static final RetryPolicy HTTP =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    /**
     * A Git push that lost the race for its branch: many quick attempts (each one rebases on the new head,
     * and a busy branch moves often), backoff from 0.5 s up to 10 s.
     */
    public static final RetryPolicy GIT_PUSH =
            new RetryPolicy(GIT_PUSH_ATTEMPTS, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** Retries until stopped, with backoff from {@code initial} up to {@code max}. */
    public static RetryPolicy unbounded(Duration initial, Duration max) {
        return new RetryPolicy(UNBOUNDED, initial, max, max);
    }

    /** The same policy with a different number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** The same policy with different backoff bounds (tests use milliseconds). */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, maxRetryAfter);
    }

    /** Whether another attempt follows failed attempt {@code failedAttempt} (1-based). */
    public boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /** The wait after failed attempt {@code failedAttempt} (1-based): half fixed, half random. */
    public Duration backoff(int failedAttempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(failedAttempt, 1) - 1, 30);
        long step = Math.min(maxBackoff.toMillis(), saturatedShift(initialBackoff.toMillis(), doublings));
        long half = step / 2;
        long jitter = step - half;
        return Duration.ofMillis(half + (jitter > 0 ? random.nextLong(jitter + 1) : 0));
    }

    /** Whether a server's {@code Retry-After} is short enough to wait out. */
    public boolean honours(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) <= 0;
    }

    /**
     * Whether an HTTP status is worth another attempt: 408 (timeout), 429 (too many requests) and the 5xx
     * that a later attempt can cure. 501 (not implemented) and 505 (version not supported) never change.
     */
    public static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
