package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * The serving Deployment of a Model and everything its pod template needs. Templates read it as {@code r};
 * the accessors below the components flatten the groups into the names templates have always used
 * ({@code r.args}, {@code r.requests}, {@code r.startupProbe} ...), so user templates keep working.
 *
 * @param name      the Deployment's object name
 * @param model     the Model's name as written, for its labels
 * @param engine    VLLM, OLlama, Infinity or FasterWhisper
 * @param image     the server image
 * @param container the server container: command, pod parts, probes and Pod Security level
 * @param placement resources and scheduling
 * @param replicas  a fixed replica count, or null when an autoscaler owns it
 * @param envFrom   the Model's envFrom, passed through (null when absent)
 * @param metadata  the pod template's labels and annotations
 * @param serviceAccountName the pod's ServiceAccount: the Model's own, else kubeai.yaml's or the adapter-sync
 *                           one when adapter-sync needs one; null: render adds kubeai.yaml's
 * @param imagePullSecrets   the Model's own pull secrets (render adds kubeai.yaml's)
 */
public record Server(
        String name,
        String model,
        String engine,
        String image,
        MainContainer container,
        Placement placement,
        Integer replicas,
        JsonNode envFrom,
        PodMetadata metadata,
        String serviceAccountName,
        List<String> imagePullSecrets) {

    public Map<String, String> podLabels() {
        return metadata.labels();
    }

    public Map<String, String> podAnnotations() {
        return metadata.annotations();
    }

    /**
     * False when the pod mounts an API token into the one container that needs it (the adapter-sync
     * sidecar), so the kubelet mounts none into the others; null leaves the ServiceAccount's setting.
     */
    public Boolean automountServiceAccountToken() {
        return pod().volumes().stream()
                        .anyMatch(v -> v.getProjected() != null
                                && v.getProjected().getSources().stream()
                                        .anyMatch(s -> s.getServiceAccountToken() != null))
                ? Boolean.FALSE
                : null;
    }

    /**
     * Requests, limits and scheduling; null for what the resource profile leaves out.
     *
     * @param tolerations the resource profile's tolerations
     * @param affinity    the resource profile's affinity
     */
    public record Placement(
            Map<String, String> requests,
            Map<String, String> limits,
            Map<String, String> nodeSelector,
            JsonNode tolerations,
            JsonNode affinity,
            String runtimeClassName,
            String schedulerName,
            String priorityClassName) {}

    /**
     * The server container and its pod's parts.
     *
     * @param command  the command; empty keeps the image's entrypoint
     * @param pod      arguments, environment, init containers (in order), volumes and mounts
     * @param probes   the server's probes
     * @param security the pod's Pod Security level
     */
    public record MainContainer(List<String> command, PodParts pod, Probes probes, ServerSecurity security) {}

    public List<String> command() {
        return container.command();
    }

    private PodParts pod() {
        return container.pod();
    }

    private Probes probes() {
        return container.probes();
    }

    /** The pod's security context. */
    public PodSecurityContext podSecurityContext() {
        return container.security().pod();
    }

    /** The server container's security context; null where the level leaves it to the image. */
    public SecurityContext securityContext() {
        return container.security().container();
    }

    /** Why the pod runs at the baseline Pod Security level; null at restricted. */
    public String podSecurityReason() {
        return container.security().baselineReason().orElse(null);
    }

    public List<String> args() {
        return pod().args();
    }

    public List<EnvVar> env() {
        return pod().env();
    }

    public List<Container> initContainers() {
        return pod().initContainers();
    }

    public List<Volume> volumes() {
        return pod().volumes();
    }

    public List<VolumeMount> mounts() {
        return pod().mounts();
    }

    public Probe startupProbe() {
        return probes().startup();
    }

    public Probe readinessProbe() {
        return probes().readiness();
    }

    public Probe livenessProbe() {
        return probes().liveness();
    }

    public Map<String, String> requests() {
        return placement.requests();
    }

    public Map<String, String> limits() {
        return placement.limits();
    }

    public Map<String, String> nodeSelector() {
        return placement.nodeSelector();
    }

    public JsonNode tolerations() {
        return placement.tolerations();
    }

    public JsonNode affinity() {
        return placement.affinity();
    }

    public String runtimeClassName() {
        return placement.runtimeClassName();
    }

    public String schedulerName() {
        return placement.schedulerName();
    }

    public String priorityClassName() {
        return placement.priorityClassName();
    }
}
