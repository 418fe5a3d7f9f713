package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecurityContext;
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
 * for clusters with no object store. Only its S3 port is reachable, and only from its namespace (a
 * NetworkPolicy). Its credentials are made in the cluster, never in Git: the setup Job's first container
 * fills the Secret rendered empty here, which SeaweedFS reads its identities from and every client its
 * keys; the second creates the buckets through the S3 API.
 *
 * @param name       the store's Deployment, Service, claim and NetworkPolicy
 * @param buckets    the buckets the setup Job creates
 * @param size       its volume's size
 * @param image      the SeaweedFS image
 * @param secret     the credentials Secret
 * @param setup      the setup Job, its ServiceAccount, Role and RoleBinding
 * @param containers the setup Job's containers: credentials (init), then bucket creation
 * @param restricted the restricted container security context
 */
public record LocalBucket(
        String name,
        List<String> buckets,
        String size,
        String image,
        String secret,
        String setup,
        List<Container> containers,
        SecurityContext restricted) {
    static final String NAME = "kubeai-bucket";
    static final String FOLDER = "local-bucket";
    static final String SECRET = NAME + "-credentials";
    static final String IMAGE = "chrislusf/seaweedfs:3.97";
    /** SeaweedFS's S3 gateway; the master (9333, gRPC 19333), volume (8080) and filer (8888) stay in the pod. */
    static final int S3_PORT = 8333;
    /** Alpine's image runs as root; SeaweedFS needs no root, only its data folder (fsGroup) and /tmp. */
    static final long SEAWEEDFS_UID = 1000;

    /** The store's S3 endpoint as pods of {@code namespace} reach it. */
    static String endpoint(String namespace) {
        return "http://" + NAME + "." + namespace + ".svc.cluster.local:" + S3_PORT;
    }

    /** The store's folder, if any bucket profile asks for a local bucket. */
    static Optional<FolderPlan> of(PlanContext context) {
        KubeAIConfig config = context.config();
        TreeSet<String> buckets = new TreeSet<>();
        String size = null;
        for (CacheProfile profile : config.cacheProfiles().values()) {
            if (profile.storage() instanceof CacheStorage.Bucket bucket && bucket.local()) {
                buckets.add(bucket.bucketName());
                size = size == null ? bucket.size() : size;
            }
        }
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        List<EnvVar> s3 = context.credentials().s3("s3://" + buckets.first());
        Container credentials = context.containers()
                .container("credentials", List.of("bucket-credentials", SECRET), List.of(), List.of());
        List<String> create = new ArrayList<>(List.of("create-buckets"));
        create.addAll(buckets);
        Container creator = context.containers().container("create-buckets", create, s3, List.of());
        // The Job's name changes with its inputs, so a new bucket makes a new Job rather than an immutable-field error.
        String setup = NAME + "-setup";
        String job = setup + "-" + Names.hash(String.join(",", buckets) + "\n" + context.loader(), 6);
        LocalBucket store = new LocalBucket(
                NAME,
                new ArrayList<>(buckets),
                size,
                IMAGE,
                SECRET,
                setup,
                List.of(credentials, creator),
                LoaderContainers.restricted());
        return Optional.of(new FolderPlan(
                FOLDER,
                List.of(config.origin().file()),
                List.of(
                        resource("local-bucket-secret.yaml.ftl", "secret.yaml", store),
                        resource("local-bucket-serviceaccount.yaml.ftl", "serviceaccount.yaml", store),
                        resource("local-bucket-role.yaml.ftl", "role.yaml", store),
                        resource("local-bucket-rolebinding.yaml.ftl", "rolebinding.yaml", store),
                        resource("local-bucket-pvc.yaml.ftl", "pvc.yaml", store),
                        resource("local-bucket-deployment.yaml.ftl", "deployment.yaml", store),
                        resource("local-bucket-service.yaml.ftl", "service.yaml", store),
                        resource("local-bucket-networkpolicy.yaml.ftl", "networkpolicy.yaml", store),
                        resource("local-bucket-job.yaml.ftl", "job-setup.yaml", new SetupJob(job, store)))));
    }

    private static ResourcePlan resource(String template, String file, Object model) {
        return new ResourcePlan(template, file, model, Phase.CACHE_VOLUME);
    }

    public long seaweedfsUid() {
        return SEAWEEDFS_UID;
    }

    public int s3Port() {
        return S3_PORT;
    }

    /** The Job that fills the credentials Secret and creates the buckets. */
    public record SetupJob(String name, LocalBucket store) {}
}
