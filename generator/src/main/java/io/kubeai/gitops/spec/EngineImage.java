package io.kubeai.gitops.spec;

import java.util.Optional;

/**
 * What one engine image can do, from the capability table ({@code profiles/engine-images.yaml}): plan
 * chooses the load path from it and validate refuses what the image cannot serve.
 *
 * @param image       the image reference
 * @param engine      the engine it runs
 * @param platform    the accelerator its build targets
 * @param version     the engine's version, when the tag or the table says it; empty is taken as the newest
 * @param features    the features it has
 * @param baseline    why the image needs the baseline Pod Security level rather than restricted, if it does
 */
public record EngineImage(
        String image,
        Engine engine,
        Platform platform,
        Optional<Version> version,
        Features features,
        Optional<String> baseline) {

    /** The accelerators vLLM builds images for. */
    public enum Platform {
        CUDA,
        ROCM,
        CPU,
        TPU;

        /** The name the capability table and messages use: cuda, rocm, cpu, tpu. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The features the generator relies on.
     *
     * @param streamsFromS3       reads weights from s3:// itself (vLLM's Run:ai streamer)
     * @param lora                serves LoRA adapters ({@code --enable-lora})
     * @param runtimeLoraUpdating loads and unloads adapters at run time (adapter-sync)
     */
    public record Features(boolean streamsFromS3, boolean lora, boolean runtimeLoraUpdating) {
        public static final Features NONE = new Features(false, false, false);
    }

    /** How messages name the image: {@code substratusai/vllm:v0.6.3.post1-cpu (vLLM 0.6.3, cpu)}. */
    public String describe() {
        return image + " (" + engine.specName() + version.map(v -> " " + v).orElse("") + ", " + platform.key() + ")";
    }
}
