/**
 * Google Cloud Storage as a source through its JSON API, with OAuth tokens from a service-account key
 * or the metadata server (Workload Identity). With HMAC keys, gs:// goes through the S3-compatible XML
 * API instead ({@link io.kubeai.gitops.loader.source.s3}).
 */
package io.kubeai.gitops.loader.source.gcs;
