/**
 * The adapter-sync sidecar: it runs beside vLLM in the Model's pod, follows the generator's
 * {@code <model>-adapters} ConfigMap and loads and unloads LoRA adapters through vLLM's runtime API without a
 * restart. {@link io.kubeai.gitops.adaptersync.AdapterSyncCommand} is the CLI; {@link
 * io.kubeai.gitops.adaptersync.AdapterSync} wires the watcher, the reconciler and the status server.
 */
package io.kubeai.gitops.adaptersync;
