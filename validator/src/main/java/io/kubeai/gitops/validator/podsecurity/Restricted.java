package io.kubeai.gitops.validator.podsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The restricted standard, on top of baseline: only volume types a PersistentVolume or the pod
 * itself defines, no privilege escalation, non-root users, a confined seccomp profile, and every
 * capability dropped but NET_BIND_SERVICE.
 */
final class Restricted {
    static final Set<String> VOLUME_TYPES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SECCOMP = Set.of("RuntimeDefault", "Localhost");

    private Restricted() {}

    static void check(Pod pod) {
        JsonNode volumes = pod.spec().path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            for (var field : volume.properties()) {
                if (!field.getKey().equals("name") && !VOLUME_TYPES.contains(field.getKey())) {
                    pod.violates(
                            "Volume Types",
                            pod.specAt() + "/volumes/" + i + "/" + field.getKey(),
                            "volume '" + volume.path("name").asText() + "' has restricted type " + field.getKey());
                }
            }
        }
        JsonNode podContext = pod.spec().path("securityContext");
        String podContextAt = pod.specAt() + "/securityContext";
        boolean podNonRoot = podContext.path("runAsNonRoot").asBoolean(false);
        boolean podSeccomp =
                SECCOMP.contains(podContext.path("seccompProfile").path("type").asText(""));
        if (podContext.path("runAsUser").isIntegralNumber()
                && podContext.path("runAsUser").asLong() == 0) {
            pod.violates("Running as Non-root user", podContextAt + "/runAsUser", "pod must not set runAsUser to 0");
        }
        for (Pod.Container container : pod.containers()) {
            JsonNode context = container.securityContext();
            String at = container.at() + "/securityContext";
            if (!context.path("allowPrivilegeEscalation").isBoolean()
                    || context.path("allowPrivilegeEscalation").asBoolean()) {
                pod.violates(
                        "Privilege Escalation",
                        container,
                        at + "/allowPrivilegeEscalation",
                        "must set securityContext.allowPrivilegeEscalation=false");
            }
            JsonNode nonRoot = context.path("runAsNonRoot");
            if (nonRoot.isBoolean() ? !nonRoot.asBoolean() : !podNonRoot) {
                pod.violates(
                        "Running as Non-root",
                        container,
                        at + "/runAsNonRoot",
                        "must set securityContext.runAsNonRoot=true (on the container or the pod)");
            }
            if (context.path("runAsUser").isIntegralNumber()
                    && context.path("runAsUser").asLong() == 0) {
                pod.violates("Running as Non-root user", container, at + "/runAsUser", "must not set runAsUser to 0");
            }
            JsonNode seccomp = context.path("seccompProfile").path("type");
            if (seccomp.isTextual() ? !SECCOMP.contains(seccomp.asText()) : !podSeccomp) {
                pod.violates(
                        "Seccomp",
                        container,
                        at + "/seccompProfile/type",
                        "must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (on the container or the pod)");
            }
            capabilities(pod, container, context.path("capabilities"), at + "/capabilities");
        }
    }

    private static void capabilities(Pod pod, Pod.Container container, JsonNode capabilities, String at) {
        boolean dropsAll = false;
        for (JsonNode dropped : capabilities.path("drop")) {
            dropsAll |= dropped.asText().equals("ALL");
        }
        if (!dropsAll) {
            pod.violates(
                    "Capabilities", container, at + "/drop", "must set securityContext.capabilities.drop=[\"ALL\"]");
        }
        JsonNode added = capabilities.path("add");
        for (int i = 0; i < added.size(); i++) {
            if (!added.get(i).asText().equals("NET_BIND_SERVICE")) {
                pod.violates(
                        "Capabilities",
                        container,
                        at + "/add/" + i,
                        "must not add capability " + added.get(i).asText() + " (only NET_BIND_SERVICE)");
            }
        }
    }
}
