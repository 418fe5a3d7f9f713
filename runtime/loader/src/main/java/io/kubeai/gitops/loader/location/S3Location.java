package io.kubeai.gitops.loader.location;

/**
 * An S3 prefix.
 *
 * @param bucket the bucket
 * @param prefix the key prefix, empty or ending in {@code /}
 */
public record S3Location(String bucket, String prefix) implements Location {
    /** The key of a path below the prefix. */
    public String key(String path) {
        return prefix + path;
    }

    @Override
    public String display() {
        return "s3://" + bucket + "/" + prefix;
    }
}
