package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The built-in local bucket: an S3-compatible SeaweedFS store in the cluster (Apache-2.0, one binary),
 * for clusters with no object store. It answers only inside its namespace (a NetworkPolicy) and allows
 * anonymous access there, so no credential is ever committed to Git.
 *
 * @param name    the store's Deployment, Service and claim
 * @param buckets the buckets its bucket-creation Job makes
 * @param size    its volume's size
 * @param image   the SeaweedFS image
 */
public record LocalBucket(String name, List<String> buckets, String size, String image) {
    static final String NAME = "kubeai-bucket";
    static final String FOLDER = "local-bucket";
    static final String IMAGE = "chrislusf/seaweedfs:3.97";

    /** The store's folder, if any bucket profile asks for a local bucket. */
    static Optional<FolderPlan> of(KubeAIConfig config) {
        TreeSet<String> buckets = new TreeSet<>();
        String size = null;
        for (CacheProfile profile : config.cacheProfiles().values()) {
            if (profile.storage() instanceof CacheStorage.Bucket bucket && bucket.local()) {
                buckets.add(bucket.url().substring("s3://".length()).split("/", 2)[0]);
                size = size == null ? bucket.size() : size;
            }
        }
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        LocalBucket store = new LocalBucket(NAME, new ArrayList<>(buckets), size, IMAGE);
        String job = NAME + "-create-" + Names.hash(String.join(",", buckets), 6);
        return Optional.of(new FolderPlan(
                FOLDER,
                List.of(config.origin().file()),
                List.of(
                        new ResourcePlan("local-bucket-pvc.yaml.ftl", "pvc.yaml", store, Phase.CACHE_VOLUME),
                        new ResourcePlan(
                                "local-bucket-deployment.yaml.ftl", "deployment.yaml", store, Phase.CACHE_VOLUME),
                        new ResourcePlan("local-bucket-service.yaml.ftl", "service.yaml", store, Phase.CACHE_VOLUME),
                        new ResourcePlan(
                                "local-bucket-networkpolicy.yaml.ftl", "networkpolicy.yaml", store, Phase.CACHE_VOLUME),
                        new ResourcePlan(
                                "local-bucket-job.yaml.ftl",
                                "job-create-buckets.yaml",
                                new BucketJob(job, store),
                                Phase.CACHE_VOLUME))));
    }

    /** The Job that creates the buckets once the store answers. */
    public record BucketJob(String name, LocalBucket store) {}
}
