package io.kubeai.gitops.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResolvedFineTune;
import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ResourceProfile;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final PlanContext context;
    private final KubeAIConfig config;
    private final Credentials credentials;
    private final LoaderContainers containers;

    FineTunePlanner(PlanContext context) {
        this.context = context;
        this.config = context.config();
        this.credentials = context.credentials();
        this.containers = context.containers();
    }

    FolderPlan plan(ResolvedFineTune resolved) {
        FineTuneJob job = resolved.job();
        BaseModel base = CacheLayout.of(resolved.base().cache(), context).baseModel(resolved.base(), BASE_MODEL_DIR);
        Map<String, Volume> volumes = new LinkedHashMap<>();
        base.volumes().forEach(v -> volumes.put(v.getName(), v));
        List<Container> init = new ArrayList<>(base.initContainers());
        volumes.put("data", Pods.emptyDir("data"));
        volumes.put("output", Pods.emptyDir("output"));
        volumes.put("tmp", Pods.tmpVolume());
        // The trainer is a third-party image: restricted, as the model servers are, with its home on an emptyDir.
        ServerSecurity.RESTRICTED.parts().volumes().forEach(v -> volumes.putIfAbsent(v.getName(), v));
        VolumeMount data = Pods.mount("data", DATA_DIR, false);
        init.add(fetch("fetch-training-data", job.trainingFile(), resolved.training(), DATA_DIR + "/training", data));
        resolved.validation()
                .ifPresent(v -> init.add(fetch(
                        "fetch-validation-data",
                        job.validationFile().orElse(v.canonical()),
                        v,
                        DATA_DIR + "/validation",
                        data)));
        init.add(trainer(resolved, base.mount()));
        String adapterUrl = resolved.adapterUrl();
        Container hook = hook(resolved);
        ResourceProfile profile = resolved.trainer().profile();
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
                resolved.base().name(),
                adapterUrl,
                init,
                hook,
                List.copyOf(volumes.values()),
                profile.nodeSelector(),
                profile.tolerations().orElse(null),
                profile.affinity().orElse(null),
                profile.runtimeClassName().orElse(null),
                ServerSecurity.RESTRICTED.pod());
        return new FolderPlan(
                "finetunes/" + job.name(),
                List.of(job.origin().file()),
                List.of(new ResourcePlan("finetune-job.yaml.ftl", "job.yaml", plan, Phase.TRAINING)));
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

    private Container fetch(String name, String url, SourceUrl source, String dir, VolumeMount data) {
        return containers.load(name, url, dir, credentials.forUrl(url), List.of(data, Pods.tmpMount()));
    }

    private Container trainer(ResolvedFineTune resolved, VolumeMount baseMount) {
        FineTuneJob job = resolved.job();
        ResourceProfile profile = resolved.trainer().profile();
        int count = resolved.trainer().count();
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
        PodParts home = ServerSecurity.RESTRICTED.parts();
        env.addAll(home.env());
        return new ContainerBuilder()
                .withName("trainer")
                .withSecurityContext(ServerSecurity.RESTRICTED.container())
                .withImage(resolved.trainerImage())
                .withEnv(env)
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(quantities(Quantities.multiply(profile.requests(), count)))
                        .withLimits(quantities(Quantities.multiply(profile.limits(), count)))
                        .build())
                .withVolumeMounts(
                        baseMount,
                        Pods.mount("data", DATA_DIR, true),
                        Pods.mount("output", OUTPUT_DIR, false),
                        Pods.mount("home", ServerSecurity.HOME, false),
                        Pods.tmpMount())
                .build();
    }

    private Container hook(ResolvedFineTune resolved) {
        FineTuneJob job = resolved.job();
        List<String> args =
                new ArrayList<>(List.of("finish", "--output-dir", OUTPUT_DIR, "--storage-url", resolved.adapterUrl()));
        List<EnvVar> env = new ArrayList<>(credentials.forUrl(resolved.adapterUrl()));
        config.finetuning().git().ifPresent(git -> {
            args.addAll(List.of("--repo-url", git.repository(), "--branch", git.branch()));
            if (!git.path().isEmpty()) {
                args.addAll(List.of("--path", git.path()));
            }
            args.addAll(List.of(
                    "--mode", git.mode(), "--author-name", git.authorName(), "--author-email", git.authorEmail()));
            env.addAll(Credentials.git(git));
        });
        args.addAll(
                List.of("--model", job.model(), "--adapter", job.name(), "--trainer-image", resolved.trainerImage()));
        return new ContainerBuilder()
                .withName("publish")
                .withImage(config.finetuning().hookImage())
                .withArgs(args)
                .withEnv(env)
                .withResources(LoaderContainers.resources(
                        new LoaderImage("", "", Map.of("cpu", "500m", "memory", "512Mi"), Map.of("memory", "1Gi"))))
                .withSecurityContext(LoaderContainers.restricted())
                .withVolumeMounts(Pods.mount("output", OUTPUT_DIR, true), Pods.tmpMount())
                .build();
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
}
