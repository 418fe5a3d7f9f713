package io.kubeai.gitops.spec;

import java.util.Map;
import java.util.Optional;

/**
 * kubeai.yaml: KubeAI's config.yaml shape (models.cache, finetuning) plus what KubeAI keeps in Helm
 * values and a generator needs (namespace, resource profiles, images, secrets, loader, S3, sizes).
 *
 * @param namespace        where every namespaced object goes
 * @param defaultProfile   models.cache.defaultProfile; empty or {@code None} means no cache
 * @param cacheProfiles    models.cache.profiles by name, in file order
 * @param resourceProfiles the built-in resource profiles with the user's merged over them
 * @param engineImages     per engine, image name to image (always with a {@code default} entry)
 * @param secrets          names of the Secrets credentials come from
 * @param huggingFace      how to reach the Hugging Face Hub
 * @param loader           the loader image and its resources
 * @param adapterSync      the adapter-sync sidecar of Models that load adapters dynamically
 * @param s3               how to reach S3-compatible stores
 * @param finetuning       finetuning settings
 * @param gitops           how the rendered tree is delivered
 * @param serving          how requests reach the Models (routing) and what scales them (autoscaling)
 * @param modelPods        the ServiceAccount and pull secrets of every pod the generator renders
 * @param kubernetesVersion the oldest Kubernetes the tree must run on (default 1.29, for native sidecars)
 * @param startupTimeouts  per engine, how long a server may take to start (its startup probe's budget);
 *                         engines not listed get {@link #DEFAULT_STARTUP_TIMEOUT}
 * @param origin           the config document, for diagnostics
 */
