package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.resolve.ResourceRequest;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ResourceProfile;
import java.util.Optional;

/** A Model's resource profile, multiplied by its count, and the engine image the profile chooses. */
final class ServerResources {
    private final KubeAIConfig config;
    private final ResolvedModel model;
    private final ResourceRequest request;

    ServerResources(KubeAIConfig config, ResolvedModel model) {
        this.config = config;
        this.model = model;
        this.request = model.resources();
    }

    /** Requests, limits and scheduling of the server pod. */
    Server.Placement placement(Optional<String> priorityClassName) {
        ResourceProfile profile = request.profile();
        return new Server.Placement(
                Quantities.multiply(profile.requests(), request.count()),
                Quantities.multiply(profile.limits(), request.count()),
                profile.nodeSelector(),
                profile.tolerations().orElse(null),
                profile.affinity().orElse(null),
                profile.runtimeClassName().orElse(null),
                profile.schedulerName().orElse(null),
                priorityClassName.orElse(null));
    }

    /** The server image the Model resolved to. */
    String image() {
        return model.image().image();
    }
}
