/**
 * The wanted adapters: the {@code adapters.json} contract rendered by the generator, its strict reader, and
 * the watcher that follows the kubelet's atomic {@code ..data} symlink swaps (file-system events plus
 * polling), waits for a file to settle and keeps the last good config when a new one does not parse; the
 * feed that decides whether the file or the API server's copy of the ConfigMap is in force; and the
 * sidecar's own {@link io.kubeai.gitops.adaptersync.config.Settings} from its command line.
 */
package io.kubeai.gitops.adaptersync.config;