public record KubeAIConfig(
        String namespace,
        Optional<String> defaultProfile,
        Map<String, CacheProfile> cacheProfiles,
        Map<String, ResourceProfile> resourceProfiles,
        Map<String, Map<String, String>> engineImages,
        SecretNames secrets,
        HuggingFaceSettings huggingFace,
        LoaderSettings loader,
        AdapterSyncSettings adapterSync,
        S3Settings s3,
        FinetuningSettings finetuning,
        GitOpsSettings gitops,
        ServingSettings serving,
        ModelPods modelPods,
        Version kubernetesVersion,
        Map<String, java.time.Duration> startupTimeouts,
        Origin origin) {

    /** KubeAI's: three hours, for the largest models to load. */
    public static final java.time.Duration DEFAULT_STARTUP_TIMEOUT = java.time.Duration.ofHours(3);

    /** The startup budget of servers of {@code engine}, unless a Model says otherwise. */
    public java.time.Duration startupTimeout(Engine engine) {
        return startupTimeouts.getOrDefault(engine.specName(), DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * What KubeAI's chart gives every model pod: {@code modelServiceAccount.name} and {@code imagePullSecrets}.
     *
     * @param serviceAccountName the pods' ServiceAccount; empty means the namespace's default
     * @param imagePullSecrets   Secrets for pulling images from private registries
     */
    public record ModelPods(Optional<String> serviceAccountName, java.util.List<String> imagePullSecrets) {
        public ModelPods {
            imagePullSecrets = java.util.List.copyOf(imagePullSecrets);
        }
    }

    /** Names of the Secrets that hold credentials; keys follow KubeAI's Helm chart. */
    public record SecretNames(String huggingface, String aws, String gcp, String alibaba) {}

    /** huggingface.endpoint: a Hub mirror or proxy (HF_ENDPOINT); empty means huggingface.co. */
    public record HuggingFaceSettings(Optional<String> endpoint) {}

    /** The loader image that loader Jobs and waiting init containers run. */
    public record LoaderSettings(
            String image, String imagePullPolicy, Map<String, String> requests, Map<String, String> limits) {}

    /**
     * The sidecar that loads and unloads adapters in running vLLM pods.
     *
     * @param image       the adapter-sync image
     * @param maxLoras    vLLM's --max-loras unless the Model's args set it
     * @param maxLoraRank vLLM's --max-lora-rank unless the Model's args set it
     * @param maxCpuLoras vLLM's --max-cpu-loras unless the Model's args set it
     * @param strictReadiness    the sidecar's --strict-readiness: a pod is ready only with every adapter loaded
     * @param initialAdapterWait the sidecar's --initial-adapter-wait (e.g. 60s), or empty for its default
     */
    public record AdapterSyncSettings(
            String image,
            String imagePullPolicy,
            int maxLoras,
            int maxLoraRank,
            int maxCpuLoras,
            boolean strictReadiness,
            Optional<String> initialAdapterWait) {}

    /**
     * S3 access for buckets that are not AWS S3 itself.
     *
     * @param endpoint  e.g. {@code http://seaweedfs.kubeai.svc:8333}; empty means AWS
     * @param region    the signing region
     * @param pathStyle path-style addressing, needed by most S3-compatible stores
     */
    public record S3Settings(Optional<String> endpoint, String region, boolean pathStyle) {}

    /**
     * Finetuning: where adapters go, what trains them, and the Git repo the hook commits them to.
     *
     * @param defaultURLTemplate storage.defaultURLTemplate with {model} and {job}
     * @param image              the trainer image; a FineTuneJob may set its own
     * @param resourceProfile    the trainer's {@code name:count}
     * @param hookImage          the commit-back hook image (the Job's main container)
     * @param git                the GitOps repo the hook commits to; empty disables commit-back
     * @param api                the OpenAI-compatible finetuning API, when kubeai.yaml enables it
     */
    public record FinetuningSettings(
            Optional<String> defaultURLTemplate,
            Optional<String> image,
            String resourceProfile,
            String hookImage,
            Optional<GitSettings> git,
            Optional<FinetuneApiSettings> api) {}

    /**
     * finetuning.api: the in-cluster service that turns OpenAI fine-tuning requests into FineTuneJob
     * commits.
     *
     * @param image      the service's image
     * @param filesUrl   {@code s3://bucket/prefix/} for uploaded files; empty means the first bucket
     *                   profile's bucket, under {@code finetuning-files/}
     * @param secretName the Secret whose {@code apiKeys} (one a line) clients must present as Bearer tokens
     */
    public record FinetuneApiSettings(String image, Optional<String> filesUrl, String secretName) {

        /** The files URL given, else the default from the first bucket profile. */
        public Optional<String> filesUrl(Map<String, CacheProfile> profiles) {
            if (filesUrl.isPresent()) {
                return filesUrl;
            }
            return profiles.values().stream()
                    .map(CacheProfile::storage)
                    .filter(s -> s instanceof CacheStorage.Bucket)
                    .map(s -> ((CacheStorage.Bucket) s).url())
                    .map(u -> "s3://" + u.substring("s3://".length()).split("/", 2)[0] + "/finetuning-files/")
                    .findFirst();
        }
    }

    /**
     * finetuning.git: the repository the hook clones, the branch it pushes to, the GitOps repo's folder
     * inside it, the Secret with {@code username} and {@code password} (a token), and push or branch mode.
     */
    public record GitSettings(
            String repository,
            String branch,
            String path,
            String secretName,
            String mode,
            String authorName,
            String authorEmail) {}

    /**
     * How the rendered tree is delivered.
     *
     * @param engine     argocd, flux or plain
     * @param repository the Git URL Argo CD or Flux reads; without it no entry point is rendered
     * @param revision   the branch or tag to follow
     * @param path       the rendered tree's path inside the Git repository
     * @param name       the name of the Application, ApplicationSet, GitRepository and Kustomizations
     * @param units      what Argo CD or Flux applies as one unit
     */
    public record GitOpsSettings(
            String engine, Optional<String> repository, String revision, String path, String name, Units units) {}

    /**
     * The delivery units ({@code gitops.units}). A unit is synced and health-checked as a whole, and sync
     * waves (Flux: dependsOn) order only what is inside it, so a unit waiting for a multi-hour load or a
     * Pending claim holds back nothing outside it.
     */
    public enum Units {
        /** One Argo CD Application, or one Flux chain of steps, for the whole tree. */
        SINGLE("single"),
        /**
         * One Application (one Flux chain) per Model, per shared cache, per FineTuneJob, and one each for the
         * namespace, the local bucket and the other shared folders.
         */
        PER_MODEL("perModel");

        private final String key;

        Units(String key) {
            this.key = key;
        }

        /** The value in kubeai.yaml. */
        public String key() {
            return key;
        }

        public static Optional<Units> of(String key) {
            return java.util.Arrays.stream(values())
                    .filter(u -> u.key.equals(key))
                    .findFirst();
        }
    }
}
