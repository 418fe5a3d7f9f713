package io.kubeai.gitops.plan;

import java.util.List;

/**
 * What Argo CD or Flux needs to find the rendered tree: templates receive it as {@code r}.
 *
 * @param name       the Application / GitRepository name
 * @param namespace  where the workloads go
 * @param repository the Git URL
 * @param revision   the branch or tag
 * @param path       the rendered tree inside the repository
 * @param steps      Flux only: the steps in order, each depending on the one before
 * @param step       Flux only: the step this Kustomization applies
 * @param dependsOn  Flux only: the step before, or empty
 * @param waits      Flux only: whether to wait for the step's objects to be healthy
 */
public record EntryPoint(
        String name,
        String namespace,
        String repository,
        String revision,
        String path,
        List<String> steps,
        String step,
        String dependsOn,
        boolean waits) {}
