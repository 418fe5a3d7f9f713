package io.kubeai.gitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod template of a rendered Deployment or Job, read as the kubelet reads it: init containers in order
 * (a native sidecar is one with {@code restartPolicy: Always}), then the main containers, and the volumes.
 *
 * @param owner          the Deployment's or Job's name
 * @param initContainers in order
 * @param containers     the main containers
 * @param volumes        the pod's volumes, each with its source as rendered
 */
record PodSpec(String owner, List<Container> initContainers, List<Container> containers, List<Volume> volumes) {

    /** One container: its image and command line, what it reads from its environment and what it mounts. */
    record Container(
            String name,
            String image,
            List<String> command,
            List<String> args,
            List<Env> env,
            List<Mount> mounts,
            boolean sidecar) {}

    /**
     * A variable: a literal {@code value}, a Secret's key, or a field of the pod (the downward API).
     *
     * @param field the fieldRef's path, e.g. {@code metadata.name}
     */
    record Env(String name, String value, String secret, String key, boolean optional, String field) {}

    /** A volume mounted into a container. */
    record Mount(String volume, String mountPath, String subPath, boolean readOnly) {}

    /** A volume and its source ({@code emptyDir}, {@code configMap}, {@code persistentVolumeClaim} ...). */
    record Volume(String name, String kind, JsonNode source) {}

    static PodSpec of(JsonNode workload) {
        String kind = workload.path("kind").asText();
        if (!kind.equals("Deployment") && !kind.equals("Job")) {
            throw new IllegalArgumentException(kind + " has no pod template");
        }
        JsonNode pod = workload.at("/spec/template/spec");
        List<Volume> volumes = new ArrayList<>();
        pod.path("volumes").forEach(v -> {
            String name = v.path("name").asText();
            String source = fieldsOf(v).stream()
                    .filter(f -> !f.equals("name"))
                    .findFirst()
                    .orElseThrow();
            volumes.add(new Volume(name, source, v.path(source)));
        });
        return new PodSpec(
                workload.at("/metadata/name").asText(),
                containers(pod.path("initContainers")),
                containers(pod.path("containers")),
                volumes);
    }

    Optional<Volume> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    Container container(String name) {
        return java.util.stream.Stream.concat(initContainers.stream(), containers.stream())
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(owner + " has no container " + name));
    }

    private static List<Container> containers(JsonNode list) {
        List<Container> result = new ArrayList<>();
        list.forEach(c -> {
            List<Env> env = new ArrayList<>();
            c.path("env").forEach(e -> env.add(env(e)));
            List<Mount> mounts = new ArrayList<>();
            c.path("volumeMounts")
                    .forEach(m -> mounts.add(new Mount(
                            m.path("name").asText(),
                            m.path("mountPath").asText(),
                            m.path("subPath").asText(""),
                            m.path("readOnly").asBoolean(false))));
            result.add(new Container(
                    c.path("name").asText(),
                    c.path("image").asText(),
                    texts(c.path("command")),
                    texts(c.path("args")),
                    env,
                    mounts,
                    c.path("restartPolicy").asText("").equals("Always")));
        });
        return result;
    }

    private static Env env(JsonNode e) {
        String name = e.path("name").asText();
        if (e.has("value")) {
            return new Env(name, e.path("value").asText(), null, null, false, null);
        }
        JsonNode secret = e.at("/valueFrom/secretKeyRef");
        if (!secret.isMissingNode()) {
            return new Env(
                    name,
                    null,
                    secret.path("name").asText(),
                    secret.path("key").asText(),
                    secret.path("optional").asBoolean(false),
                    null);
        }
        JsonNode field = e.at("/valueFrom/fieldRef/fieldPath");
        if (!field.isMissingNode()) {
            return new Env(name, null, null, null, false, field.asText());
        }
        throw new IllegalArgumentException("variable " + name + ": no value, secretKeyRef or fieldRef");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> fieldsOf(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
