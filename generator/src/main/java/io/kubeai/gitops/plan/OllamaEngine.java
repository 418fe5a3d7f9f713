package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;

/**
 * Ollama pulls its own models. As in KubeAI, the pull runs as the startup probe: the pod is not ready
 * until the model is pulled and copied to the name clients ask for.
 */
final class OllamaEngine extends EngineSetup {

    @Override
    Configured configure(String model, ModelLocation location, List<String> userArgs) {
        PodParts parts = PodParts.builder()
                .env(List.of(
                        Credentials.plain("OLLAMA_HOST", "0.0.0.0:8000"),
                        Credentials.plain("OLLAMA_KEEP_ALIVE", "999999h")))
                .args(userArgs)
                .build();
        // Ollama pulls GGUF repos from the Hub through its hf.co registry.
        String ref = location.scheme().equals("hf") ? "hf.co/" + location.reference() : location.reference();
        String pull = "ollama pull " + ref + " && ollama cp " + ref + " " + model;
        Probe startup = new ProbeBuilder()
                .withNewExec()
                .withCommand("/bin/sh", "-c", pull)
                .endExec()
                .withInitialDelaySeconds(1)
                .withPeriodSeconds(3)
                .withFailureThreshold(10)
                .withTimeoutSeconds(60 * 60)
                .build();
        return new Configured(parts, new Probes(startup, Probes.http("/", 10, 3, 2), Probes.http("/", 30, 3, 3)));
    }
}
