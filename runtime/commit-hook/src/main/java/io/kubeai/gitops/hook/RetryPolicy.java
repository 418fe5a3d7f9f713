package io.kubeai.gitops.hook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently to retry a push that lost the race for the branch: exponential backoff
 * with jitter, so that writers who collided once spread out instead of colliding again.
 *
 * @param maxAttempts pushes in all, the first included
 * @param baseDelay   the wait before the second attempt (at most; jitter takes up to half off)
 * @param maxDelay    the cap on any one wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay);
    }

    /** The wait after failed attempt {@code attempt} (1-based): half fixed, half random. */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long delay = Math.min(ceiling, maxDelay.toMillis());
        long half = delay / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
