/**
 * The generator's in-cluster bucket (SeaweedFS): its S3 credentials, made once in the cluster and kept in
 * a Secret, and its buckets, created through the S3 API once the store answers.
 */
package io.kubeai.gitops.loader.localbucket;
