/**
 * The control loop. One thread runs reconcile passes (engine calls are made only there, so they never race);
 * a small pool downloads adapters so that one slow or broken source does not hold the others. A pass
 * compares the wanted adapters with the engine's {@code /v1/models}, unloads what is no longer wanted,
 * starts downloads, loads what is ready, and publishes an immutable {@link
 * io.kubeai.gitops.adaptersync.reconcile.SyncStatus} for the health server.
 */
package io.kubeai.gitops.adaptersync.reconcile;
