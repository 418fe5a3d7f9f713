package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pod-level checks of the API server's PodSpec validation: container and volume names unique
 * DNS-1123 labels, at least one container, the restart policy its controller allows, volume sources
 * naming well-formed objects and keys, and a workload's selector matching its template's labels.
 */
final class PodRules {
    private PodRules() {}

    static void check(JsonNode document, PodTemplates pod, List<Problem> problems) {
        JsonNode metadata = document.at(pod.metadata());
        JsonNode spec = document.at(pod.spec());
        if (!pod.metadata().equals("/metadata")) {
            ObjectRules.labels(metadata.path("labels"), pod.metadata() + "/labels", problems);
            ObjectRules.annotations(metadata.path("annotations"), pod.metadata() + "/annotations", problems);
        }
        Set<String> volumes = volumes(spec.path("volumes"), pod.spec() + "/volumes", problems);
        JsonNode containers = spec.path("containers");
        if (!containers.isArray() || containers.isEmpty()) {
            problems.add(new Problem(pod.spec() + "/containers", "a pod needs at least one container"));
        }
        Set<String> names = new HashSet<>();
        for (String list : PodTemplates.CONTAINER_LISTS) {
            JsonNode items = spec.path(list);
            for (int i = 0; i < items.size(); i++) {
                String at = Pointer.of(pod.spec(), list, i);
                JsonNode name = items.get(i).path("name");
                if (name.isTextual()) {
                    ObjectRules.report(at + "/name", Names.dns1123Label(name.asText()), problems);
                    if (!names.add(name.asText())) {
                        problems.add(
                                new Problem(
                                        at + "/name",
                                        "duplicate container name '" + name.asText()
                                                + "': every container, init container and ephemeral container of a pod needs its own"));
                    }
                }
                ContainerRules.check(items.get(i), at, volumes, problems);
            }
        }
        restartPolicy(pod, spec.path("restartPolicy"), problems);
        selector(document, pod, metadata, problems);
    }

    private static Set<String> volumes(JsonNode volumes, String at, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            String path = Pointer.of(at, i);
            JsonNode name = volume.path("name");
            if (name.isTextual()) {
                ObjectRules.report(path + "/name", Names.dns1123Label(name.asText()), problems);
                if (!names.add(name.asText())) {
                    problems.add(new Problem(path + "/name", "duplicate volume name '" + name.asText() + "'"));
                }
            }
            objectName(volume.path("configMap").path("name"), path + "/configMap/name", problems);
            keys(volume.path("configMap").path("items"), path + "/configMap/items", problems);
            objectName(volume.path("secret").path("secretName"), path + "/secret/secretName", problems);
            keys(volume.path("secret").path("items"), path + "/secret/items", problems);
            JsonNode claim = volume.path("persistentVolumeClaim");
            if (claim.isObject() && claim.path("claimName").asText("").isEmpty()) {
                problems.add(new Problem(path + "/persistentVolumeClaim/claimName", "a claim name is required"));
            }
        }
        return names;
    }

    /** The name of a ConfigMap or Secret a pod refers to: a DNS-1123 subdomain, as the object's own name. */
    static void objectName(JsonNode name, String at, List<Problem> problems) {
        if (name.isTextual()) {
            ObjectRules.report(at, Names.dns1123Subdomain(name.asText()), problems);
        }
    }

    private static void keys(JsonNode items, String at, List<Problem> problems) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode key = items.get(i).path("key");
            if (key.isTextual()) {
                ObjectRules.report(Pointer.of(at, i, "key"), Names.configMapKey(key.asText()), problems);
            }
        }
    }

    private static void restartPolicy(PodTemplates pod, JsonNode policy, List<Problem> problems) {
        String at = pod.spec() + "/restartPolicy";
        boolean job = pod.kind().equals("Job") || pod.kind().equals("CronJob");
        String value = policy.asText("");
        if (job && !value.equals("OnFailure") && !value.equals("Never")) {
            problems.add(new Problem(
                    at,
                    (value.isEmpty() ? "required" : "'" + value + "' is not allowed") + " for a " + pod.kind()
                            + "'s pods: use OnFailure or Never"));
        } else if (!job && !pod.kind().equals("Pod") && !value.isEmpty() && !value.equals("Always")) {
            problems.add(new Problem(at, "a " + pod.kind() + "'s pods must restart Always, not '" + value + "'"));
        }
    }

    /** A controller only owns pods its selector matches, so the API server requires its template to match. */
    private static void selector(JsonNode document, PodTemplates pod, JsonNode metadata, List<Problem> problems) {
        if (!pod.metadata().equals("/spec/template/metadata") || pod.kind().equals("Job")) {
            return;
        }
        JsonNode labels = metadata.path("labels");
        for (var required :
                document.path("spec").path("selector").path("matchLabels").properties()) {
            JsonNode actual = labels.path(required.getKey());
            if (!actual.isTextual()
                    || !actual.asText().equals(required.getValue().asText())) {
                problems.add(new Problem(
                        pod.metadata() + "/labels",
                        "selector does not match template labels: " + required.getKey() + "="
                                + required.getValue().asText() + " is missing"));
            }
        }
    }
}
