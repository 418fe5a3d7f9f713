package io.kubeai.gitops.wording;

import io.kubeai.gitops.api.diagnostic.Excerpt;
import java.util.Optional;

/** The wording of the validator's messages (the validate stage), beside the other stages' in this package. */
public final class Hints {
    private Hints() {}

    public static String namespace(String namespace) {
        return "namespace " + quote(namespace) + " is not a valid Kubernetes namespace name";
    }

    public static String gitopsName(String name) {
        return "gitops.name " + quote(name) + " is not a valid Kubernetes object name: "
                + "use lowercase letters, digits and '-'";
    }

    public static String finetuneApiWithoutGit() {
        return "finetuning.api needs finetuning.git: the API commits each job to that repository";
    }

    public static String finetuneApiWithoutFiles() {
        return "finetuning.api needs somewhere to keep uploaded files: set filesURL (s3://bucket/prefix/)"
                + " or add a bucket cache profile";
    }

    public static String finetuneApiFilesUrl(String url) {
        return "finetuning.api.filesURL must be an s3:// URL (s3://bucket/prefix/), got '" + url + "'";
    }

    public static String modelName(String name) {
        return "Model name " + quote(name) + " is not valid: use at most 40 lowercase letters, digits, '-' and '.', "
                + "starting and ending with a letter or digit";
    }

    public static String label(String key, String value) {
        return "label " + quote(key + ": " + value)
                + " is not a valid Kubernetes label (the Model's labels go onto its "
                + "pods): a key is an optional DNS prefix and '/' and a name of at most 63 letters, digits, '-', '_' "
                + "and '.'; a value is at most 63 of them, starting and ending with a letter or digit";
    }

    public static String annotationKey(String key) {
        return "annotation key " + quote(key) + " is not valid in Kubernetes (the Model's annotations go onto its "
                + "pods): an optional DNS prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', "
                + "starting and ending with a letter or digit";
    }

    public static String objectNameCollision(String name, String other, String otherAt, String objectName) {
        return "Models " + quote(name) + " and " + quote(other) + " (defined at " + otherAt + ") would both be named '"
                + objectName + "' in Kubernetes (dots become '-', a leading digit gets 'm-'); rename one of them";
    }

    public static String reservedModelName(String name) {
        return "Model name " + quote(name) + " is taken by an object the generator renders itself (kubeai-bucket, "
                + "kubeai-cache-*); choose another name";
    }

    /** A user's value as messages show it: clipped and on one line. */
    public static String quote(String value) {
        return Excerpt.quote(value);
    }

    public static String duplicateModel(String name, String firstAt) {
        return "duplicate Model name " + quote(name) + " (first defined at " + firstAt + "); rename one of them";
    }

    public static String adapterName(String name) {
        return "adapter name " + quote(name) + " is not valid: use at most 63 characters of a-z, 0-9 and '-'";
    }

    public static String duplicateAdapter(String name, String model) {
        return "duplicate adapter name " + quote(name) + " in Model " + quote(model)
                + "; adapter names must be unique per Model";
    }

    public static String adaptersNeedVllm(String engine) {
        return "adapters are only supported with engine VLLM (this Model uses " + engine
                + "); remove the adapters or switch the engine to VLLM";
    }

    /** @param image the image as messages name it: {@code repo:tag (VLLM 0.6.3, cpu)} */
    public static String noLora(String image, String since) {
        return "adapters need LoRA, which " + image + " does not serve; use " + since
                + " (spec.image, or modelServers in kubeai.yaml), or remove the adapters";
    }

    public static String noRuntimeLora(String image, String since) {
        return "adapters load at run time through vLLM's /v1/load_lora_adapter, which " + image
                + " does not have; set adapterLoading: Static (adapters load at start-up, a change restarts the pods)"
                + " or use " + since;
    }

    public static String kubernetesTooOld(String version) {
        return "kubernetesVersion " + version + " is older than the tree supports: the namespace's Pod Security"
                + " admission labels need Kubernetes 1.25 (autoscaling/v2 HorizontalPodAutoscalers 1.23, native"
                + " sidecars for adapters loaded at run time 1.29); set kubernetesVersion to \"1.25\" or newer";
    }

    public static String nativeSidecar(String version) {
        return "adapters load at run time through the adapter-sync native sidecar (an init container with"
                + " restartPolicy: Always), which needs Kubernetes 1.29; kubernetesVersion in kubeai.yaml is "
                + version + ": set adapterLoading: Static or raise kubernetesVersion";
    }

