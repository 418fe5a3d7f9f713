package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.Annotations;
import io.kubeai.gitops.spec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans one Model's folder. The serving pod is built from parts in this order: where the model is (the
 * cache mode's), the engine's arguments and probes, the adapters', the Pod Security level's home and caches, then the
 * user's environment, shared memory and files. Each part is immutable; earlier parts win a name both define.
 */
final class ModelPlanner {
    private final PlanContext context;

    ModelPlanner(PlanContext context) {
        this.context = context;
    }

    /** The Model's annotation, else the engine's setting in kubeai.yaml, else KubeAI's three hours. */
    private Duration startupBudget(ResolvedModel model) {
        return Optional.ofNullable(model.model().annotations().get(Annotations.STARTUP_TIMEOUT))
                .flatMap(Durations::parse)
                .orElse(context.config().startupTimeout(model.engine()));
    }

    FolderPlan plan(ResolvedModel model) {
        CacheLayout layout = CacheLayout.of(model.cache(), context);
        EngineSetup engine = EngineSetup.of(model.engine());
        Located located = layout.model(model);
        EngineSetup.Configured configured = engine.configure(
                model.name(), located.location(), model.spec().server().args());
        List<ResourcePlan> resources = new ArrayList<>(located.resources());
        PodParts adapters;
        String serviceAccount = null;
        if (DynamicAdapters.applies(model)) {
            DynamicAdapters dynamic = new DynamicAdapters(context, layout, model);
            resources.add(dynamic.configMap());
            resources.addAll(dynamic.accessResources());
            adapters = dynamic.parts();
            serviceAccount = dynamic.access().serviceAccount();
        } else {
            adapters = new AdapterPlanner(layout, engine).parts(model);
        }
        ServerExtras extras = new ServerExtras(context.config(), model);
        ServerSecurity security = ServerSecurity.of(model);
        PodParts pod = located.parts()
                .plus(configured.parts())
                .plus(adapters)
                .plus(security.parts())
                .plus(extras.parts());
        Probes probes = configured.probes().withStartupBudget(startupBudget(model));
        resources.addAll(extras.resources(
                new Server.MainContainer(configured.command(), pod, probes, security), serviceAccount));
        // A shared cache's volume must exist before the pods mount it; its loads need not have finished (the
        // wait init container sees to that), so no Model waits for another Model's copy.
        List<String> needs =
                model.cache().map(p -> Names.cacheFolder(p.name())).stream().toList();
        return new FolderPlan("models/" + model.name(), List.of(model.specFile()), resources).needing(needs);
    }
}
