package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What one unit of a resource profile asks of a node; a Model's {@code name:count} multiplies it.
 *
 * @param name             the profile's name
 * @param imageName        which engine image to use (cpu, nvidia-gpu, amd-gpu, google-tpu ...)
 * @param requests         resource requests per unit
 * @param limits           resource limits per unit
 * @param nodeSelector     node labels to schedule onto
 * @param tolerations      Kubernetes tolerations, passed through
 * @param affinity         Kubernetes affinity, passed through
 * @param runtimeClassName the pods' runtime class, e.g. nvidia
 * @param schedulerName    the pods' scheduler
 */
public record ResourceProfile(
        String name,
        String imageName,
        Map<String, String> requests,
        Map<String, String> limits,
        Map<String, String> nodeSelector,
        Optional<JsonNode> tolerations,
        Optional<JsonNode> affinity,
        Optional<String> runtimeClassName,
        Optional<String> schedulerName) {

    public ResourceProfile {
        requests = SortedMaps.copyOf(requests);
        limits = SortedMaps.copyOf(limits);
        nodeSelector = SortedMaps.copyOf(nodeSelector);
    }
}
