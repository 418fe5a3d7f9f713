package io.kubeai.gitops.adaptersync.reconcile;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so retries of many pods spread out and never exceed {@code max}.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code attempt}-th consecutive failure (1 for the first). */
    public Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt, 1) - 1, 30);
        long base = Math.min(max.toMillis(), initial.toMillis() << shift);
        if (base <= 0) {
            base = max.toMillis();
        }
        long half = base / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (base - half)));
    }
}
