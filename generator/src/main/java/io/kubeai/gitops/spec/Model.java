package io.kubeai.gitops.spec;

import java.util.Map;

/**
 * A Model as declared in the GitOps repo.
 *
 * @param name        metadata.name: DNS-safe, at most 40 characters
 * @param annotations metadata.annotations (the generator reads a few {@code kubeai.org/} ones)
 * @param spec        the Model's spec with KubeAI's defaults applied
 * @param origin      the document that declared it
 */
public record Model(String name, Map<String, String> annotations, ModelSpec spec, Origin origin) {

    public Model {
        annotations = SortedMaps.copyOf(annotations);
    }
}
