/** A Google Cloud Storage JSON API server with its token endpoints, for tests. */
package io.kubeai.gitops.testing.gcs;
