package io.kubeai.gitops.plan;

import java.util.List;

/**
 * One folder of the output tree with its own kustomization.yaml.
 *
 * @param path      relative to the output root, '/'-separated (models/llama, caches/efs)
 * @param sources   the spec files it comes from, for the generated-file header
 * @param resources  the objects, each rendered by a template into its own file
 * @param standalone true for the GitOps engines' entry points, which the root kustomization leaves out
 */
public record FolderPlan(String path, List<String> sources, List<ResourcePlan> resources, boolean standalone) {

    public FolderPlan {
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
    }

    public FolderPlan(String path, List<String> sources, List<ResourcePlan> resources) {
        this(path, sources, resources, false);
    }
}
