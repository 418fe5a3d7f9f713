package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.List;
import java.util.Optional;

/**
 * A sharedFilesystem cache: one ReadWriteMany volume per profile, a loader Job writing
 * {@code <baseDir>/<cache-key>/}, and pods mounting that folder read-only.
 */
record SharedFilesystemLayout(PlanContext context, String profile, CacheStorage.SharedFilesystem fs)
        implements CacheLayout {

    @Override
    public Optional<SharedCopy> sharedCopy(SourceUrl source, String cacheKey) {
        return Optional.of(copy(source, cacheKey));
    }

    private SharedCopy copy(SourceUrl source, String cacheKey) {
        return Copies.shared(
                context,
                source,
                cacheKey,
                Pods.CACHE_MOUNT + "/" + fs.subPath(cacheKey),
                context.credentials().forUrl(source.canonical()),
                List.of(Pods.claim("cache", claim(), false), Pods.tmpVolume()),
                List.of(Pods.mount("cache", Pods.CACHE_MOUNT, false), Pods.tmpMount()));
    }

    @Override
    public List<ResourcePlan> sharedObjects() {
        if (fs.claimName().isPresent()) {
            return List.of(); // the user's claim, provisioned outside this repo
        }
        return List.of(new ResourcePlan(
                "cache-pvc.yaml.ftl",
                "pvc.yaml",
                new VolumeClaim(
                        claim(),
                        "",
                        List.of("ReadWriteMany"),
                        fs.storageClass(),
                        fs.size(),
                        "",
                        fs.persistentVolumeName().orElse("")),
                Phase.CACHE_VOLUME));
    }

    @Override
    public Located model(ResolvedModel model) {
        return new Located(
                ModelLocation.local(),
                readOnly(model.source(), model.cacheKey(), RenderedNames.WAIT_MODEL, ModelLocation.MOUNT));
    }

    @Override
    public PodParts staticAdapter(ResolvedAdapter adapter) {
        return readOnly(
                adapter.source(),
                adapter.cacheKey(),
                RenderedNames.WAIT_ADAPTER + adapter.name(),
                AdapterPlanner.MOUNT + "/" + adapter.name());
    }

    @Override
    public PodParts adapterCache() {
        // The sidecar hands vLLM paths inside the shared cache, so both containers see it at /cache.
        return PodParts.builder()
                .volume(volume())
                .mount(Pods.mount("cache", Pods.CACHE_MOUNT, true))
                .build();
    }

    @Override
    public BaseModel baseModel(ResolvedModel model, String dir) {
        PodParts parts = readOnly(model.source(), model.cacheKey(), "wait-base-model", dir);
        return new BaseModel(
                parts.volumes(), parts.initContainers(), parts.mounts().get(0));
    }

    /** The cache's folder of {@code source} mounted read-only at {@code path}, after waiting for its marker. */
    private PodParts readOnly(SourceUrl source, String cacheKey, String waitName, String path) {
        SharedCopy copy = copy(source, cacheKey);
        VolumeMount mount = Pods.mount("cache", path, fs.subPath(cacheKey), true);
        return PodParts.builder()
                .volume(volume())
                .init(context.containers().await(waitName, path, copy.job().name(), List.of(), List.of(mount)))
                .mount(mount)
                .build();
    }

    private Volume volume() {
        return Pods.claim("cache", claim(), true);
    }

    private String claim() {
        return fs.claimName().orElseGet(() -> Names.sharedClaim(profile));
    }
}
