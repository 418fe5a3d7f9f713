package io.kubeai.gitops.testing.hf;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Paces all download bodies together to a byte rate, so slow transfers are predictable in tests. */
final class Throttle {
    private volatile long bytesPerSecond;
    private long nextFreeNanos;

    void rate(long bytesPerSecond) {
        this.bytesPerSecond = Math.max(0, bytesPerSecond);
    }

    boolean enabled() {
        return bytesPerSecond > 0;
    }

    /** Waits until {@code bytes} more may be sent. */
    void acquire(long bytes) {
        long rate = bytesPerSecond;
        if (rate <= 0) {
            return;
        }
        long start;
        synchronized (this) {
            long now = System.nanoTime();
            start = Math.max(now, nextFreeNanos);
            nextFreeNanos = start + TimeUnit.SECONDS.toNanos(1) * bytes / rate;
        }
        long wait;
        while ((wait = start - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
