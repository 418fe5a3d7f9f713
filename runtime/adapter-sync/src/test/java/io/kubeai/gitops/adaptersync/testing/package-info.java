/**
 * Test peers and helpers: a kubelet-style ConfigMap directory, a harness that runs one pod's worth of
 * sidecar and fake engine, adapter directories, a gate for downloads, and polling waits.
 */
package io.kubeai.gitops.adaptersync.testing;
