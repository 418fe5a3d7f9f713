package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;

/**
 * The Job of a FineTuneJob: its init containers run one after another (base model, training data,
 * trainer) and its main container publishes the adapter and commits it back to Git.
 *
 * @param name           {@code finetune-<job>-<inputs hash>}
 * @param job            the FineTuneJob's name, also the adapter's
 * @param model          the base Model
 * @param adapterUrl     where the adapter is published
 * @param initContainers in order: base model, training data, trainer
 * @param hook           the publish-and-commit container
 * @param securityContext the pod's: restricted, as for model servers
 */
public record TrainingJob(
        String name,
        String job,
        String model,
        String adapterUrl,
        List<Container> initContainers,
        Container hook,
        List<Volume> volumes,
        Map<String, String> nodeSelector,
        JsonNode tolerations,
        JsonNode affinity,
        String runtimeClassName,
        PodSecurityContext securityContext) {}
