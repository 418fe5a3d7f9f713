package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.Engine;
import java.util.List;

/**
 * What differs between model servers when rendering: how each is told where the model is, and how it is
 * probed. {@link #of} switches over every {@link Engine}, so a new engine does not compile until it has a
 * setup here.
 */
abstract sealed class EngineSetup permits VllmEngine, OllamaEngine, InfinityEngine, FasterWhisperEngine {

    /**
     * The server container's engine-specific parts.
     *
     * @param command the command, when the image's entrypoint cannot be relied on; empty keeps the image's
     */
    record Configured(List<String> command, PodParts parts, Probes probes) {
        Configured(PodParts parts, Probes probes) {
            this(List.of(), parts, probes);
        }
    }

    static EngineSetup of(Engine engine) {
        return switch (engine) {
            case VLLM -> new VllmEngine();
            case OLLAMA -> new OllamaEngine();
            case INFINITY -> new InfinityEngine();
            case FASTER_WHISPER -> new FasterWhisperEngine();
        };
    }

    /** The engine's arguments, environment and probes for {@code model} served from {@code location}. */
    abstract Configured configure(String model, ModelLocation location, List<String> userArgs);

    /** The flags that serve {@code adapterNames} from {@code /adapters}; only engines that serve adapters. */
    List<String> staticAdapterArgs(String model, List<String> adapterNames) {
        throw new IllegalStateException(getClass().getSimpleName() + " does not serve adapters");
    }
}
