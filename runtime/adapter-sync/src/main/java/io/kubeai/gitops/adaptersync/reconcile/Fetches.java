package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.AdapterSpec;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.log.Log;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * Runs downloads on the download pool and hands each result back to the reconcile thread. A download is
 * identified by its adapter's fetch id: a result that arrives after the adapter changed or went away is
 * thrown away with its files.
 */
final class Fetches {

    /** Receives a finished download on the reconcile thread; {@code error} is null on success. */
    interface Done {
        void done(long fetchId, String name, Path dir, Exception error);
    }

    private final AdapterFetcher fetcher;
    private final AdapterFiles files;
    private final ExecutorService pool;
    private final PassScheduler scheduler;
    private final Done done;

    Fetches(AdapterFetcher fetcher, AdapterFiles files, ExecutorService pool, PassScheduler scheduler, Done done) {
        this.fetcher = fetcher;
        this.files = files;
        this.pool = pool;
        this.scheduler = scheduler;
        this.done = done;
    }

    void start(Tracked t) {
        t.cancelFetch();
        long id = t.fetchId;
        AdapterSpec spec = t.spec;
        Log.info("downloading adapter", "adapter", spec.name(), "url", spec.url());
        t.fetch = pool.submit(() -> run(id, spec));
    }

    /** Cancels a running download and drops a staged one. */
    void discard(Tracked t) {
        t.cancelFetch();
        if (t.staged != null) {
            deleteQuietly(t.staged);
            t.staged = null;
        }
    }

    private void run(long id, AdapterSpec spec) {
        Path dir = null;
        Exception error = null;
        try {
            dir = files.newIncoming(spec.name());
            download(spec, dir);
            files.verify(dir, spec.url());
        } catch (InterruptedException | InterruptedIOException | ClosedByInterruptException e) {
            deleteQuietly(dir);
            return;
        } catch (Exception e) {
            error = e;
        } catch (Error e) {
            // On the pool an Error would vanish into the Future and leave the adapter "downloading"
            // for good, with nothing in the log; reported, it fails the adapter and is retried.
            error = new IllegalStateException("internal error: " + e, e);
        }
        Path result = dir;
        Exception failure = error;
        scheduler.execute(() -> done.done(id, spec.name(), result, failure));
    }

    /** From the Model's cache copy when it is remote (closer and already verified), else from the source. */
    private void download(AdapterSpec spec, Path dir) throws IOException, InterruptedException {
        String cache = spec.cachePath();
        if (cache != null && cache.contains("://")) {
            try {
                fetcher.fetch(cache, dir);
                return;
            } catch (IOException e) {
                Log.warn(
                        "cannot download from the cache; trying the source",
                        "adapter",
                        spec.name(),
                        "cache",
                        cache,
                        "error",
                        describe(e));
                AdapterFiles.deleteTree(dir);
                java.nio.file.Files.createDirectories(dir);
            }
        }
        fetcher.fetch(spec.url(), dir);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            AdapterFiles.deleteTree(dir);
        } catch (IOException e) {
            Log.warn("cannot delete", "path", dir, "error", e.toString());
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof IOException && !(e.getClass() == IOException.class)
                ? e.getClass().getSimpleName() + ": " + message
                : message;
    }
}
