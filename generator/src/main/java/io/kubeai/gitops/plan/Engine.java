package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;

/** What differs between model servers: how they are told where the model is, and how they are probed. */
abstract class Engine {

    static Engine of(String name) {
        switch (name) {
            case "OLlama":
                return new OllamaEngine();
            case "Infinity":
                return new InfinityEngine();
            case "FasterWhisper":
                return new FasterWhisperEngine();
            default:
                return new VllmEngine();
        }
    }

    /** True when the engine reads weights from s3:// itself; others get a copy on local disk first. */
    abstract boolean streamsFromS3();

    /** Fills in the engine's arguments, environment and probes for a model at {@code location}. */
    abstract void configure(ServerDraft server, ModelLocation location, List<String> userArgs);

    /** Adds the flags that serve {@code adapters} (name to path); only vLLM serves adapters. */
    void adapters(ServerDraft server, String model, List<String> adapterNames) {
        throw new IllegalStateException(getClass().getSimpleName() + " does not serve adapters");
    }

    String healthPath() {
        return "/health";
    }

    /**
     * KubeAI's probes: a startup probe that allows a long model load, then readiness and liveness on the
     * engine's health endpoint through the named port.
     */
    void probes(ServerDraft server) {
        server.startupProbe = http(healthPath(), 2, 900, 1);
        server.readinessProbe = http(healthPath(), 10, 3, 2);
        server.livenessProbe = http(healthPath(), 30, 3, 3);
    }

    static Probe http(String path, int period, int failures, int timeout) {
        return httpOn(path, "http", period, failures, timeout);
    }

    static Probe httpOn(String path, String port, int period, int failures, int timeout) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withNewPort(port)
                .endHttpGet()
                .withPeriodSeconds(period)
                .withFailureThreshold(failures)
                .withTimeoutSeconds(timeout)
                .build();
    }
}
