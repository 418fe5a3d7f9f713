package io.kubeai.gitops.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model servers KubeAI knows, with what the generator must know about each. Code that differs per
 * engine switches over this enum without a default, so a new engine fails to compile until every such
 * place handles it.
 */
public enum Engine {
    VLLM("VLLM", true, true, true, Set.of("hf", "s3", "gs", "oss", "pvc")),
    OLLAMA("OLlama", false, false, false, Set.of("ollama", "hf")),
    INFINITY("Infinity", false, false, false, Set.of("hf", "s3", "gs", "oss", "pvc")),
    FASTER_WHISPER("FasterWhisper", false, false, false, Set.of("hf", "s3", "gs", "oss", "pvc"));

    private final String specName;
    private final boolean streamsFromS3;
    private final boolean servesAdapters;
    private final boolean requestMetrics;
    private final Set<String> schemes;

    Engine(
            String specName,
            boolean streamsFromS3,
            boolean servesAdapters,
            boolean requestMetrics,
            Set<String> schemes) {
        this.specName = specName;
        this.streamsFromS3 = streamsFromS3;
        this.servesAdapters = servesAdapters;
        this.requestMetrics = requestMetrics;
        this.schemes = schemes;
    }

    /**
     * True when the engine publishes vLLM's request metrics ({@code vllm:num_requests_running} and
     * {@code _waiting}): KEDA can scale it on requests, and the endpoint picker can score its pods.
     */
    public boolean publishesRequestMetrics() {
        return requestMetrics;
    }

    /** The engine a Model's {@code spec.engine} names, if KubeAI knows it. */
    public static Optional<Engine> named(String name) {
        return Arrays.stream(values()).filter(e -> e.specName.equals(name)).findFirst();
    }

    /** Every engine's name, for messages: {@code VLLM, OLlama, Infinity or FasterWhisper}. */
    public static String names(String lastJoin) {
        String all = Arrays.stream(values()).map(Engine::specName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + lastJoin + all.substring(last + 2);
    }

    /** The name as KubeAI's Model spec writes it. */
    public String specName() {
        return specName;
    }

    /** True when the engine reads weights from s3:// itself; others get a copy on local disk first. */
    public boolean streamsFromS3() {
        return streamsFromS3;
    }

    /** True when the engine serves LoRA adapters (statically or through the adapter-sync sidecar). */
    public boolean servesAdapters() {
        return servesAdapters;
    }

    /** True when the engine pulls its own models, so no cache profile applies to it. */
    public boolean pullsItsOwnModels() {
        return !schemes.contains("s3");
    }

    /** The URL schemes the engine can serve a model from. */
    public boolean serves(String scheme) {
        return schemes.contains(scheme);
    }

    @Override
    public String toString() {
        return specName;
    }
}
