package io.kubeai.gitops.plan;

import java.util.List;

/**
 * The ServiceAccount and image pull secrets kubeai.yaml gives every pod the generator renders (IRSA or
 * Workload Identity, private registries). A Model's own settings come first; render merges these in.
 *
 * @param serviceAccountName the pods' ServiceAccount, or null for the namespace's default
 * @param imagePullSecrets   Secrets for private registries
 */
public record PodAccess(String serviceAccountName, List<String> imagePullSecrets) {
    public PodAccess {
        imagePullSecrets = List.copyOf(imagePullSecrets);
    }
}
