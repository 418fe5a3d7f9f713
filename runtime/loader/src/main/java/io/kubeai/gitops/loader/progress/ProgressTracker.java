package io.kubeai.gitops.loader.progress;

import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.Progress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts bytes and files and reports a {@link Progress} every interval. The rate is over the last
 * interval, so a resumed run does not report the bytes found on disk as speed.
 */
public final class ProgressTracker implements AutoCloseable {
    private final LoaderListener listener;
    private final long bytesTotal;
    private final int filesTotal;
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong bytesTransferred = new AtomicLong();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastNanos = startNanos;
    private long lastTransferred;
    private double rate;

    public ProgressTracker(LoaderListener listener, long bytesTotal, int filesTotal, Duration interval) {
        this.listener = listener;
        this.bytesTotal = bytesTotal;
        this.filesTotal = filesTotal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loader-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleAtFixedRate(() -> listener.progress(snapshot()), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Bytes an earlier run left in place. */
    public void alreadyDone(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    /** Bytes received in this run. */
    public void transferred(long bytes) {
        bytesDone.addAndGet(bytes);
        bytesTransferred.addAndGet(bytes);
    }

    /** Bytes received for a file that must be fetched again. */
    public void discarded(long bytes) {
        bytesDone.addAndGet(-bytes);
    }

    public void fileDone() {
        filesDone.incrementAndGet();
    }

    public long bytesTransferred() {
        return bytesTransferred.get();
    }

    /** The average rate of this run so far, in bytes a second. */
    public double averageRate() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : bytesTransferred.get() / seconds;
    }

    public synchronized Progress snapshot() {
        long now = System.nanoTime();
        long transferred = bytesTransferred.get();
        double seconds = (now - lastNanos) / 1e9;
        if (seconds >= 0.5) {
            rate = (transferred - lastTransferred) / seconds;
            lastNanos = now;
            lastTransferred = transferred;
        }
        long done = bytesDone.get();
        Duration eta = rate > 0 ? Duration.ofSeconds((long) Math.ceil((bytesTotal - done) / rate)) : null;
        return new Progress(done, bytesTotal, filesDone.get(), filesTotal, rate, eta);
    }

    /** A final progress report with the average rate. */
    public Progress finalSnapshot() {
        return new Progress(bytesDone.get(), bytesTotal, filesDone.get(), filesTotal, averageRate(), Duration.ZERO);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