    public static String startupTimeout(String value) {
        return "annotation kubeai.org/startup-timeout " + quote(value)
                + " is not a duration; write e.g. 3h, 90m or 1h30m";
    }

    public static String podSecurityLevel(String value) {
        return "annotation kubeai.org/pod-security " + quote(value) + " is not a level; use restricted (the"
                + " default) or baseline";
    }

    public static String podSecurityReason() {
        return "kubeai.org/pod-security: baseline needs kubeai.org/pod-security-reason: say why the image needs"
                + " root, so the opt-out is reviewed with the Model";
    }

    /**
     * @param kind          the profile's storage kind as kubeai.yaml writes it ({@code staticVolume}, ...)
     * @param whyNoAdapters the storage's reason, if it has one
     */
    public static String adaptersNotTaken(String profile, String kind, Optional<String> whyNoAdapters) {
        return "adapters are not supported with cacheProfile " + quote(profile) + " (" + kind + "): "
                + whyNoAdapters.orElse("it cannot hold adapters") + "; use a bucket or sharedFilesystem profile";
    }

    public static String needsOrderedApply(String profile, String kind, String why) {
        return "cacheProfile " + quote(profile) + " (" + kind + ") needs gitops.engine argocd or flux, not plain: "
                + why + "; set gitops.engine in kubeai.yaml, or use a bucket or sharedFilesystem profile";
    }

    public static String adapterUrl(String problem) {
        return "adapter url: " + problem + "; adapters load from hf://, s3://, gs:// or oss://";
    }

    /** @param engines the engines' names, joined for a sentence ({@code VLLM or OLlama or ...}) */
    public static String unknownEngine(String engine, String engines) {
        return "unknown engine " + quote(engine) + "; use " + engines;
    }

    public static String unknownFeature(String feature) {
        return "unknown feature " + quote(feature) + "; use TextGeneration, TextEmbedding, Reranking or SpeechToText";
    }

    public static String undefinedCacheProfile(String profile, String known) {
        return "cacheProfile " + quote(profile) + " is not defined in kubeai.yaml (models.cache.profiles"
                + (known.isEmpty() ? " is empty" : ": " + known) + "); define it there or use None";
    }

    public static String undefinedDefaultProfile(String profile, String known) {
        return "defaultProfile " + quote(profile) + " names no profile in models.cache.profiles"
                + (known.isEmpty() ? " (there are none)" : " (" + known + ")") + "; define it or use None";
    }

    public static String cacheNeedsCacheableSource(String profile, String scheme) {
        return "cacheProfile " + quote(profile) + " cannot cache " + scheme + ":// sources: caching works with hf://, "
                + "s3://, gs:// and oss:// URLs; use cacheProfile None";
    }

    public static String ollamaNeedsOllama(String engine) {
        return "ollama:// URLs are served by engine OLlama only (this Model uses " + engine + ")";
    }

    public static String ollamaSources(String scheme) {
        return "OLlama pulls its models itself, from ollama:// or hf:// (GGUF repos), not from " + scheme
                + "://; use engine VLLM for this source";
    }

    public static String ollamaCache() {
        return "OLlama pulls its models itself, so a cache profile does not apply; use cacheProfile None";
    }

    public static String resourceProfileFormat(String value) {
        return "resourceProfile " + quote(value) + " is not of the form <name>:<count>, e.g. nvidia-gpu-l4:1";
    }

    public static String unknownResourceProfile(String name, String nearest) {
        return "unknown resource profile " + quote(name) + nearest
                + "; define it under resourceProfiles in kubeai.yaml or use a built-in one";
    }

    public static String replicasRange(int min, int max) {
        return "minReplicas (" + min + ") is greater than maxReplicas (" + max
                + "); lower minReplicas or raise maxReplicas";
    }

    public static String negative(String field) {
        return quote(field) + " must not be negative";
    }

    public static String attachLimit(int replicas, String profile, int limit) {
        return replicas + " replicas exceed the read-only attach limit of cacheProfile " + quote(profile) + " (" + limit
                + " nodes per disk); lower the replicas or use a sharedFilesystem or bucket profile";
    }

    public static String envName(String name) {
        return "environment variable name " + quote(name) + " is not valid: use letters, digits, '_', '-' and '.', "
                + "not starting with a digit";
    }

    public static String filePath(String path) {
        return "file path " + quote(path) + " must be absolute (start with '/') and unique within the Model";
    }

    public static String adapterLoading(String value) {
        return "adapterLoading " + quote(value) + " is not valid; use Static or Dynamic";
    }

