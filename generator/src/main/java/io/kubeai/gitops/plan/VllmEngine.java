package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.RenderedNames;
import java.util.ArrayList;
import java.util.List;

/** vLLM's OpenAI server; arguments in KubeAI's order. */
final class VllmEngine extends EngineSetup {
    /**
     * As KubeAI starts it: vLLM's TPU and ROCm images have a shell as their entrypoint, so the server is
     * named rather than left to the image.
     */
    static final List<String> COMMAND = List.of("python3", "-m", "vllm.entrypoints.openai.api_server");

    @Override
    Configured configure(String model, ModelLocation location, List<String> userArgs) {
        PodParts.Builder parts = PodParts.builder();
        parts.arg(RenderedNames.VLLM_MODEL_FLAG + "=" + location.reference());
        parts.arg("--served-model-name=" + model);
        if (location.scheme().equals("s3")) {
            // The Run:ai streamer reads safetensors straight from the bucket into GPU memory.
            parts.arg("--load-format=runai_streamer");
        }
        location.revision().ifPresent(r -> parts.arg("--revision=" + r));
        parts.args(userArgs);
        return new Configured(COMMAND, parts.build(), Probes.onHealth("/health"));
    }

    @Override
    List<String> staticAdapterArgs(String model, List<String> adapterNames) {
        List<String> args = new ArrayList<>(List.of("--enable-lora", "--lora-modules"));
        for (String adapter : adapterNames) {
            args.add(model + "_" + adapter + "=" + AdapterPlanner.MOUNT + "/" + adapter);
        }
        return args;
    }
}
