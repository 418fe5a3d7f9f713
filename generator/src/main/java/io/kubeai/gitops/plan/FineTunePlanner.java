package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.ResourceProfile;
import io.kubeai.gitops.spec.SourceUrl;
import io.kubeai.gitops.validate.EffectiveProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans a FineTuneJob's training Job. The trainer contract: {@code BASE_MODEL_DIR} holds the base model,
 * {@code TRAINING_FILE} and {@code VALIDATION_FILE} the folders the data was fetched into,
 * {@code HYPERPARAMETERS} a JSON object, and the trainer must leave a PEFT/LoRA adapter in
 * {@code OUTPUT_DIR}.
 */
final class FineTunePlanner {
    static final String BASE_MODEL_DIR = "/base-model";
    static final String DATA_DIR = "/data";
    static final String OUTPUT_DIR = "/output";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubeAIConfig config;
    private final Credentials credentials;
    private final LoaderContainers containers;
    private final SharedCaches caches;

    FineTunePlanner(KubeAIConfig config, LoaderImage loader, SharedCaches caches) {
        this.config = config;
        this.credentials = new Credentials(config);
        this.containers = new LoaderContainers(loader);
        this.caches = caches;
    }

    FolderPlan plan(FineTuneJob job, Model model) {
        Map<String, Volume> volumes = new LinkedHashMap<>();
        List<Container> init = new ArrayList<>();
        VolumeMount baseMount = baseModel(model, volumes, init);
        volumes.put("data", emptyDir("data"));
        volumes.put("output", emptyDir("output"));
        volumes.put("tmp", SharedCaches.tmpVolume());
        VolumeMount data = mount("data", DATA_DIR, false);
        init.add(fetch("fetch-training-data", job.trainingFile(), DATA_DIR + "/training", data));
        job.validationFile()
                .ifPresent(v -> init.add(fetch("fetch-validation-data", v, DATA_DIR + "/validation", data)));
        init.add(trainer(job, baseMount));
        String adapterUrl = job.adapterUrl(config.finetuning()).orElseThrow();
        Container hook = hook(job, adapterUrl);
        ResourceProfile profile = trainerProfile(job);
        // Every input of the Job, but not the spec's origin: a name must not depend on where it was read.
        String inputs = String.join(
                "\n",
                config.namespace(),
                job.name(),
                job.model(),
                job.trainingFile(),
                job.validationFile().orElse(""),
                hyperparameters(job),
                job.suffix().orElse(""),
                adapterUrl,
                init.toString(),
                hook.toString(),
                profile.toString());
        TrainingJob plan = new TrainingJob(
                Names.slug("finetune-" + job.name(), 56) + "-" + Names.hash(inputs, 6),
                job.name(),
                model.name(),
                adapterUrl,
                init,
                hook,
                List.copyOf(volumes.values()),
                profile.nodeSelector(),
                profile.tolerations().orElse(null),
                profile.affinity().orElse(null),
                profile.runtimeClassName().orElse(null));
        return new FolderPlan(
                "finetunes/" + job.name(),
                List.of(job.origin().file()),
                List.of(new ResourcePlan("finetune-job.yaml.ftl", "job.yaml", plan, Phase.TRAINING)));
    }

    /** The base model at BASE_MODEL_DIR: mounted from the Model's cache, or copied into scratch space. */
    private VolumeMount baseModel(Model model, Map<String, Volume> volumes, List<Container> init) {
        ModelSpec spec = model.spec();
        SourceUrl source = SourceUrl.parse(spec.url()).url().orElseThrow();
        Optional<CacheProfile> profile = EffectiveProfile.of(config, spec, Optional.of(source));
        String specFile = model.origin().file();
        if (profile.isPresent() && profile.get().storage() instanceof CacheStorage.SharedFilesystem fs) {
            SharedCaches.Placement placed = caches.add(profile.get(), Names.cacheKey(source), source, specFile);
            volumes.put(
                    "cache",
                    new VolumeBuilder()
                            .withName("cache")
                            .withNewPersistentVolumeClaim()
                            .withClaimName(Names.sharedClaim(profile.get().name()))
                            .withReadOnly(true)
                            .endPersistentVolumeClaim()
                            .build());
            VolumeMount mount = new VolumeMountBuilder()
                    .withName("cache")
                    .withMountPath(BASE_MODEL_DIR)
                    .withSubPath(SharedCaches.subPath(fs, Names.cacheKey(source)))
                    .withReadOnly(true)
                    .build();
            init.add(containers.await("wait-base-model", BASE_MODEL_DIR, placed.job(), List.of(), List.of(mount)));
            return mount;
        }
        if (source.scheme().equals("pvc")) {
            volumes.put(
                    "base-model",
                    new VolumeBuilder()
                            .withName("base-model")
                            .withNewPersistentVolumeClaim()
                            .withClaimName(source.host())
                            .withReadOnly(true)
                            .endPersistentVolumeClaim()
                            .build());
            VolumeMountBuilder mount = new VolumeMountBuilder()
                    .withName("base-model")
                    .withMountPath(BASE_MODEL_DIR)
                    .withReadOnly(true);
            if (!source.path().isEmpty()) {
                mount.withSubPath(source.path());
            }
            return mount.build();
        }
        String from = source.canonical();
        List<EnvVar> env = credentials.forScheme(source.scheme());
        if (profile.isPresent() && profile.get().storage() instanceof CacheStorage.Bucket) {
            SharedCaches.Placement placed = caches.add(profile.get(), Names.cacheKey(source), source, specFile);
            init.add(containers.await(
                    "wait-base-model", placed.destination(), placed.job(), credentials.s3(), List.of()));
            from = placed.destination();
            env = credentials.s3();
        }
        volumes.put("base-model", emptyDir("base-model"));
        init.add(containers.load(
                "fetch-base-model",
                from,
                BASE_MODEL_DIR,
                env,
                List.of(mount("base-model", BASE_MODEL_DIR, false), SharedCaches.tmpMount())));
        return mount("base-model", BASE_MODEL_DIR, true);
    }

