package io.kubeai.gitops.adaptersync;

import io.kubeai.gitops.adaptersync.config.ConfigWatcher;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.engine.VllmClient;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.Reconciler;
import io.kubeai.gitops.adaptersync.reconcile.SyncStatus;
import io.kubeai.gitops.adaptersync.server.StatusServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** A running sidecar: config watcher, reconciler and status server. Closing it leaves the engine's adapters loaded. */
public final class AdapterSync implements AutoCloseable {

    private final Reconciler reconciler;
    private final StatusServer server;
    private final ConfigWatcher watcher;

    private AdapterSync(Reconciler reconciler, StatusServer server, ConfigWatcher watcher) {
        this.reconciler = reconciler;
        this.server = server;
        this.watcher = watcher;
    }

    /**
     * Starts everything and returns at once; adapters load in the background.
     *
     * @throws IOException the adapters directory cannot be created or the listen address cannot be bound
     */
    public static AdapterSync start(Settings settings, AdapterFetcher fetcher) throws IOException {
        AdapterFiles files = new AdapterFiles(settings.adaptersDir());
        files.init();
        VllmClient engine = new VllmClient(settings.engine(), settings.engineTimeout());
        Reconciler reconciler = new Reconciler(settings, engine, fetcher, files, Clock.systemUTC());
        Duration stuckAfter =
                Duration.ofMinutes(5).plus(settings.engineTimeout().multipliedBy(3));
        StatusServer server;
        try {
            server = new StatusServer(settings.listen(), reconciler, stuckAfter);
        } catch (IOException e) {
            reconciler.close();
            throw new IOException("cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
        }
        ConfigWatcher watcher = new ConfigWatcher(
                settings.configFile(),
                settings.pollPeriod(),
                settings.debounce(),
                reconciler::configChanged,
                reconciler::configProblem);
        server.start();
        reconciler.start();
        watcher.start();
        Log.info(
                "adapter-sync started",
                "config",
                settings.configFile(),
                "engine",
                settings.engine(),
                "adaptersDir",
                settings.adaptersDir(),
                "listen",
                settings.listen().getHostString() + ":" + server.port());
        return new AdapterSync(reconciler, server, watcher);
    }

    /** The status server's port. */
    public int port() {
        return server.port();
    }

    public SyncStatus status() {
        return reconciler.status();
    }

    @Override
    public void close() {
        watcher.close();
        server.close();
        reconciler.close();
    }
}
