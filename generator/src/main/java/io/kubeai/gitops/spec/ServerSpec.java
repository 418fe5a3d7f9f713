package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a Model's spec that configures its server container.
 *
 * @param engine            VLLM, OLlama, Infinity or FasterWhisper, as written (an unknown name is a
 *                          validation error at its line)
 * @param features          TextGeneration, TextEmbedding, Reranking, SpeechToText
 * @param image             overrides the image the resource profile chooses
 * @param args              extra engine arguments, after the ones the generator sets
 * @param env               extra environment variables (KubeAI's map form)
 * @param envFrom           Kubernetes EnvFromSource list, passed through
 * @param files             files mounted into the server container
 * @param priorityClassName the pods' priority class
 * @param serviceAccountName the pods' ServiceAccount (IRSA, Workload Identity), over kubeai.yaml's
 * @param imagePullSecrets  Secrets for private registries, added to kubeai.yaml's
 */
public record ServerSpec(
        String engine,
        List<String> features,
        Optional<String> image,
        List<String> args,
        Map<String, String> env,
        Optional<JsonNode> envFrom,
        List<ModelFile> files,
        Optional<String> priorityClassName,
        Optional<String> serviceAccountName,
        List<String> imagePullSecrets) {

    public ServerSpec {
        features = List.copyOf(features);
        args = List.copyOf(args);
        env = SortedMaps.copyOf(env);
        files = List.copyOf(files);
        imagePullSecrets = List.copyOf(imagePullSecrets);
    }
}
