package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The caches Models share: one folder per bucket or sharedFilesystem profile, holding the shared volume
 * (if any) and one loader Job per distinct source. Two Models with the same URL add the same Job once.
 */
final class SharedCaches {
    static final String CACHE_MOUNT = "/cache";

    private final Map<String, Entry> byProfile = new TreeMap<>();
    private final LoaderImage loader;
    private final String namespace;
    private final Credentials credentials;

    SharedCaches(LoaderImage loader, String namespace, Credentials credentials) {
        this.loader = loader;
        this.namespace = namespace;
        this.credentials = credentials;
    }

    private static final class Entry {
        final CacheProfile profile;
        final Map<String, LoaderJob> jobs = new TreeMap<>();
        final TreeSet<String> sources = new TreeSet<>();

        Entry(CacheProfile profile) {
            this.profile = profile;
        }
    }

    /** Where a source lives in a shared cache and the Job that puts it there. */
    record Placement(String destination, String job) {}

    /**
     * Registers {@code source} under {@code cacheKey} and returns where the copy will be. The Job gets the
     * credentials of the source's scheme, and of S3 when it writes to a bucket.
     */
    Placement add(CacheProfile profile, String cacheKey, SourceUrl source, String specFile) {
        List<EnvVar> env = new ArrayList<>(credentials.forScheme(source.scheme()));
        Entry entry = byProfile.computeIfAbsent(profile.name(), n -> new Entry(profile));
        entry.sources.add(specFile);
        String destination;
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        if (profile.storage() instanceof CacheStorage.Bucket bucket) {
            destination = bucketPrefix(bucket) + "/" + cacheKey;
            credentials.s3().forEach(v -> {
                if (env.stream().noneMatch(e -> e.getName().equals(v.getName()))) {
                    env.add(v);
                }
            });
        } else {
            CacheStorage.SharedFilesystem fs = (CacheStorage.SharedFilesystem) profile.storage();
            destination = CACHE_MOUNT + "/" + subPath(fs, cacheKey);
            volumes.add(new VolumeBuilder()
                    .withName("cache")
                    .withNewPersistentVolumeClaim()
                    .withClaimName(Names.sharedClaim(profile.name()))
                    .endPersistentVolumeClaim()
                    .build());
            mounts.add(new VolumeMountBuilder()
                    .withName("cache")
                    .withMountPath(CACHE_MOUNT)
                    .build());
        }
        volumes.add(tmpVolume());
        mounts.add(tmpMount());
        String inputs =
                String.join("\n", namespace, source.canonical(), destination, loader.toString(), env.toString());
        String name = Names.loaderJob(cacheKey, inputs);
        entry.jobs.putIfAbsent(
                name, new LoaderJob(name, "", cacheKey, source.canonical(), destination, loader, env, volumes, mounts));
        return new Placement(destination, name);
    }

    static String bucketPrefix(CacheStorage.Bucket bucket) {
        return bucket.url().replaceAll("/+$", "");
    }

    static String subPath(CacheStorage.SharedFilesystem fs, String cacheKey) {
        return fs.baseDir().isEmpty() ? cacheKey : fs.baseDir() + "/" + cacheKey;
    }

    static Volume tmpVolume() {
        return new VolumeBuilder()
                .withName("tmp")
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    static VolumeMount tmpMount() {
        return new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build();
    }

    /** One folder per shared cache profile, in name order. */
    List<FolderPlan> folders() {
        List<FolderPlan> folders = new ArrayList<>();
        for (Entry entry : byProfile.values()) {
            List<ResourcePlan> resources = new ArrayList<>();
            if (entry.profile.storage() instanceof CacheStorage.SharedFilesystem fs) {
                resources.add(new ResourcePlan(
                        "cache-pvc.yaml.ftl",
                        "pvc.yaml",
                        new VolumeClaim(
                                Names.sharedClaim(entry.profile.name()),
                                "",
                                List.of("ReadWriteMany"),
                                fs.storageClass(),
                                fs.size(),
                                ""),
                        Phase.CACHE_VOLUME));
            }
            for (LoaderJob job : entry.jobs.values()) {
                resources.add(
                        new ResourcePlan("loader-job.yaml.ftl", "job-" + job.cacheKey() + ".yaml", job, Phase.LOAD));
            }
            folders.add(
                    new FolderPlan(Names.cacheFolder(entry.profile.name()), new ArrayList<>(entry.sources), resources));
        }
        return folders;
    }
}
