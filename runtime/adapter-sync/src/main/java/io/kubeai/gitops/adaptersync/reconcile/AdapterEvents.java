package io.kubeai.gitops.adaptersync.reconcile;

/**
 * What the reconciler tells a cluster operator beside its log: the sidecar turns these into Kubernetes
 * Events on its pod, so {@code kubectl describe pod} shows why an adapter is missing. Called on the
 * reconcile thread; an implementation must not block it.
 */
public interface AdapterEvents {

    /** Reports nothing: the sidecar runs without the API server (or in tests). */
    AdapterEvents NONE = new AdapterEvents() {};

    /** {@code servedName} now answers requests. */
    default void loaded(String adapter, String servedName) {}

    /** {@code adapter} was unloaded because it is no longer wanted. */
    default void unloaded(String adapter, String servedName) {}

    /** {@code adapter} failed to download or load and is retried after a backoff. */
    default void failing(String adapter, String servedName, String reason) {}

    /** The config cannot be used (the last good one stays in force), or {@code null}: usable again. */
    default void configProblem(String problem) {}
}
