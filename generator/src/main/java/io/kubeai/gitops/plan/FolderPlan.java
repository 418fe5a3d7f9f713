package io.kubeai.gitops.plan;

import java.util.List;

/**
 * One folder of the output tree with its own kustomization.yaml. Every folder that is not stand-alone is
 * also a delivery unit when kubeai.yaml says {@code gitops.units: perModel}: its own Argo CD Application or
 * Flux chain.
 *
 * @param path       relative to the output root, '/'-separated (models/llama, caches/efs)
 * @param sources    the spec files it comes from, for the generated-file header
 * @param resources  the objects, each rendered by a template into its own file
 * @param standalone true for the GitOps engines' entry points, which the root kustomization leaves out
 * @param needs      the folders whose objects must exist before this folder's are applied (a Model's shared
 *                   cache, a cache's local bucket); Flux orders its units by them, and a folder that is not
 *                   rendered is no need
 */
public record FolderPlan(
        String path, List<String> sources, List<ResourcePlan> resources, boolean standalone, List<String> needs) {

    public FolderPlan {
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
        needs = List.copyOf(needs);
    }

    public FolderPlan(String path, List<String> sources, List<ResourcePlan> resources) {
        this(path, sources, resources, false, List.of());
    }

    public FolderPlan(String path, List<String> sources, List<ResourcePlan> resources, boolean standalone) {
        this(path, sources, resources, standalone, List.of());
    }

    /** This folder, needing {@code folders} besides. */
    FolderPlan needing(List<String> folders) {
        List<String> all = new java.util.ArrayList<>(needs);
        folders.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return new FolderPlan(path, sources, resources, standalone, all);
    }
}
