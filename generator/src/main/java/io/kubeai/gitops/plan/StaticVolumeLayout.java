package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.Annotations;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/**
 * A disk of the Model's own: filled ReadWriteOnce by the loader Job, snapshotted, and restored as a
 * ReadOnlyMany claim that every replica mounts. Nothing is shared between Models, and the disk takes no
 * adapters (validate rejects them).
 */
record StaticVolumeLayout(PlanContext context, CacheStorage.StaticVolume disk) implements CacheLayout {

    @Override
    public Optional<SharedCopy> sharedCopy(SourceUrl source, String cacheKey) {
        return Optional.empty();
    }

    @Override
    public List<ResourcePlan> sharedObjects() {
        return List.of();
    }

    @Override
    public Located model(ResolvedModel model) {
        SourceUrl source = model.source();
        String name = model.name();
        String key = model.cacheKey();
        String base = model.objectName() + "-cache-" + Names.hash(source.canonical(), 8);
        String size = model.model().annotations().getOrDefault(Annotations.CACHE_SIZE, disk.size());
        String fillClaim = base + "-rwo";
        String destination = Pods.CACHE_MOUNT;
        List<EnvVar> env = context.credentials().forUrl(source.canonical());
        String jobName = Copies.jobName(context, key, source, fillClaim, env);
        LoaderJob job = new LoaderJob(
                jobName,
                name,
                key,
                source.canonical(),
                destination,
                context.loader(),
                env,
                List.of(Pods.claim("cache", fillClaim, false), Pods.tmpVolume()),
                List.of(Pods.mount("cache", destination, false), Pods.tmpMount()));
        List<ResourcePlan> resources = List.of(
                new ResourcePlan(
                        "cache-pvc.yaml.ftl",
                        "pvc-" + fillClaim + ".yaml",
                        new VolumeClaim(fillClaim, name, List.of("ReadWriteOnce"), disk.storageClass(), size, "", ""),
                        Phase.CACHE_VOLUME),
                new ResourcePlan("loader-job.yaml.ftl", "job-" + key + ".yaml", job, Phase.LOAD),
                new ResourcePlan(
                        "volume-snapshot.yaml.ftl",
                        "volumesnapshot-" + base + ".yaml",
                        new Snapshot(base, name, fillClaim, disk.snapshotClass().orElse("")),
                        Phase.SNAPSHOT),
                new ResourcePlan(
                        "cache-pvc.yaml.ftl",
                        "pvc-" + base + ".yaml",
                        new VolumeClaim(base, name, List.of("ReadOnlyMany"), disk.storageClass(), size, base, ""),
                        Phase.SERVING_VOLUME));
        VolumeMount mount = Pods.mount("model", ModelLocation.MOUNT, true);
        PodParts parts = PodParts.builder()
                .volume(Pods.claim("model", base, true))
                .init(context.containers()
                        .await(RenderedNames.WAIT_MODEL, ModelLocation.MOUNT, jobName, List.of(), List.of(mount)))
                .mount(mount)
                .build();
        return new Located(ModelLocation.local(), parts, resources);
    }

    @Override
    public PodParts staticAdapter(ResolvedAdapter adapter) {
        // Adapters never go onto the read-only disk (it cannot take one without new pods): each is fetched
        // from its own URL into the pod's emptyDir, as for an uncached Model.
        return new DirectLayout(context).staticAdapter(adapter);
    }

    @Override
    public PodParts adapterCache() {
        return PodParts.NONE;
    }

    @Override
    public BaseModel baseModel(ResolvedModel model, String dir) {
        // The disk is ReadOnlyMany and attached to serving nodes: the trainer copies from the source instead.
        return new DirectLayout(context).baseModel(model, dir);
    }
}
