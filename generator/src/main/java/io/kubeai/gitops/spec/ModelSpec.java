package io.kubeai.gitops.spec;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a KubeAI {@code kubeai.org/v1} Model. Defaults (engine VLLM, features TextGeneration) are
 * already applied. KubeAI's flat field list is grouped by what reads it, and no two neighbouring
 * components share a type, so a swapped argument does not compile.
 *
 * @param url             the model source: hf://, s3://, gs://, oss://, pvc:// or ollama://
 * @param cacheProfile    a profile of kubeai.yaml or {@code None}; empty means the config's default
 * @param adapters        LoRA adapters, VLLM only
 * @param adapterLoading  Static ({@code --lora-modules}) or Dynamic (the adapter-sync sidecar)
 * @param server          what the server container runs
 * @param resourceProfile {@code name:count}, e.g. {@code nvidia-gpu-l4:2}; empty means cpu:1
 * @param scaling         the replica count or range
 * @param traffic         targetRequests, scaleDownDelaySeconds and loadBalancing
 */
public record ModelSpec(
        String url,
        Optional<String> cacheProfile,
        List<Adapter> adapters,
        Optional<String> adapterLoading,
        ServerSpec server,
        Optional<String> resourceProfile,
        Scaling scaling,
        ModelTraffic traffic) {

    public ModelSpec {
        adapters = List.copyOf(adapters);
    }
}
