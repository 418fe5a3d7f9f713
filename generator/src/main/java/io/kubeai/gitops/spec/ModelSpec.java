package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec of a KubeAI {@code kubeai.org/v1} Model. Defaults (engine VLLM, features TextGeneration)
 * are already applied; optional numbers are null when the user left them out.
 *
 * @param url                   the model source: hf://, s3://, gs://, oss://, pvc:// or ollama://
 * @param adapters              LoRA adapters, VLLM only
 * @param features              TextGeneration, TextEmbedding, Reranking, SpeechToText
 * @param engine                VLLM, OLlama, Infinity or FasterWhisper
 * @param resourceProfile       {@code name:count}, e.g. {@code nvidia-gpu-l4:2}; empty means cpu:1
 * @param cacheProfile          a profile of kubeai.yaml or {@code None}; empty means the config's default
 * @param image                 overrides the image the resource profile chooses
 * @param args                  extra engine arguments, after the ones the generator sets
 * @param env                   extra environment variables (KubeAI's map form)
 * @param envFrom               Kubernetes EnvFromSource list, passed through
 * @param replicas              fixed replica count
 * @param minReplicas           lower autoscaling bound
 * @param maxReplicas           upper autoscaling bound
 * @param autoscalingDisabled   true pins the replica count
 * @param files                 files mounted into the server container
 * @param priorityClassName     the pods' priority class
 * @param adapterLoading        Static ({@code --lora-modules}) or Dynamic (the adapter-sync sidecar)
 */
public record ModelSpec(
        String url,
        List<Adapter> adapters,
        List<String> features,
        String engine,
        Optional<String> resourceProfile,
        Optional<String> cacheProfile,
        Optional<String> image,
        List<String> args,
        Map<String, String> env,
        Optional<JsonNode> envFrom,
        Integer replicas,
        Integer minReplicas,
        Integer maxReplicas,
        boolean autoscalingDisabled,
        List<ModelFile> files,
        Optional<String> priorityClassName,
        Optional<String> adapterLoading) {

    public ModelSpec {
        adapters = List.copyOf(adapters);
        features = List.copyOf(features);
        args = List.copyOf(args);
        env = SortedMaps.copyOf(env);
        files = List.copyOf(files);
    }
}
