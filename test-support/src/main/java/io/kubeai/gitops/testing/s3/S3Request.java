package io.kubeai.gitops.testing.s3;

/**
 * One object operation the {@link S3TestServer} served, for assertions.
 *
 * @param operation {@code GET}, {@code HEAD}, {@code PUT}, {@code UPLOAD_PART} or {@code COMPLETE}
 * @param bucket the bucket
 * @param key the object key
 * @param rangeStart the first byte of a ranged GET, or -1
 * @param rangeEnd the last byte (inclusive) of a ranged GET, or -1
 */
public record S3Request(String operation, String bucket, String key, long rangeStart, long rangeEnd) {}
