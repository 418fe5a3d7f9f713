package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/** The server container's probes; the engine chooses them. */
public record Probes(Probe startup, Probe readiness, Probe liveness) {

    /**
     * KubeAI's probes: a startup probe that allows a long model load, then readiness and liveness on the
     * engine's health endpoint through the named port.
     */
    static Probes onHealth(String path) {
        return new Probes(http(path, 2, 900, 1), http(path, 10, 3, 2), http(path, 30, 3, 3));
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
