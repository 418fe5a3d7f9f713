package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.CacheStorage;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.Optional;

/**
 * The store an s3:// URL is in, chosen by the URL's bucket: the local bucket's, a bucket profile's that
 * names its own endpoint, else kubeai.yaml's {@code s3} settings (AWS unless {@code s3.endpoint} says
 * otherwise). So the endpoint belongs to a profile, and an s3:// URL of another bucket never goes to the
 * local one.
 *
 * @param endpoint  the S3 endpoint; empty means AWS
 * @param secret    the Secret with {@code accessKeyID} and {@code secretAccessKey}
 * @param pathStyle path-style addressing (every store but AWS)
 * @param local     the generator's in-cluster bucket
 */
record S3Store(Optional<String> endpoint, String secret, boolean pathStyle, boolean local) {

    static S3Store of(KubeAIConfig config, String url) {
        String bucket = url.replaceFirst("^s3://", "").split("/", 2)[0];
        for (CacheProfile profile : config.cacheProfiles().values()) {
            if (profile.storage() instanceof CacheStorage.Bucket b
                    && b.bucketName().equals(bucket)) {
                if (b.local()) {
                    return new S3Store(
                            Optional.of(LocalBucket.endpoint(config.namespace())), LocalBucket.SECRET, true, true);
                }
                if (b.endpoint().isPresent()) {
                    return new S3Store(b.endpoint(), config.secrets().aws(), true, false);
                }
            }
        }
        return new S3Store(
                config.s3().endpoint(), config.secrets().aws(), config.s3().pathStyle(), false);
    }
}
