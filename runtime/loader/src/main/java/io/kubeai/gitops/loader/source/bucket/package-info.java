/**
 * What the object-store sources share (S3 and the stores behind its API, Cloud Storage's JSON API):
 * listing a prefix, narrowing to a single object, markers, checksums and the content revision.
 */
package io.kubeai.gitops.loader.source.bucket;
