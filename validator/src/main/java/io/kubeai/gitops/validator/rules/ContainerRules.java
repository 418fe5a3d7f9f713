package io.kubeai.gitops.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A container's checks: port names and numbers, environment variable names and the ConfigMap and
 * Secret keys they refer to, volume mounts naming the pod's volumes, and resources (see {@link ResourceRules}).
 */
final class ContainerRules {
    private static final int MAX_PORT = 65535;

    private ContainerRules() {}

    static void check(JsonNode container, String at, Set<String> volumes, List<Problem> problems) {
        ports(container.path("ports"), at + "/ports", problems);
        env(container.path("env"), at + "/env", problems);
        envFrom(container.path("envFrom"), at + "/envFrom", problems);
        mounts(container.path("volumeMounts"), at + "/volumeMounts", volumes, problems);
        ResourceRules.check(container.path("resources"), at + "/resources", problems);
    }

    private static void ports(JsonNode ports, String at, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String path = Pointer.of(at, i);
            JsonNode name = port.path("name");
            if (name.isTextual()) {
                ObjectRules.report(path + "/name", Names.ianaServiceName(name.asText()), problems);
                if (!names.add(name.asText())) {
                    problems.add(new Problem(path + "/name", "duplicate port name '" + name.asText() + "'"));
                }
            }
            range(port.path("containerPort"), 1, path + "/containerPort", problems);
            range(port.path("hostPort"), 0, path + "/hostPort", problems);
        }
    }

    private static void range(JsonNode port, int min, String at, List<Problem> problems) {
        if (port.isInt() && (port.asInt() < min || port.asInt() > MAX_PORT)) {
            problems.add(new Problem(at, "must be between " + min + " and " + MAX_PORT + ", inclusive"));
        }
    }

    private static void env(JsonNode env, String at, List<Problem> problems) {
        for (int i = 0; i < env.size(); i++) {
            JsonNode variable = env.get(i);
            String path = Pointer.of(at, i);
            if (variable.path("name").isTextual()) {
                ObjectRules.report(
                        path + "/name", Names.envVarName(variable.path("name").asText()), problems);
            }
            for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
                JsonNode selector = variable.path("valueFrom").path(ref);
                if (selector.isObject()) {
                    keyRef(selector, path + "/valueFrom/" + ref, problems);
                }
            }
        }
    }

    private static void keyRef(JsonNode selector, String at, List<Problem> problems) {
        if (selector.path("name").asText("").isEmpty()) {
            problems.add(new Problem(at + "/name", "the ConfigMap or Secret to read is required"));
        } else {
            PodRules.objectName(selector.path("name"), at + "/name", problems);
        }
        if (selector.path("key").isTextual()) {
            ObjectRules.report(
                    at + "/key", Names.configMapKey(selector.path("key").asText()), problems);
        }
    }

    private static void envFrom(JsonNode sources, String at, List<Problem> problems) {
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String path = Pointer.of(at, i);
            PodRules.objectName(source.path("configMapRef").path("name"), path + "/configMapRef/name", problems);
            PodRules.objectName(source.path("secretRef").path("name"), path + "/secretRef/name", problems);
            if (source.path("prefix").isTextual()
                    && !source.path("prefix").asText().isEmpty()) {
                ObjectRules.report(
                        path + "/prefix", Names.envVarName(source.path("prefix").asText()), problems);
            }
        }
    }

    private static void mounts(JsonNode mounts, String at, Set<String> volumes, List<Problem> problems) {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode mount = mounts.get(i);
            String path = Pointer.of(at, i);
            String name = mount.path("name").asText("");
            if (!volumes.contains(name)) {
                problems.add(new Problem(
                        path + "/name",
                        "no volume named '" + name + "' in the pod: a volumeMount" + " must name one of spec.volumes"));
            }
            String mountPath = mount.path("mountPath").asText("");
            if (!mountPath.isEmpty() && !paths.add(mountPath)) {
                problems.add(
                        new Problem(path + "/mountPath", "'" + mountPath + "' is mounted twice in this container"));
            }
        }
    }
}
