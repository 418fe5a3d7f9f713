package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.KubeAIConfig;

/** What every planner reads and none changes: the config, the loader image and what is built from them. */
record PlanContext(KubeAIConfig config, LoaderImage loader, Credentials credentials, LoaderContainers containers) {

    static PlanContext of(KubeAIConfig config) {
        KubeAIConfig.LoaderSettings settings = config.loader();
        LoaderImage loader =
                new LoaderImage(settings.image(), settings.imagePullPolicy(), settings.requests(), settings.limits());
        return new PlanContext(config, loader, new Credentials(config), new LoaderContainers(loader));
    }

    String namespace() {
        return config.namespace();
    }
}
