package io.kubeai.gitops.adaptersync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeai.gitops.adaptersync.config.ConfigFeed;
import io.kubeai.gitops.adaptersync.config.ConfigWatcher;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.engine.VllmClient;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.kube.ConfigMapWatch;
import io.kubeai.gitops.adaptersync.kube.PodEvents;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.AdapterEvents;
import io.kubeai.gitops.adaptersync.reconcile.Reconciler;
import io.kubeai.gitops.adaptersync.reconcile.SyncStatus;
import io.kubeai.gitops.adaptersync.server.StatusServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running sidecar: config sources (the mounted file, and the API server when configured), Events, the
 * reconciler and the status server. Closing it leaves the engine's adapters loaded.
 */
public final class AdapterSync implements AutoCloseable {

    private final Reconciler reconciler;
    private final StatusServer server;
    private final ConfigFeed feed;
    private final List<AutoCloseable> closeFirst;

    private AdapterSync(Reconciler reconciler, StatusServer server, ConfigFeed feed, List<AutoCloseable> closeFirst) {
        this.reconciler = reconciler;
        this.server = server;
        this.feed = feed;
        this.closeFirst = closeFirst;
    }

    /**
     * Starts everything and returns at once; adapters load in the background. When the settings name a
     * ConfigMap or a pod, a Kubernetes client is configured the usual way (the pod's service account, or
     * the kubeconfig).
     *
     * @throws IOException the adapters directory cannot be created or the listen address cannot be bound
     */
    public static AdapterSync start(Settings settings, AdapterFetcher fetcher) throws IOException {
        if (!settings.cluster().enabled()) {
            return start(settings, fetcher, null);
        }
        KubernetesClient client = new KubernetesClientBuilder().build();
        try {
            AdapterSync sync = start(settings, fetcher, client);
            sync.closeFirst.add(client);
            return sync;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Starts with the given client (not closed by {@link #close}), or {@code null}: the mounted file only. */
    public static AdapterSync start(Settings settings, AdapterFetcher fetcher, KubernetesClient client)
            throws IOException {
        AdapterFiles files = new AdapterFiles(settings.adaptersDir());
        files.init();
        List<AutoCloseable> closeFirst = new ArrayList<>();
        Settings.Cluster cluster = settings.cluster();
        String namespace = client == null ? null : namespace(cluster, client);
        AdapterEvents events = AdapterEvents.NONE;
        if (client != null && cluster.podName() != null) {
            PodEvents podEvents =
                    new PodEvents(client, namespace, cluster.podName(), cluster.podUid(), Clock.systemUTC());
            closeFirst.add(podEvents);
            events = podEvents;
        }
        VllmClient engine = new VllmClient(settings.engine(), settings.engineTimeout());
        Reconciler reconciler = new Reconciler(settings, engine, fetcher, files, Clock.systemUTC(), events);
        Duration stuckAfter =
                Duration.ofMinutes(5).plus(settings.engineTimeout().multipliedBy(3));
        StatusServer server;
        try {
            server = new StatusServer(settings.listen(), reconciler, stuckAfter);
        } catch (IOException e) {
            reconciler.close();
            closeAll(closeFirst);
            throw new IOException("cannot listen on " + settings.listen() + ": " + e.getMessage(), e);
        }
        ConfigFeed feed = new ConfigFeed(reconciler::configChanged, reconciler::configProblem);
        ConfigWatcher watcher = new ConfigWatcher(
                settings.configFile(), settings.pollPeriod(), settings.debounce(), feed::fromFile, feed::fileProblem);
        closeFirst.add(0, watcher);
        server.start();
        reconciler.start();
        watcher.start();
        if (client != null && cluster.configMap() != null) {
            ConfigMapWatch watch = new ConfigMapWatch(
                    client,
                    namespace,
                    cluster.configMap(),
                    settings.configFile().getFileName().toString(),
                    feed,
                    settings.pollPeriod(),
                    apiGrace(settings.pollPeriod()));
            closeFirst.add(0, watch);
            watch.start();
        }
        Log.info(
                "adapter-sync started",
                "config",
                settings.configFile(),
                "configMap",
                cluster.configMap() == null ? "-" : namespace + "/" + cluster.configMap(),
                "events",
                events == AdapterEvents.NONE ? "off" : "on pod " + cluster.podName(),
                "engine",
                settings.engine(),
                "adaptersDir",
                settings.adaptersDir(),
                "listen",
                settings.listen().getHostString() + ":" + server.port());
        return new AdapterSync(reconciler, server, feed, closeFirst);
    }

    /** How long the watch may be down before the file is followed again: a reconnect takes milliseconds. */
    static Duration apiGrace(Duration pollPeriod) {
        Duration threePolls = pollPeriod.multipliedBy(3);
        return threePolls.compareTo(Duration.ofSeconds(5)) > 0 ? threePolls : Duration.ofSeconds(5);
    }

    private static String namespace(Settings.Cluster cluster, KubernetesClient client) {
        if (cluster.namespace() != null) {
            return cluster.namespace();
        }
        String ns = client.getNamespace();
        return ns == null ? "default" : ns;
    }

    /** The status server's port. */
    public int port() {
        return server.port();
    }

    public SyncStatus status() {
        return reconciler.status();
    }

    /** Where the config in force came from: the mounted file or the API server. */
    public ConfigFeed.Source configSource() {
        return feed.source();
    }

    @Override
    public void close() {
        closeAll(closeFirst);
        server.close();
        reconciler.close();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                Log.warn("error while stopping", "error", e.toString());
            }
        }
    }
}