    public static String duplicateJob(String name, String firstAt) {
        return "duplicate FineTuneJob name " + quote(name) + " (first defined at " + firstAt + "); rename one of them";
    }

    public static String jobName(String name) {
        return "FineTuneJob name " + quote(name) + " is not valid: it becomes an adapter name, so use at most 50 "
                + "characters of a-z, 0-9 and '-'";
    }

    public static String trainerImage() {
        return "no trainer image: set finetuning.image in kubeai.yaml or spec.image here to an image that "
                + "follows the trainer contract (see the README)";
    }

    public static String noGit() {
        return "finetuning.git is not set in kubeai.yaml: the finished job cannot commit its adapter back to the "
                + "Model; set repository, branch, path and secretName";
    }

    public static String noStorage() {
        return "no storage for the adapter: set spec.storage_url (s3://... or hf://user/repo) or "
                + "finetuning.storage.defaultURLTemplate in kubeai.yaml";
    }

    public static String storageUrl(String url) {
        return "adapter storage " + quote(url) + " must be an s3://bucket/prefix or hf://user/repo URL";
    }

    public static String trainingUrl(String url) {
        return quote(url) + " must be an s3:// or hf:// URL (files-API ids are not supported yet)";
    }

    public static String unknownBaseModel(String model) {
        return "unknown Model " + quote(model) + ": spec.model must name a Model in models/";
    }

    public static String trainerProfile(String value) {
        return "trainer resourceProfile " + quote(value) + " is not a known <name>:<count>, e.g. nvidia-gpu-l4:1; set "
                + "spec.resourceProfile here or finetuning.resourceProfile in kubeai.yaml";
    }

    public static String jobCollides(String job, String model, String url) {
        return "Model " + quote(model) + " already has an adapter named " + quote(job) + " (" + url
                + "); rename the job";
    }

    public static String noRequestScaling(String field) {
        return "'" + field + "' has no effect: only a vLLM Model with a replica range under autoscaling.mode: keda "
                + "scales on requests; set autoscaling in kubeai.yaml (see README, Autoscaling)";
    }

    public static String notFetchable(String url) {
        return quote(url) + " cannot be fetched";
    }

    private static String noPicker(String why) {
        return "'loadBalancing' has no effect: " + why;
    }

    public static String noPickerWithoutGateway() {
        return noPicker("per-Model Services balance connections; set routing.mode: gateway in kubeai.yaml for "
                + "the endpoint picker");
    }

    public static String noPickerWithoutVllm(String picker, String engine) {
        return noPicker("only vLLM Models get an endpoint picker (" + picker + " would need vLLM's metrics); the "
                + "Gateway balances " + engine + " requests over its Service");
    }

    public static String unknownStrategy(String strategy) {
        return "loadBalancing strategy '" + strategy + "' has no endpoint-picker equivalent; LeastLoad's scorers "
                + "are used; use LeastLoad or PrefixHash";
    }

    public static String prefixHashTuning() {
        return "prefixHash's meanLoadFactor, replication and prefixCharLength tune KubeAI's hash ring and have no "
                + "endpoint-picker equivalent: the prefix-cache scorer is used with upstream's defaults";
    }

    public static String zeroNeedsQueue() {
        return "minReplicas: 0 renders 1 replica: scaling from zero needs something that holds requests while "
                + "the first pod starts; set routing.mode: gateway (with endpointPicker.flowControl) and "
                + "autoscaling.mode: keda in kubeai.yaml";
    }

    public static String noRequestMetrics(String engine, int min, int max, boolean cpu) {
        return cpu
                ? engine + " publishes no request metrics: its replicas " + min + "-" + max + " follow CPU "
                        + "(autoscaling.withoutRequestMetrics: hpa-cpu), which rarely reflects a model server's load"
                : engine + " publishes no request metrics: its replica range " + min + "-" + max + " renders "
                        + replicas(min) + " (autoscaling.withoutRequestMetrics: fixed); set hpa-cpu to scale on CPU";
    }

    public static String rangePinned(int min, int max) {
        return "autoscaling.mode: fixed: the replica range " + min + "-" + max + " renders " + replicas(min);
    }

    private static String replicas(int n) {
        return n + (n == 1 ? " replica" : " replicas");
    }

    public static String pickerNameTaken(String model, String owner) {
        return "Model name '" + model + "' is the endpoint picker's name of Model '" + owner
                + "' under routing.mode: gateway; rename this Model";
    }
}
