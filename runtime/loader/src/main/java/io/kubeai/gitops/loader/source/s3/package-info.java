/**
 * S3 and S3-compatible stores (SeaweedFS, MinIO) through the AWS SDK v2. The SDK does the control
 * calls (list, head, multipart bookkeeping) and signs URLs; the bytes travel as plain ranged GETs
 * and part PUTs on presigned URLs through the loader's own HTTP client, which is several times
 * faster than the SDK's default transfer paths.
 */
package io.kubeai.gitops.loader.source.s3;
