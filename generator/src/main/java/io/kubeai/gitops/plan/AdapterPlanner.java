package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Static adapter loading: puts every adapter at {@code /adapters/<name>} before the server starts, fetched
 * from its URL or from the Model's cache where a loader Job copied it under the adapter's own cache key,
 * and serves them with {@code --lora-modules}. A new adapter changes the pod template and rolls the pods;
 * {@link DynamicAdapters} avoids that.
 */
final class AdapterPlanner {
    static final String MOUNT = "/adapters";

    private final Credentials credentials;
    private final LoaderContainers containers;
    private final SharedCaches caches;

    AdapterPlanner(Credentials credentials, LoaderContainers containers, SharedCaches caches) {
        this.credentials = credentials;
        this.containers = containers;
        this.caches = caches;
    }

    void plan(ServerDraft server, List<Adapter> adapters, Optional<CacheProfile> profile, String specFile) {
        if (adapters.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Adapter adapter : adapters) {
            SourceUrl source = SourceUrl.parse(adapter.url()).url().orElseThrow();
            String path = MOUNT + "/" + adapter.name();
            String key = Names.cacheKey(source);
            if (profile.isPresent() && profile.get().storage() instanceof CacheStorage.SharedFilesystem fs) {
                SharedCaches.Placement placed = caches.add(profile.get(), key, source, specFile);
                server.volume(new VolumeBuilder()
                        .withName("cache")
                        .withNewPersistentVolumeClaim()
                        .withClaimName(Names.sharedClaim(profile.get().name()))
                        .withReadOnly(true)
                        .endPersistentVolumeClaim()
                        .build());
                VolumeMount mount = new VolumeMountBuilder()
                        .withName("cache")
                        .withMountPath(path)
                        .withSubPath(SharedCaches.subPath(fs, key))
                        .withReadOnly(true)
                        .build();
                server.initContainers.add(containers.await(
                        "wait-adapter-" + adapter.name(), path, placed.job(), List.of(), List.of(mount)));
                server.mounts.add(mount);
            } else {
                server.volume(new VolumeBuilder()
                        .withName("adapters")
                        .withNewEmptyDir()
                        .endEmptyDir()
                        .build());
                VolumeMount mount = new VolumeMountBuilder()
                        .withName("adapters")
                        .withMountPath(MOUNT)
                        .build();
                String from = source.canonical();
                if (profile.isPresent() && profile.get().storage() instanceof CacheStorage.Bucket) {
                    SharedCaches.Placement placed = caches.add(profile.get(), key, source, specFile);
                    server.initContainers.add(containers.await(
                            "wait-adapter-" + adapter.name(),
                            placed.destination(),
                            placed.job(),
                            credentials.s3(),
                            List.of()));
                    from = placed.destination();
                }
                String scheme = from.startsWith("s3://") ? "s3" : source.scheme();
                server.initContainers.add(containers.load(
                        "fetch-adapter-" + adapter.name(),
                        from,
                        path,
                        credentials.forScheme(scheme),
                        List.of(mount, SharedCaches.tmpMount())));
                server.volume(SharedCaches.tmpVolume());
                if (server.mounts.stream().noneMatch(m -> m.getName().equals("adapters"))) {
                    server.mounts.add(new VolumeMountBuilder()
                            .withName("adapters")
                            .withMountPath(MOUNT)
                            .withReadOnly(true)
                            .build());
                }
            }
            names.add(adapter.name());
        }
        Engine.of(server.engine).adapters(server, server.name, names);
    }
}
