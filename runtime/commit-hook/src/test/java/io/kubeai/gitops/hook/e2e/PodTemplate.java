package io.kubeai.gitops.hook.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pod template of a rendered {@code batch/v1} Job, read as the kubelet reads it: init containers in
 * order, then the main containers, and the volumes they mount.
 *
 * @param jobName        the Job's metadata.name
 * @param initContainers run one after the other, each to success
 * @param containers     run after every init container succeeded
 * @param volumes        the pod's volume names
 */
public record PodTemplate(
        String jobName, List<Container> initContainers, List<Container> containers, List<String> volumes) {

    /** One container: its image, its command line and what it sees. */
    public record Container(
            String name, String image, List<String> command, List<String> args, List<Env> env, List<Mount> mounts) {}

    /** A variable: a literal value, or a key of a Secret (absent when optional and missing). */
    public record Env(String name, String value, String secret, String key, boolean optional) {}

    /** A volume mounted into a container. */
    public record Mount(String volume, String mountPath, String subPath, boolean readOnly) {}

    public static PodTemplate read(Path jobYaml) throws IOException {
        Map<String, Object> job;
        try (Reader reader = Files.newBufferedReader(jobYaml)) {
            job = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
        if (!"batch/v1".equals(job.get("apiVersion")) || !"Job".equals(job.get("kind"))) {
            throw new IllegalArgumentException(jobYaml + " is not a batch/v1 Job");
        }
        Map<String, Object> pod = map(map(map(job.get("spec")).get("template")).get("spec"));
        return new PodTemplate(
                (String) map(job.get("metadata")).get("name"),
                containers(pod.get("initContainers")),
                containers(pod.get("containers")),
                list(pod.get("volumes")).stream()
                        .map(v -> (String) map(v).get("name"))
                        .toList());
    }

    private static List<Container> containers(Object yaml) {
        return list(yaml).stream()
                .map(PodTemplate::map)
                .map(c -> new Container(
                        (String) c.get("name"),
                        (String) c.get("image"),
                        strings(c.get("command")),
                        strings(c.get("args")),
                        list(c.get("env")).stream()
                                .map(PodTemplate::map)
                                .map(PodTemplate::env)
                                .toList(),
                        list(c.get("volumeMounts")).stream()
                                .map(PodTemplate::map)
                                .map(m -> new Mount(
                                        (String) m.get("name"),
                                        (String) m.get("mountPath"),
                                        (String) m.get("subPath"),
                                        Boolean.TRUE.equals(m.get("readOnly"))))
                                .toList()))
                .toList();
    }

    private static Env env(Map<String, Object> e) {
        String name = (String) e.get("name");
        if (e.containsKey("value")) {
            return new Env(name, Objects.toString(e.get("value")), null, null, false);
        }
        Map<String, Object> from = map(e.get("valueFrom"));
        Map<String, Object> ref = from == null ? null : map(from.get("secretKeyRef"));
        if (ref == null) {
            throw new IllegalArgumentException(
                    "variable " + name + ": only value and secretKeyRef can be resolved here");
        }
        return new Env(
                name,
                null,
                (String) ref.get("name"),
                (String) ref.get("key"),
                Boolean.TRUE.equals(ref.get("optional")));
    }

    private static List<String> strings(Object yaml) {
        return list(yaml).stream().map(Object::toString).toList();
    }

    private static List<Object> list(Object yaml) {
        @SuppressWarnings("unchecked")
        List<Object> list = yaml == null ? List.of() : (List<Object>) yaml;
        return list;
    }

    private static Map<String, Object> map(Object yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) yaml;
        return map;
    }
}
