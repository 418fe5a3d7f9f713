package io.kubeai.gitops.plan;

/**
 * The order a GitOps engine must apply objects in: the cache's volume and its loader first, the
 * snapshot of a filled disk next, serving last. Argo CD gets these as sync waves, Flux as chained
 * Kustomizations.
 */
public enum Phase {
    CACHE_VOLUME(0),
    LOAD(1),
    SNAPSHOT(2),
    SERVING_VOLUME(3),
    SERVING(4);

    private final int wave;

    Phase(int wave) {
        this.wave = wave;
    }

    /** The Argo CD sync wave. */
    public int wave() {
        return wave;
    }
}
