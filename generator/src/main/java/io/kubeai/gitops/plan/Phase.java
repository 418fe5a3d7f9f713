package io.kubeai.gitops.plan;

/**
 * The order a GitOps engine must apply objects in: a cache's volume with the loader Job that fills it,
 * the snapshot of a filled disk next, serving after, training last. A claim and the first pod that uses
 * it share a step: with WaitForFirstConsumer binding a claim stays Pending until that pod exists, so an
 * engine that waits for health between steps would wait forever.
 */
public enum Phase {
    CACHE_VOLUME(1, "load"),
    LOAD(1, "load"),
    SNAPSHOT(2, "snapshot"),
    SERVING_VOLUME(3, "serve"),
    SERVING(3, "serve"),
    TRAINING(4, "train");

    private final int wave;
    private final String step;

    Phase(int wave, String step) {
        this.wave = wave;
        this.step = step;
    }

    /** The Argo CD sync wave. */
    public int wave() {
        return wave;
    }

    /** The Flux Kustomization that applies it: load, snapshot, serve or train. */
    public String step() {
        return step;
    }
}
