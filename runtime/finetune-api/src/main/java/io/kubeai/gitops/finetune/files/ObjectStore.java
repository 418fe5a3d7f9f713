package io.kubeai.gitops.finetune.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The files bucket: one {@code s3://bucket/prefix/} under which the API keeps uploaded files, job
 * records and idempotency keys. Keys given to it are relative to the prefix.
 */
public final class ObjectStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public ObjectStore(S3Client s3, String url) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        this.s3 = s3;
        this.bucket = slash < 0 ? rest : rest.substring(0, slash);
        String p = slash < 0 ? "" : rest.substring(slash + 1);
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    /** The s3:// URL of a key, as a FineTuneJob's training_file names it. */
    public String url(String key) {
        return "s3://" + bucket + "/" + prefix + key;
    }

    /** Whether a URL points into this store, and at which key. */
    public Optional<String> keyOf(String url) {
        String base = "s3://" + bucket + "/" + prefix;
        return url.startsWith(base) ? Optional.of(url.substring(base.length())) : Optional.empty();
    }

    public void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromBytes(content));
    }

    public void put(String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType), RequestBody.fromFile(file));
    }

    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object's bytes as a stream; the caller closes it. */
    public Optional<InputStream> open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(b -> b.bucket(bucket).key(prefix + key));
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
    }

    /** Every key under {@code under} (relative to the store), all pages. */
    public List<String> list(String under) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + under);
        String token = null;
        do {
            ListObjectsV2Response page =
                    s3.listObjectsV2(request.continuationToken(token).build());
            for (S3Object object : page.contents()) {
                keys.add(object.key().substring(prefix.length()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }
}
