package io.kubeai.gitops.plan;

import java.util.List;

/**
 * What Argo CD or Flux needs to find the rendered tree: templates receive it as {@code r}, or as
 * {@code r.source} inside an {@link ApplicationSet} or a {@link FluxStep}.
 *
 * @param name       the Application / GitRepository name, and the prefix of every unit's name
 * @param namespace  where the workloads go
 * @param repository the Git URL
 * @param revision   the branch or tag
 * @param path       the rendered tree inside the repository
 */
public record EntryPoint(String name, String namespace, String repository, String revision, String path) {

    /**
     * One Argo CD Application per delivery unit, from the folders of the rendered tree.
     *
     * @param source     the repository
     * @param generators one git directory generator per kind of unit
     */
    public record ApplicationSet(EntryPoint source, List<Directories> generators) {}

    /**
     * A git directory generator: the folders it matches and the prefix of their Applications' names.
     *
     * @param prefix  prepended to the folder's name, so a Model and a cache of the same name differ
     * @param include path patterns, relative to the repository
     * @param exclude path patterns left out
     */
    public record Directories(String prefix, List<String> include, List<String> exclude) {}

    /**
     * One Flux Kustomization: one step of one delivery unit (or of the whole tree).
     *
     * @param source    the repository
     * @param name      the Kustomization's name
     * @param folder    the folder it applies, relative to the repository
     * @param dependsOn the Kustomizations that must be ready first
     * @param waits     whether it waits for its objects to be healthy before it is ready
     * @param target    the namespace of its objects, or empty for objects that name their own
     */
    public record FluxStep(
            EntryPoint source, String name, String folder, List<String> dependsOn, boolean waits, String target) {}
}
