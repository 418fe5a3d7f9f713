package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.SourceUrl;
import io.kubeai.gitops.validate.EffectiveProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one Model's folder: where the engine finds the model in each cache mode, the waits that keep a pod
 * from serving a half-loaded model, its adapters, and the Deployment, Service and extras around it.
 */
final class ModelPlanner {
    private final KubeAIConfig config;
    private final LoaderImage loader;
    private final Credentials credentials;
    private final LoaderContainers containers;
    private final SharedCaches caches;

    ModelPlanner(KubeAIConfig config, LoaderImage loader, SharedCaches caches) {
        this.config = config;
        this.loader = loader;
        this.credentials = new Credentials(config);
        this.containers = new LoaderContainers(loader);
        this.caches = caches;
    }

    /** {@code finetuneBase}: a FineTuneJob will add adapters to this Model. */
    FolderPlan plan(Model model, boolean finetuneBase) {
        ModelSpec spec = model.spec();
        SourceUrl source = SourceUrl.parse(spec.url()).url().orElseThrow();
        Optional<CacheProfile> profile = EffectiveProfile.of(config, spec, Optional.of(source));
        String specFile = model.origin().file();
        Engine engine = Engine.of(spec.engine());
        ServerDraft server = new ServerDraft(model.name(), spec.engine());
        List<ResourcePlan> resources = new ArrayList<>();

        ModelLocation location;
        if (profile.isEmpty()) {
            location = direct(server, engine, source);
        } else if (profile.get().storage() instanceof CacheStorage.StaticVolume disk) {
            location = staticVolume(server, model, source, profile.get(), disk, resources);
        } else {
            location = sharedCache(server, engine, source, profile.get(), specFile);
        }
        server.image = new ServerResources(config, spec).image();
        engine.configure(server, location, spec.args());
        if (DynamicAdapters.applies(spec.engine(), spec.adapters(), spec.adapterLoading(), finetuneBase)) {
            ConfigMapPlan adapters = new DynamicAdapters(config, credentials, caches)
                    .plan(server, spec.adapters(), profile, specFile, spec.args());
            resources.add(new ResourcePlan("configmap.yaml.ftl", "configmap-adapters.yaml", adapters, Phase.SERVING));
        } else {
            new AdapterPlanner(credentials, containers, caches).plan(server, spec.adapters(), profile, specFile);
        }
        new ServerExtras(config, model, server).addTo(resources);
        return new FolderPlan("models/" + model.name(), List.of(specFile), resources);
    }

    /** No cache: the engine loads from the source itself, or from a copy an init container makes. */
    private ModelLocation direct(ServerDraft server, Engine engine, SourceUrl source) {
        switch (source.scheme()) {
            case "hf":
                server.env(credentials.forScheme("hf"));
                return new ModelLocation(source.host(), "hf", source.revision());
            case "pvc": {
                server.volume(new VolumeBuilder()
                        .withName("model")
                        .withNewPersistentVolumeClaim()
                        .withClaimName(source.host())
                        .withReadOnly(true)
                        .endPersistentVolumeClaim()
                        .build());
                VolumeMountBuilder mount = new VolumeMountBuilder()
                        .withName("model")
                        .withMountPath(ModelLocation.MOUNT)
                        .withReadOnly(true);
                if (!source.path().isEmpty()) {
                    mount.withSubPath(source.path());
                }
                server.mounts.add(mount.build());
                return ModelLocation.local();
            }
            case "ollama":
                return new ModelLocation(source.host(), "ollama", Optional.empty());
            case "s3":
                return fromBucket(server, engine, source.canonical(), Optional.empty());
            default:
                // gs:// and oss://: no engine streams them, so the loader copies the model to the pod.
                return copyToPod(server, source.canonical(), credentials.forScheme(source.scheme()));
        }
    }

    /**
     * The model is in a bucket (its source, or a bucket cache). vLLM streams it; other engines get a copy
     * on the pod's disk first.
     */
    private ModelLocation fromBucket(ServerDraft server, Engine engine, String url, Optional<String> waitForJob) {
        waitForJob.ifPresent(job ->
                server.initContainers.add(containers.await("wait-model", url, job, credentials.s3(), List.of())));
        if (engine.streamsFromS3()) {
            server.env(credentials.runaiStreamer());
            return new ModelLocation(url, "s3", Optional.empty());
        }
        return copyToPod(server, url, credentials.s3());
    }

