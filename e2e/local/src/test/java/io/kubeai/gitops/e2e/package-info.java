/**
 * End to end without a cluster: a rendered tree's pods run here as local processes, with every command,
 * argument, variable and mount taken from the rendered YAML. Volumes are folders, Services and pod ports are
 * local addresses, the API server is fabric8's mock server, and the model server is a fake vLLM.
 */
package io.kubeai.gitops.e2e;
