package io.kubeai.gitops.loader.source.s3;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.http.HttpStatusException;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Small whole-object operations with retries: markers and metadata. */
public final class S3Objects {
    private S3Objects() {}

    /** The object's metadata, or empty when it does not exist. */
    public static Optional<HeadObjectResponse> headIfExists(S3Access s3, String bucket, String key)
            throws LoaderException {
        return s3.retrier()
                .call(
                        "checking " + s3.url(bucket, key),
                        attempt -> {
                            try {
                                return Optional.of(S3Access.sdk(() -> s3.client()
                                        .headObject(b -> b.bucket(bucket).key(key))));
                            } catch (HttpStatusException e) {
                                if (e.status() == 404) {
                                    return Optional.<HeadObjectResponse>empty();
                                }
                                throw e;
                            }
                        },
                        s3.mapper());
    }

    public static void put(S3Access s3, String bucket, String key, byte[] content, String contentType)
            throws LoaderException {
        s3.call(
                "writing " + s3.url(bucket, key),
                () -> s3.client()
                        .putObject(
                                b -> b.bucket(bucket).key(key).contentType(contentType),
                                RequestBody.fromBytes(content)));
    }

    public static void delete(S3Access s3, String bucket, String key) throws LoaderException {
        s3.call(
                "deleting " + s3.url(bucket, key),
                () -> s3.client().deleteObject(b -> b.bucket(bucket).key(key)));
    }
}
