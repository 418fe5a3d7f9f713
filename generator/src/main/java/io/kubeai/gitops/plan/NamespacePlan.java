package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.List;

/**
 * The Models' namespace and the Pod Security level it enforces.
 *
 * @param name    the namespace
 * @param enforce restricted, or baseline when some server must run as root
 * @param version the standard's version: the oldest Kubernetes the tree is for ({@code v1.29})
 */
public record NamespacePlan(String name, String enforce, String version) {

    static NamespacePlan of(KubeAIConfig config, List<ResolvedModel> models) {
        boolean baseline = models.stream().map(ServerSecurity::of).anyMatch(s -> !s.restricted());
        List<Integer> parts = config.kubernetesVersion().parts();
        return new NamespacePlan(
                config.namespace(), baseline ? "baseline" : "restricted", "v" + parts.get(0) + "." + parts.get(1));
    }
}
