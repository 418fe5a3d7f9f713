package io.kubeai.gitops.adaptersync.config;

import io.kubeai.gitops.adaptersync.log.Log;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Picks the config in force from two views of the same ConfigMap: the API server's, seen about a second
 * after a change, and the file the kubelet mounts, refreshed up to a minute or more later. Once the API
 * server has delivered the ConfigMap its view wins and changes to the file are ignored (the file can only
 * be as new, or older). When the watch is lost, the last config stays in force and changes to the file
 * apply again, so a sidecar cut off from the API server still follows the kubelet's copy; when the watch
 * is back, its view wins again. Problems are reported for the source in force only.
 */
public final class ConfigFeed {

    /** Where the config in force came from. */
    public enum Source {
        NONE,
        FILE,
        API
    }

    private final Consumer<DesiredAdapters> onConfig;
    private final Consumer<String> onProblem;
    private boolean apiInForce;
    private Source source = Source.NONE;
    private DesiredAdapters current;
    private String fileProblem;
    private String apiProblem;
    private String reported;

    /**
     * @param onConfig  called with each config that differs from the one in force
     * @param onProblem called when the problem of the source in force changes ({@code null}: none)
     */
    public ConfigFeed(Consumer<DesiredAdapters> onConfig, Consumer<String> onProblem) {
        this.onConfig = Objects.requireNonNull(onConfig);
        this.onProblem = Objects.requireNonNull(onProblem);
    }

    /** A new good config read from the mounted file. */
    public synchronized void fromFile(DesiredAdapters config) {
        if (!apiInForce) {
            apply(config, Source.FILE);
        }
    }

    /** The mounted file is missing or does not parse, or {@code null}: it is fine again. */
    public synchronized void fileProblem(String problem) {
        fileProblem = problem;
        report();
    }

    /** The ConfigMap as the API server has it now. */
    public synchronized void fromApi(DesiredAdapters config) {
        if (!apiInForce) {
            apiInForce = true;
            Log.info("following the ConfigMap through the API server");
        }
        apiProblem = null;
        apply(config, Source.API);
        report();
    }

    /** The ConfigMap the API server has cannot be used (the last good config stays in force). */
    public synchronized void apiProblem(String problem) {
        apiProblem = problem;
        report();
    }

    /** The watch is gone: changes to the mounted file apply again until the API server delivers anew. */
    public synchronized void apiLost(String why) {
        if (apiInForce) {
            apiInForce = false;
            source = Source.FILE;
            Log.warn("lost the API server's view of the ConfigMap; following the mounted file", "reason", why);
        }
        apiProblem = null;
        report();
    }

    public synchronized boolean apiInForce() {
        return apiInForce;
    }

    /** Where the config in force comes from: after a lost watch, the file (its next change applies). */
    public synchronized Source source() {
        return source;
    }

    private void apply(DesiredAdapters config, Source from) {
        source = from;
        if (!config.equals(current)) {
            current = config;
            onConfig.accept(config);
        }
    }

    private void report() {
        String problem = apiInForce ? apiProblem : fileProblem;
        if (!Objects.equals(problem, reported)) {
            reported = problem;
            onProblem.accept(problem);
        }
    }
}
