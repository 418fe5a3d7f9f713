package io.kubeai.gitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.plan.Phase;
import io.kubeai.gitops.plan.PodAccess;
import java.util.List;

/**
 * Metadata every rendered object gets, so templates need not repeat it: the namespace, the labels that
 * say who manages the object, and the Argo CD sync wave of its phase; and every pod template kubeai.yaml's
 * ServiceAccount and image pull secrets, so no template (and no user's template) can forget them.
 */
final class Enrichment {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

    private final String namespace;
    private final String gitopsEngine;
    private final PodAccess access;
    private final boolean labelsOnly;

    Enrichment(String namespace, String gitopsEngine, PodAccess access) {
        this(namespace, gitopsEngine, access, false);
    }

    private Enrichment(String namespace, String gitopsEngine, PodAccess access, boolean labelsOnly) {
        this.namespace = namespace;
        this.gitopsEngine = gitopsEngine;
        this.access = access;
        this.labelsOnly = labelsOnly;
    }

    /** For the GitOps engines' own objects: they live in their engine's namespace and have no wave. */
    Enrichment labelsOnly() {
        return new Enrichment(namespace, gitopsEngine, access, true);
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
        JsonNode pod = object.path("spec").path("template").path("spec");
        if (pod instanceof ObjectNode podSpec) {
            addAccess(podSpec);
        }
    }

    /** The pod's own ServiceAccount wins; kubeai.yaml's pull secrets follow the pod's own. */
    private void addAccess(ObjectNode pod) {
        if (access.serviceAccountName() != null && !pod.has("serviceAccountName")) {
            pod.put("serviceAccountName", access.serviceAccountName());
        }
        List<String> secrets = access.imagePullSecrets();
        if (secrets.isEmpty()) {
            return;
        }
        ArrayNode list = pod.withArray("imagePullSecrets");
        for (String secret : secrets) {
            boolean present = false;
            for (JsonNode existing : list) {
                present |= existing.path("name").asText().equals(secret);
            }
            if (!present) {
                list.addObject().put("name", secret);
            }
        }
    }
}
