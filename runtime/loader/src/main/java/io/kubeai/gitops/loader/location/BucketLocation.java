package io.kubeai.gitops.loader.location;

/**
 * A prefix in an object store's bucket.
 *
 * @param store which object store the URL's scheme names
 * @param bucket the bucket
 * @param prefix the key prefix, empty or ending in {@code /}
 */
public record BucketLocation(Store store, String bucket, String prefix) implements Location {
    /** The object stores the loader reads and writes, by URL scheme. */
    public enum Store {
        /** {@code s3://}: AWS S3 or an S3-compatible store (SeaweedFS, MinIO). */
        S3("s3"),
        /** {@code gs://}: Google Cloud Storage, through its JSON API or, with HMAC keys, its XML API. */
        GCS("gs"),
        /** {@code oss://}: Alibaba Cloud OSS, through its S3-compatible API. */
        OSS("oss");

        private final String scheme;

        Store(String scheme) {
            this.scheme = scheme;
        }

        /** The URL scheme, without {@code ://}. */
        public String scheme() {
            return scheme;
        }
    }

    /** The key of a path below the prefix. */
    public String key(String path) {
        return prefix + path;
    }

    /** The same bucket at another prefix. */
    public BucketLocation withPrefix(String newPrefix) {
        return new BucketLocation(store, bucket, newPrefix);
    }

    @Override
    public String display() {
        return store.scheme() + "://" + bucket + "/" + prefix;
    }
}
