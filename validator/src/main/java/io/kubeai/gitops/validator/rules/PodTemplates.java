package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a workload keeps its pod: the Pod itself, the template of a Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job or ReplicationController, or a CronJob's job template.
 *
 * @param kind     the document's kind
 * @param metadata JSON pointer to the pod's metadata
 * @param spec     JSON pointer to the pod's spec
 */
public record PodTemplates(String kind, String metadata, String spec) {
    /** The lists a pod keeps containers in, in the order the kubelet starts them. */
    public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private static final Map<String, String> TEMPLATE_AT = Map.of(
            "v1/Pod", "",
            "v1/ReplicationController", "/spec/template",
            "apps/v1/Deployment", "/spec/template",
            "apps/v1/ReplicaSet", "/spec/template",
            "apps/v1/StatefulSet", "/spec/template",
            "apps/v1/DaemonSet", "/spec/template",
            "batch/v1/Job", "/spec/template",
            "batch/v1/CronJob", "/spec/jobTemplate/spec/template");

    /** The pod template of a workload document, if it is one and has a pod spec. */
    public static Optional<PodTemplates> of(JsonNode document) {
        String kind = document.path("kind").asText("");
        String at = TEMPLATE_AT.get(document.path("apiVersion").asText("") + "/" + kind);
        if (at == null || !document.at(at + "/spec").isObject()) {
            return Optional.empty();
        }
        return Optional.of(new PodTemplates(kind, at + "/metadata", at + "/spec"));
    }
}
