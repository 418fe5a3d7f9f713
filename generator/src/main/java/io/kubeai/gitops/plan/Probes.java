package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;

/** The server container's probes; the engine chooses them. */
public record Probes(Probe startup, Probe readiness, Probe liveness) {

    /**
     * KubeAI's probes: a startup probe that allows a long model load, then readiness and liveness on the
     * engine's health endpoint through the named port.
     */
    static Probes onHealth(String path) {
        return new Probes(http(path, 2, 900, 1), http(path, 10, 3, 2), http(path, 30, 3, 3));
    }

    /**
     * These probes with the startup probe allowing {@code budget} for the server to start (KubeAI gives three
     * hours, for the largest models); a pull run as the probe (Ollama's) keeps its own limits.
     */
    Probes withStartupBudget(Duration budget) {
        if (startup == null || startup.getHttpGet() == null) {
            return this;
        }
        int period = startup.getPeriodSeconds();
        int failures = (int) Math.max(1, (budget.toSeconds() + period - 1) / period);
        return new Probes(
                new ProbeBuilder(startup).withFailureThreshold(failures).build(), readiness, liveness);
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
