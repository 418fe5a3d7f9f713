package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Spec in, plan out: the folders to render for a validated repo. */
public final class Planner {

    public RenderPlan plan(KubeAIConfig config, List<Model> models, List<FineTuneJob> jobs) {
        KubeAIConfig.LoaderSettings settings = config.loader();
        LoaderImage loader =
                new LoaderImage(settings.image(), settings.imagePullPolicy(), settings.requests(), settings.limits());
        SharedCaches caches = new SharedCaches(loader, config.namespace(), new Credentials(config));
        ModelPlanner planner = new ModelPlanner(config, loader, caches);
        List<FolderPlan> folders = new ArrayList<>();
        java.util.Set<String> finetuneBases = new java.util.TreeSet<>();
        jobs.forEach(j -> finetuneBases.add(j.model()));
        models.stream()
                .sorted(Comparator.comparing(Model::name))
                .forEach(m -> folders.add(planner.plan(m, finetuneBases.contains(m.name()))));
        FineTunePlanner fineTunes = new FineTunePlanner(config, loader, caches);
        java.util.Map<String, Model> byName = new java.util.HashMap<>();
        models.forEach(m -> byName.putIfAbsent(m.name(), m));
        jobs.stream()
                .sorted(Comparator.comparing(FineTuneJob::name))
                .forEach(j -> folders.add(fineTunes.plan(j, byName.get(j.model()))));
        folders.addAll(caches.folders());
        LocalBucket.of(config).ifPresent(folders::add);
        folders.add(new FolderPlan(
                "namespace",
                List.of(),
                List.of(new ResourcePlan(
                        "namespace.yaml.ftl", "namespace.yaml", config.namespace(), Phase.CACHE_VOLUME))));
        folders.sort(Comparator.comparing(FolderPlan::path));
        EntryPoints.of(config, folders).ifPresent(folders::add);
        return new RenderPlan(config.namespace(), config.gitops().engine(), folders);
    }
}
