package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable draft of a {@link Server} while the planner's steps add to it. */
final class ServerDraft {
    final String name;
    final String engine;
    String image;
    final List<String> command = new ArrayList<>();
    final List<String> args = new ArrayList<>();
    final Map<String, EnvVar> env = new LinkedHashMap<>();
    final List<Container> initContainers = new ArrayList<>();
    final Map<String, Volume> volumes = new LinkedHashMap<>();
    final List<VolumeMount> mounts = new ArrayList<>();
    Probe startupProbe;
    Probe readinessProbe;
    Probe livenessProbe;

    ServerDraft(String name, String engine) {
        this.name = name;
        this.engine = engine;
    }

    void env(List<EnvVar> vars) {
        // The first definition of a name wins: credentials and generator settings before the user's.
        vars.forEach(v -> env.putIfAbsent(v.getName(), v));
    }

    void volume(Volume volume) {
        volumes.putIfAbsent(volume.getName(), volume);
    }

    Server build(
            JsonNode envFrom,
            Map<String, String> requests,
            Map<String, String> limits,
            Map<String, String> nodeSelector,
            JsonNode tolerations,
            JsonNode affinity,
            String runtimeClassName,
            String schedulerName,
            String priorityClassName,
            Integer replicas) {
        return new Server(
                name,
                engine,
                image,
                List.copyOf(command),
                List.copyOf(args),
                List.copyOf(env.values()),
                envFrom,
                requests,
                limits,
                nodeSelector,
                tolerations,
                affinity,
                runtimeClassName,
                schedulerName,
                priorityClassName,
                replicas,
                List.copyOf(initContainers),
                List.copyOf(volumes.values()),
                List.copyOf(mounts),
                startupProbe,
                readinessProbe,
                livenessProbe);
    }
}
