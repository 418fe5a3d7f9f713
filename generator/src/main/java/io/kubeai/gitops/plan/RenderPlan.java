package io.kubeai.gitops.plan;

import java.util.List;

/**
 * Everything to render: one folder per Model and per shared cache.
 *
 * @param namespace    the namespace of every object
 * @param gitopsEngine argocd, flux or plain
 * @param folders      sorted by path
 */
public record RenderPlan(String namespace, String gitopsEngine, List<FolderPlan> folders) {

    public RenderPlan {
        folders = List.copyOf(folders);
    }
}