    /** An init container loads the model onto the pod's disk; the engine reads it there. */
    private ModelLocation copyToPod(ServerDraft server, String url, List<EnvVar> loaderEnv) {
        server.volume(new VolumeBuilder()
                .withName("model")
                .withNewEmptyDir()
                .endEmptyDir()
                .build());
        server.volume(SharedCaches.tmpVolume());
        VolumeMount mount = new VolumeMountBuilder()
                .withName("model")
                .withMountPath(ModelLocation.MOUNT)
                .build();
        server.initContainers.add(containers.load(
                "fetch-model", url, ModelLocation.MOUNT, loaderEnv, List.of(mount, SharedCaches.tmpMount())));
        server.mounts.add(new VolumeMountBuilder()
                .withName("model")
                .withMountPath(ModelLocation.MOUNT)
                .withReadOnly(true)
                .build());
        return ModelLocation.local();
    }

    private ModelLocation sharedCache(
            ServerDraft server, Engine engine, SourceUrl source, CacheProfile profile, String specFile) {
        String key = Names.cacheKey(source);
        SharedCaches.Placement placed = caches.add(profile, key, source, specFile);
        if (profile.storage() instanceof CacheStorage.Bucket) {
            return fromBucket(server, engine, placed.destination(), Optional.of(placed.job()));
        }
        CacheStorage.SharedFilesystem fs = (CacheStorage.SharedFilesystem) profile.storage();
        server.volume(new VolumeBuilder()
                .withName("cache")
                .withNewPersistentVolumeClaim()
                .withClaimName(Names.sharedClaim(profile.name()))
                .withReadOnly(true)
                .endPersistentVolumeClaim()
                .build());
        VolumeMount mount = new VolumeMountBuilder()
                .withName("cache")
                .withMountPath(ModelLocation.MOUNT)
                .withSubPath(SharedCaches.subPath(fs, key))
                .withReadOnly(true)
                .build();
        server.initContainers.add(
                containers.await("wait-model", ModelLocation.MOUNT, placed.job(), List.of(), List.of(mount)));
        server.mounts.add(mount);
        return ModelLocation.local();
    }

    /**
     * A disk of the Model's own: filled ReadWriteOnce by the loader Job, snapshotted, and restored as a
     * ReadOnlyMany claim that every replica mounts.
     */
    private ModelLocation staticVolume(
            ServerDraft server,
            Model model,
            SourceUrl source,
            CacheProfile profile,
            CacheStorage.StaticVolume disk,
            List<ResourcePlan> resources) {
        String key = Names.cacheKey(source);
        String base = model.name() + "-cache-" + Names.hash(source.canonical(), 8);
        String size = model.annotations().getOrDefault(Annotations.CACHE_SIZE, disk.size());
        String fillClaim = base + "-rwo";
        resources.add(new ResourcePlan(
                "cache-pvc.yaml.ftl",
                "pvc-" + fillClaim + ".yaml",
                new VolumeClaim(fillClaim, model.name(), List.of("ReadWriteOnce"), disk.storageClass(), size, ""),
                Phase.CACHE_VOLUME));
        String destination = SharedCaches.CACHE_MOUNT;
        var env = credentials.forScheme(source.scheme());
        String inputs =
                String.join("\n", config.namespace(), source.canonical(), fillClaim, loader.toString(), env.toString());
        String jobName = Names.loaderJob(key, inputs);
        resources.add(new ResourcePlan(
                "loader-job.yaml.ftl",
                "job-" + key + ".yaml",
                new LoaderJob(
                        jobName,
                        model.name(),
                        key,
                        source.canonical(),
                        destination,
                        loader,
                        env,
                        List.of(
                                new VolumeBuilder()
                                        .withName("cache")
                                        .withNewPersistentVolumeClaim()
                                        .withClaimName(fillClaim)
                                        .endPersistentVolumeClaim()
                                        .build(),
                                SharedCaches.tmpVolume()),
                        List.of(
                                new VolumeMountBuilder()
                                        .withName("cache")
                                        .withMountPath(destination)
                                        .build(),
                                SharedCaches.tmpMount())),
                Phase.LOAD));
        resources.add(new ResourcePlan(
                "volume-snapshot.yaml.ftl",
                "volumesnapshot-" + base + ".yaml",
                new Snapshot(base, model.name(), fillClaim, disk.snapshotClass().orElse("")),
                Phase.SNAPSHOT));
        resources.add(new ResourcePlan(
                "cache-pvc.yaml.ftl",
                "pvc-" + base + ".yaml",
                new VolumeClaim(base, model.name(), List.of("ReadOnlyMany"), disk.storageClass(), size, base),
                Phase.SERVING_VOLUME));
        server.volume(new VolumeBuilder()
                .withName("model")
                .withNewPersistentVolumeClaim()
                .withClaimName(base)
                .withReadOnly(true)
                .endPersistentVolumeClaim()
                .build());
        VolumeMount mount = new VolumeMountBuilder()
                .withName("model")
                .withMountPath(ModelLocation.MOUNT)
                .withReadOnly(true)
                .build();
        server.initContainers.add(
                containers.await("wait-model", ModelLocation.MOUNT, jobName, List.of(), List.of(mount)));
        server.mounts.add(mount);
        return ModelLocation.local();
    }
}
