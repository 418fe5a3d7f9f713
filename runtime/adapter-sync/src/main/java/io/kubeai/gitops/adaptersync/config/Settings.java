package io.kubeai.gitops.adaptersync.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the sidecar is told at start. The defaults live here, in {@link Builder}, and nowhere else:
 * the CLI passes only what the user set.
 *
 * @param configFile      the mounted {@code adapters.json} (its directory is watched, not the file)
 * @param engine          the vLLM OpenAI-compatible server, e.g. {@code http://127.0.0.1:8000}
 * @param adaptersDir     where fetched adapters are kept, one directory per adapter name; the engine must see it
 *                        at the same path
 * @param listen          address of the health and status server
 * @param reconcilePeriod how often the engine's {@code /v1/models} is compared with the wanted adapters
 * @param pollPeriod      how often the config file is re-read, in case a file-system event was missed
 * @param debounce        quiet time a changed config file must keep before it is acted on
 * @param backoffInitial  first retry delay of a failing adapter
 * @param backoffMax      upper bound of the retry delay
 * @param engineTimeout   timeout of one request to the engine (loading an adapter reads it from disk)
 * @param fetchThreads    how many adapters are downloaded at once
 * @param strictReadiness when true, readiness is lost whenever any wanted adapter is not loaded; when false,
 *                        failing adapters never hold it and downloading ones only while the pod starts
 * @param initialAdapterWait how long a starting pod's readiness waits for adapters still downloading
 * @param cluster         where the ConfigMap is watched through the API server and Events are posted
 */
public record Settings(
        Path configFile,
        URI engine,
        Path adaptersDir,
        InetSocketAddress listen,
        Duration reconcilePeriod,
        Duration pollPeriod,
        Duration debounce,
        Duration backoffInitial,
        Duration backoffMax,
        Duration engineTimeout,
        int fetchThreads,
        boolean strictReadiness,
        Duration initialAdapterWait,
        Cluster cluster) {

    /**
     * The sidecar's place in the cluster, all optional. With a ConfigMap name the sidecar watches it through
     * the API server (the mounted file stays the fallback); with a pod name it posts Events on that pod.
     *
     * @param configMap the {@code <model>-adapters} ConfigMap, or {@code null}: follow the mounted file only
     * @param namespace the pod's namespace, or {@code null}: the service account's (in a pod) or kubeconfig's
     * @param podName   the pod Events are about, or {@code null}: no Events
     * @param podUid    the pod's uid, so that {@code kubectl describe pod} finds the Events
     */
    public record Cluster(String configMap, String namespace, String podName, String podUid) {
        public static final Cluster NONE = new Cluster(null, null, null, null);

        /** Whether the API server is used at all. */
        public boolean enabled() {
            return configMap != null || podName != null;
        }
    }

    public Settings {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(adaptersDir, "adaptersDir");
        Objects.requireNonNull(listen, "listen");
        if (fetchThreads < 1) {
            throw new IllegalArgumentException("fetchThreads must be at least 1");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException(
                    "backoff max " + backoffMax + " is below backoff initial " + backoffInitial);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Settings}; every field not set keeps the documented default. */
    public static final class Builder {
        private Path configFile = Path.of("/etc/kubeai/adapters/adapters.json");
        private URI engine = URI.create("http://127.0.0.1:8000");
        private Path adaptersDir = Path.of("/adapters");
        private InetSocketAddress listen = new InetSocketAddress("0.0.0.0", 8090);
        private Duration reconcilePeriod = Duration.ofSeconds(10);
        private Duration pollPeriod = Duration.ofSeconds(1);
        private Duration debounce = Duration.ofMillis(150);
        private Duration backoffInitial = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofMinutes(2);
        private Duration engineTimeout = Duration.ofSeconds(60);
        private int fetchThreads = 4;
        private boolean strictReadiness;
        private Duration initialAdapterWait = Duration.ofSeconds(60);
        private String configMap;
        private String namespace;
        private String podName;
        private String podUid;

        private Builder() {}

        public Builder configFile(Path v) {
            if (v != null) configFile = v;
            return this;
        }

        public Builder engine(URI v) {
            if (v != null) engine = v;
            return this;
        }

        public Builder adaptersDir(Path v) {
            if (v != null) adaptersDir = v;
            return this;
        }

        public Builder listen(InetSocketAddress v) {
            if (v != null) listen = v;
            return this;
        }

        public Builder reconcilePeriod(Duration v) {
            if (v != null) reconcilePeriod = v;
            return this;
        }

        public Builder pollPeriod(Duration v) {
            if (v != null) pollPeriod = v;
            return this;
        }

        public Builder debounce(Duration v) {
            if (v != null) debounce = v;
            return this;
        }

        public Builder backoffInitial(Duration v) {
            if (v != null) backoffInitial = v;
            return this;
        }

        public Builder backoffMax(Duration v) {
            if (v != null) backoffMax = v;
            return this;
        }

        public Builder engineTimeout(Duration v) {
            if (v != null) engineTimeout = v;
            return this;
        }

        public Builder fetchThreads(Integer v) {
            if (v != null) fetchThreads = v;
            return this;
        }

        public Builder strictReadiness(Boolean v) {
            if (v != null) strictReadiness = v;
            return this;
        }

        public Builder initialAdapterWait(Duration v) {
            if (v != null) initialAdapterWait = v;
            return this;
        }

        public Builder configMap(String v) {
            if (v != null && !v.isBlank()) configMap = v;
            return this;
        }

        public Builder namespace(String v) {
            if (v != null && !v.isBlank()) namespace = v;
            return this;
        }

        public Builder podName(String v) {
            if (v != null && !v.isBlank()) podName = v;
            return this;
        }

        public Builder podUid(String v) {
            if (v != null && !v.isBlank()) podUid = v;
            return this;
        }

        public Settings build() {
            return new Settings(
                    configFile,
                    engine,
                    adaptersDir,
                    listen,
                    reconcilePeriod,
                    pollPeriod,
                    debounce,
                    backoffInitial,
                    backoffMax,
                    engineTimeout,
                    fetchThreads,
                    strictReadiness,
                    initialAdapterWait,
                    new Cluster(configMap, namespace, podName, podUid));
        }
    }
}
