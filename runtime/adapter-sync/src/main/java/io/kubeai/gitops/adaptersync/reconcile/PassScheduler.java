package io.kubeai.gitops.adaptersync.reconcile;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task on one thread, coalescing requests: asking for a run sooner than the one already scheduled
 * moves it earlier; asking for a later one changes nothing. Other work can be queued on the same thread
 * with {@link #execute}, so it never races with a run.
 */
final class PassScheduler implements AutoCloseable {

    private final ScheduledExecutorService thread;
    private final Runnable pass;
    private ScheduledFuture<?> next;
    private long nextAtNanos;

    PassScheduler(Runnable pass) {
        this.pass = pass;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adapter-sync-reconcile");
            t.setDaemon(true);
            return t;
        });
    }

    synchronized void request(Duration delay) {
        if (thread.isShutdown()) {
            return;
        }
        long at = System.nanoTime() + Math.max(0, delay.toNanos());
        if (next != null && !next.isDone() && next.getDelay(TimeUnit.NANOSECONDS) >= 0 && nextAtNanos - at <= 0) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        nextAtNanos = at;
        try {
            next = thread.schedule(this::run, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            next = null; // closing
        }
    }

    void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: a download finishing now has nobody to tell
        }
    }

    private void run() {
        synchronized (this) {
            // From here on a request schedules a new run, so a change made during this one is not lost.
            next = null;
        }
        pass.run();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