    /**
     * Where the trainer finds its data: the file itself when the URL names one (its last segment has an
     * extension, such as train.jsonl), else the folder the loader filled.
     */
    static String dataPath(String dir, String url) {
        String last = url.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        return !url.endsWith("/") && last.contains(".") ? dir + "/" + last : dir;
    }

    private Container fetch(String name, String url, String dir, VolumeMount data) {
        String scheme = SourceUrl.parse(url).url().map(SourceUrl::scheme).orElse("s3");
        return containers.load(name, url, dir, credentials.forScheme(scheme), List.of(data, SharedCaches.tmpMount()));
    }

    private Container trainer(FineTuneJob job, VolumeMount baseMount) {
        ResourceProfile profile = trainerProfile(job);
        int count = count(job);
        List<EnvVar> env = new ArrayList<>();
        env.add(Credentials.plain("BASE_MODEL_DIR", BASE_MODEL_DIR));
        env.add(Credentials.plain("TRAINING_FILE", dataPath(DATA_DIR + "/training", job.trainingFile())));
        job.validationFile()
                .ifPresent(v -> env.add(Credentials.plain("VALIDATION_FILE", dataPath(DATA_DIR + "/validation", v))));
        env.add(Credentials.plain("OUTPUT_DIR", OUTPUT_DIR));
        env.add(Credentials.plain("HYPERPARAMETERS", hyperparameters(job)));
        env.add(Credentials.plain("MODEL_NAME", job.model()));
        env.add(Credentials.plain("JOB_NAME", job.name()));
        job.suffix().ifPresent(s -> env.add(Credentials.plain("SUFFIX", s)));
        return new ContainerBuilder()
                .withName("trainer")
                .withImage(trainerImage(job))
                .withEnv(env)
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(quantities(Quantities.multiply(profile.requests(), count)))
                        .withLimits(quantities(Quantities.multiply(profile.limits(), count)))
                        .build())
                .withVolumeMounts(
                        baseMount,
                        mount("data", DATA_DIR, true),
                        mount("output", OUTPUT_DIR, false),
                        SharedCaches.tmpMount())
                .build();
    }

    private Container hook(FineTuneJob job, String adapterUrl) {
        List<String> args = new ArrayList<>(List.of("finish", "--output-dir", OUTPUT_DIR, "--storage-url", adapterUrl));
        List<EnvVar> env = new ArrayList<>(credentials.forScheme(adapterUrl.startsWith("hf://") ? "hf" : "s3"));
        config.finetuning().git().ifPresent(git -> {
            args.addAll(List.of("--repo-url", git.repository(), "--branch", git.branch()));
            if (!git.path().isEmpty()) {
                args.addAll(List.of("--path", git.path()));
            }
            args.addAll(List.of(
                    "--mode", git.mode(), "--author-name", git.authorName(), "--author-email", git.authorEmail()));
            env.add(Credentials.secret("GIT_USERNAME", git.secretName(), "username"));
            env.add(Credentials.secret("GIT_PASSWORD", git.secretName(), "password"));
            env.add(Credentials.secret("GIT_TOKEN", git.secretName(), "token"));
        });
        args.addAll(List.of("--model", job.model(), "--adapter", job.name(), "--trainer-image", trainerImage(job)));
        return new ContainerBuilder()
                .withName("publish")
                .withImage(config.finetuning().hookImage())
                .withArgs(args)
                .withEnv(env)
                .withResources(LoaderContainers.resources(
                        new LoaderImage("", "", Map.of("cpu", "500m", "memory", "512Mi"), Map.of("memory", "1Gi"))))
                .withSecurityContext(LoaderContainers.restricted())
                .withVolumeMounts(mount("output", OUTPUT_DIR, true), SharedCaches.tmpMount())
                .build();
    }

    private String trainerImage(FineTuneJob job) {
        return job.image().or(() -> config.finetuning().image()).orElseThrow();
    }

    private ResourceProfile trainerProfile(FineTuneJob job) {
        String value = job.resourceProfile().orElse(config.finetuning().resourceProfile());
        return config.resourceProfiles().get(value.substring(0, value.lastIndexOf(':')));
    }

    private int count(FineTuneJob job) {
        String value = job.resourceProfile().orElse(config.finetuning().resourceProfile());
        return Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
    }

    /** OpenAI's names, with "auto" for what the job leaves to the trainer; keys sorted for stable output. */
    static String hyperparameters(FineTuneJob job) {
        ObjectNode node = JSON.createObjectNode();
        FineTuneJob.Hyperparameters hp = job.hyperparameters();
        if (hp.batchSize() == null) {
            node.put("batch_size", "auto");
        } else {
            node.put("batch_size", hp.batchSize());
        }
        if (hp.learningRateMultiplier() == null) {
            node.put("learning_rate_multiplier", "auto");
        } else {
            node.put("learning_rate_multiplier", hp.learningRateMultiplier());
        }
        if (hp.nEpochs() == null) {
            node.put("n_epochs", "auto");
        } else {
            node.put("n_epochs", hp.nEpochs());
        }
        return node.toString();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> result = new TreeMap<>();
        values.forEach((k, v) -> result.put(k, new Quantity(v)));
        return result;
    }

    private static Volume emptyDir(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    private static VolumeMount mount(String name, String path, boolean readOnly) {
        VolumeMountBuilder b = new VolumeMountBuilder().withName(name).withMountPath(path);
        if (readOnly) {
            b.withReadOnly(true);
        }
        return b.build();
    }
}
