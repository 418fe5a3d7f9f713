package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The GitOps engines' entry points: an Argo CD Application (and an ApplicationSet with one Application per
 * Model and cache), or a Flux GitRepository and one Kustomization per step chained with dependsOn.
 */
final class EntryPoints {
    private EntryPoints() {}

    static Optional<FolderPlan> of(KubeAIConfig config, List<FolderPlan> folders) {
        KubeAIConfig.GitOpsSettings gitops = config.gitops();
        if (gitops.repository().isEmpty() || gitops.engine().equals("plain")) {
            return Optional.empty();
        }
        EntryPoint base = new EntryPoint(
                gitops.name(),
                config.namespace(),
                gitops.repository().get(),
                gitops.revision(),
                gitops.path(),
                List.of(),
                "",
                "",
                false);
        List<ResourcePlan> resources = new ArrayList<>();
        if (gitops.engine().equals("argocd")) {
            resources.add(new ResourcePlan("argocd-application.yaml.ftl", "application.yaml", base, Phase.SERVING));
            resources.add(
                    new ResourcePlan("argocd-applicationset.yaml.ftl", "applicationset.yaml", base, Phase.SERVING));
            return Optional.of(new FolderPlan("argocd", List.of(), resources, true));
        }
        List<String> steps = steps(folders);
        resources.add(new ResourcePlan("flux-gitrepository.yaml.ftl", "gitrepository.yaml", base, Phase.SERVING));
        String before = "";
        for (String step : steps) {
            // Training can run for hours: nothing after it waits, so Flux does not wait for it either.
            EntryPoint e = new EntryPoint(
                    base.name(),
                    base.namespace(),
                    base.repository(),
                    base.revision(),
                    base.path(),
                    steps,
                    step,
                    before,
                    !step.equals("train"));
            resources.add(new ResourcePlan(
                    "flux-kustomization.yaml.ftl", "kustomization-" + step + ".yaml", e, Phase.SERVING));
            before = step;
        }
        return Optional.of(new FolderPlan("flux", List.of(), resources, true));
    }

    /** The steps that have objects, in the order of {@link Phase}. */
    private static List<String> steps(List<FolderPlan> folders) {
        Set<String> present = new LinkedHashSet<>();
        for (FolderPlan folder : folders) {
            folder.resources().forEach(r -> present.add(r.phase().step()));
        }
        List<String> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            if (present.contains(phase.step()) && !steps.contains(phase.step())) {
                steps.add(phase.step());
            }
        }
        return steps;
    }
}
