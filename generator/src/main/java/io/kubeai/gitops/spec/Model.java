package io.kubeai.gitops.spec;

import java.util.Map;

/**
 * A Model as declared in the GitOps repo.
 *
 * @param name        metadata.name as written (a DNS-1123 subdomain of at most 40 characters): what
 *                    clients request; object names are derived from it by {@code resolve.Names}
 * @param labels      metadata.labels, given to the Model's pods
 * @param annotations metadata.annotations, given to the pods (the generator reads a few {@code kubeai.org/}
 *                    ones)
 * @param spec        the Model's spec with KubeAI's defaults applied
 * @param origin      the document that declared it
 */
public record Model(
        String name, Map<String, String> labels, Map<String, String> annotations, ModelSpec spec, Origin origin) {

    public Model {
        labels = SortedMaps.copyOf(labels);
        annotations = SortedMaps.copyOf(annotations);
    }
}
