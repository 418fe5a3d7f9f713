package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * The serving Deployment of a Model and everything its pod template needs.
 *
 * @param name           the Model's name, also the Deployment's and Service's
 * @param engine         VLLM, OLlama, Infinity or FasterWhisper
 * @param replicas       a fixed replica count, or null when an autoscaler owns it
 * @param initContainers waits for cache markers and adapter fetches, in order
 * @param envFrom        the Model's envFrom, passed through (null when absent)
 * @param tolerations    the resource profile's tolerations (null when absent)
 * @param affinity       the resource profile's affinity (null when absent)
 */
public record Server(
        String name,
        String engine,
        String image,
        List<String> command,
        List<String> args,
        List<EnvVar> env,
        JsonNode envFrom,
        Map<String, String> requests,
        Map<String, String> limits,
        Map<String, String> nodeSelector,
        JsonNode tolerations,
        JsonNode affinity,
        String runtimeClassName,
        String schedulerName,
        String priorityClassName,
        Integer replicas,
        List<Container> initContainers,
        List<Volume> volumes,
        List<VolumeMount> mounts,
        Probe startupProbe,
        Probe readinessProbe,
        Probe livenessProbe) {}
