package io.kubeai.gitops.plan;

import java.util.List;

/**
 * Everything to render: one folder per Model and per shared cache.
 *
 * @param namespace    the namespace of every object
 * @param gitopsEngine argocd, flux or plain
 * @param folders      sorted by path
 * @param podAccess    the ServiceAccount and pull secrets of every pod
 */
public record RenderPlan(String namespace, String gitopsEngine, List<FolderPlan> folders, PodAccess podAccess) {

    public RenderPlan {
        folders = List.copyOf(folders);
    }
}
