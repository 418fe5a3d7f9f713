package io.kubeai.gitops.resolve;

/**
 * Names that plan writes into the rendered objects and review reads back from them. One constant each, so
 * a rename in plan cannot leave review looking for the old name.
 */
public final class RenderedNames {
    /** The init container that waits for the model's cache. */
    public static final String WAIT_MODEL = "wait-model";
    /** The init container that copies the model into the pod. */
    public static final String FETCH_MODEL = "fetch-model";
    /** Prefix of the init container that waits for an adapter's cache. */
    public static final String WAIT_ADAPTER = "wait-adapter-";
    /** Prefix of the init container that copies an adapter into the pod. */
    public static final String FETCH_ADAPTER = "fetch-adapter-";
    /** vLLM's flag for the model it serves ({@code --model=<reference>}). */
    public static final String VLLM_MODEL_FLAG = "--model";
    /** Infinity's flag for the model it serves ({@code --model-id <reference>}). */
    public static final String INFINITY_MODEL_FLAG = "--model-id";
    /** The loader Job's annotation that names the source it copies (written by loader-job.yaml.ftl). */
    public static final String SOURCE_ANNOTATION = "kubeai.org/source";
    /** The key of the adapter list in a Model's adapters ConfigMap. */
    public static final String ADAPTERS_KEY = "adapters.json";

    private RenderedNames() {}
}
