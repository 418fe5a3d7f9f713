package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.resolve.ResourceRequest;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ResourceProfile;
import java.util.Map;
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

    /** The Model's own image, else the engine's image for the profile's image name, else its default. */
    String image() {
        if (model.spec().server().image().isPresent()) {
            return model.spec().server().image().get();
        }
        String engine = model.engine().specName();
        Map<String, String> images = config.engineImages().getOrDefault(engine, Map.of());
        String image = images.getOrDefault(request.profile().imageName(), images.get("default"));
        if (image == null) {
            throw new IllegalStateException("no image for engine " + engine);
        }
        return image;
    }
}
