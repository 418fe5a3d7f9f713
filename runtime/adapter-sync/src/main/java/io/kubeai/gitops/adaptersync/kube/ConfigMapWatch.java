package io.kubeai.gitops.adaptersync.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeai.gitops.adaptersync.config.ConfigException;
import io.kubeai.gitops.adaptersync.config.ConfigFeed;
import io.kubeai.gitops.adaptersync.config.ConfigReader;
import io.kubeai.gitops.adaptersync.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows one ConfigMap through the API server with an informer limited to its name (a list and watch
 * with a {@code metadata.name} field selector, which a Role can grant for that one name). Each version
 * goes to the {@link ConfigFeed}. A check every period tells the feed when the watch has been down longer
 * than the grace period (the feed then follows the mounted file), and hands it the informer's copy once
 * the watch is back. The informer retries forever: RBAC that arrives after the pod, or an API server that
 * restarts, are picked up without a sidecar restart.
 */
public final class ConfigMapWatch implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String key;
    private final ConfigFeed feed;
    private final Duration period;
    private final Duration grace;
    private final ScheduledExecutorService checks;
    private SharedIndexInformer<ConfigMap> informer;
    /** When the watch was last seen up, or the last version delivered: the grace period counts from there. */
    private volatile long lastUpNanos = System.nanoTime();

    private volatile String lastError;

    /**
     * @param key    the data key holding {@code adapters.json} (the mounted file's name)
     * @param period how often the watch's health is checked
     * @param grace  how long the watch may be down before the feed falls back to the file
     */
    public ConfigMapWatch(
            KubernetesClient client,
            String namespace,
            String name,
            String key,
            ConfigFeed feed,
            Duration period,
            Duration grace) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.key = key;
        this.feed = feed;
        this.period = period;
        this.grace = grace;
        this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adapter-sync-configmap");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        informer = client.configMaps().inNamespace(namespace).withName(name).runnableInformer(0);
        informer.exceptionHandler((started, error) -> {
            String message = describe(error);
            if (!message.equals(lastError)) {
                lastError = message;
                Log.warn(
                        "cannot watch the ConfigMap through the API server; retrying",
                        "configMap",
                        namespace + "/" + name,
                        "error",
                        message);
            }
            return true;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                deliver(cm);
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap cm) {
                deliver(cm);
            }

            @Override
            public void onDelete(ConfigMap cm, boolean finalStateUnknown) {
                feed.apiProblem("ConfigMap " + namespace + "/" + name
                        + " was deleted from the API server (keeping the last good config)");
            }
        });
        informer.start();
        long millis = Math.max(1, period.toMillis());
        checks.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        Log.info("watching the ConfigMap through the API server", "configMap", namespace + "/" + name);
    }

    private void deliver(ConfigMap cm) {
        lastUpNanos = System.nanoTime();
        Map<String, String> data = cm.getData();
        String json = data == null ? null : data.get(key);
        String where = "ConfigMap " + namespace + "/" + name;
        if (json == null) {
            feed.apiProblem(where + " has no key '" + key + "' (keeping the last good config)");
            return;
        }
        try {
            feed.fromApi(ConfigReader.parse(json.getBytes(StandardCharsets.UTF_8)));
        } catch (ConfigException e) {
            feed.apiProblem(where + ": " + e.getMessage() + " (keeping the last good config)");
        }
    }

    private void check() {
        try {
            if (informer.isWatching() && informer.hasSynced()) {
                lastUpNanos = System.nanoTime();
                lastError = null;
                if (!feed.apiInForce()) {
                    // Back after a loss, or listed before the feed fell back: hand over the current copy.
                    List<ConfigMap> items = informer.getStore().list();
                    if (items.isEmpty()) {
                        feed.apiProblem("ConfigMap " + namespace + "/" + name + " not found in the API server");
                    } else {
                        deliver(items.get(0));
                    }
                }
                return;
            }
            // Between the first list and the watch being open the informer is not watching either: the grace
            // period, counted from the last delivery too, covers that as well as a reconnect.
            if (feed.apiInForce() && System.nanoTime() - lastUpNanos >= grace.toNanos()) {
                feed.apiLost(lastError == null ? "the watch is down" : lastError);
            }
        } catch (RuntimeException e) {
            Log.error("ConfigMap watch check failed", "error", e.toString());
        }
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    public void close() {
        checks.shutdownNow();
        if (informer != null) {
            informer.close();
        }
    }
}
