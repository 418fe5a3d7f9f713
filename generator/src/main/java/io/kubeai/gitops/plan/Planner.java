package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedFineTune;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.resolve.ResolvedRepo;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolved repo in, plan out. The folders are built in this order, each from the resolved repo alone: the
 * Models', the FineTuneJobs', the shared caches', the local bucket's and the namespace's; the GitOps
 * engine's entry points last, because they list the steps the other folders use.
 */
public final class Planner {

    public RenderPlan plan(ResolvedRepo repo) {
        KubeAIConfig config = repo.config();
        PlanContext context = PlanContext.of(config);
        List<FolderPlan> folders = new ArrayList<>();
        ModelPlanner models = new ModelPlanner(context);
        repo.models().stream()
                .sorted(Comparator.comparing(ResolvedModel::name))
                .forEach(m -> folders.add(models.plan(m)));
        FineTunePlanner fineTunes = new FineTunePlanner(context);
        repo.fineTunes().stream()
                .sorted(Comparator.comparing((ResolvedFineTune j) -> j.job().name()))
                .forEach(j -> folders.add(fineTunes.plan(j)));
        folders.addAll(SharedCaches.folders(repo.models(), context));
        if (config.serving().autoscaling().mode() == io.kubeai.gitops.spec.ServingSettings.AutoscalingMode.KEDA) {
            io.kubeai.gitops.plan.traffic.RequestScaling.authentication(
                            config.serving().autoscaling())
                    .ifPresent(auth -> folders.add(new FolderPlan(
                            "autoscaling",
                            List.of(config.origin().file()),
                            List.of(new ResourcePlan(
                                    "triggerauthentication.yaml.ftl",
                                    "triggerauthentication.yaml",
                                    auth,
                                    Phase.SERVING)))));
        }
        LocalBucket.of(context).ifPresent(folders::add);
        FinetuneApiPlan.of(config, new Credentials(config)).ifPresent(folders::add);
        folders.add(new FolderPlan(
                "namespace",
                List.of(),
                List.of(new ResourcePlan(
                        "namespace.yaml.ftl",
                        "namespace.yaml",
                        NamespacePlan.of(config, repo.models()),
                        Phase.CACHE_VOLUME))));
        folders.sort(Comparator.comparing(FolderPlan::path));
        EntryPoints.of(config, folders).ifPresent(folders::add);
        PodAccess access = new PodAccess(
                config.modelPods().serviceAccountName().orElse(null),
                config.modelPods().imagePullSecrets());
        return new RenderPlan(config.namespace(), config.gitops().engine(), folders, access);
    }
}
