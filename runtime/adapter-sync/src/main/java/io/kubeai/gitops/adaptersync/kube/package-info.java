/**
 * The sidecar's use of the Kubernetes API server, all optional: a watch on its one ConfigMap (so an adapter
 * change reaches vLLM in about a second, not after the kubelet's refresh of the mounted file) and Events on
 * its pod (so {@code kubectl describe pod} says why an adapter is missing). Without the API server the
 * sidecar works from the mounted file alone.
 */
package io.kubeai.gitops.adaptersync.kube;
