package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API server rejects that an OpenAPI schema cannot say: names and keys in their formats,
 * label and annotation limits, unique container, volume and port names, mounts naming volumes, key
 * references, quantities that parse, requests within limits. The rules and limits are those of
 * Kubernetes 1.35's apimachinery and core validation; the messages say what to change.
 */
public final class ApiServerRules {
    private ApiServerRules() {}

    /**
     * Every problem of one document. kustomize's own files are no API objects and have none, whether
     * they say so (kustomize.config.k8s.io) or say nothing (a kustomization.yaml without apiVersion).
     */
    public static List<Problem> check(JsonNode document) {
        List<Problem> problems = new ArrayList<>();
        String apiVersion = document.path("apiVersion").asText("");
        if (!document.isObject() || apiVersion.isEmpty() || apiVersion.startsWith("kustomize.config.k8s.io/")) {
            return problems;
        }
        ObjectRules.check(document, problems);
        PodTemplates.of(document).ifPresent(pod -> PodRules.check(document, pod, problems));
        return problems;
    }
}
