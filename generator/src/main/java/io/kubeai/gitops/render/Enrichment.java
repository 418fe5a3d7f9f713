package io.kubeai.gitops.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.plan.Phase;

/**
 * Metadata every rendered object gets, so templates need not repeat it: the namespace, the labels that
 * say who manages the object, and the Argo CD sync wave of its phase.
 */
final class Enrichment {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

    private final String namespace;
    private final String gitopsEngine;
    private final boolean labelsOnly;

    Enrichment(String namespace, String gitopsEngine) {
        this(namespace, gitopsEngine, false);
    }

    private Enrichment(String namespace, String gitopsEngine, boolean labelsOnly) {
        this.namespace = namespace;
        this.gitopsEngine = gitopsEngine;
        this.labelsOnly = labelsOnly;
    }

    /** For the GitOps engines' own objects: they live in their engine's namespace and have no wave. */
    Enrichment labelsOnly() {
        return new Enrichment(namespace, gitopsEngine, true);
    }

    void apply(ObjectNode object, Phase phase) {
        ObjectNode metadata = object.with("metadata");
        if (labelsOnly) {
            ObjectNode labels = metadata.with("labels");
            labels.put(MANAGED_BY, "kubeai-gitops");
            labels.put(PART_OF, "kubeai");
            return;
        }
        if (!metadata.has("namespace") && !object.path("kind").asText().equals("Namespace")) {
            metadata.put("namespace", namespace);
        }
        ObjectNode labels = metadata.with("labels");
        labels.put(MANAGED_BY, "kubeai-gitops");
        labels.put(PART_OF, "kubeai");
        if (gitopsEngine.equals("argocd")) {
            metadata.with("annotations").put(SYNC_WAVE, Integer.toString(phase.wave()));
        }
    }
}
