package io.kubeai.gitops.plan;

import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.ResourceProfile;
import java.util.Map;

/** A Model's resource profile, multiplied by its count, and the engine image the profile chooses. */
final class ServerResources {
    private final KubeAIConfig config;
    private final ModelSpec spec;
    private final ResourceProfile profile;
    private final int count;

    ServerResources(KubeAIConfig config, ModelSpec spec) {
        this.config = config;
        this.spec = spec;
        String value = spec.resourceProfile().orElse("cpu:1");
        int colon = value.lastIndexOf(':');
        this.profile = config.resourceProfiles().get(value.substring(0, colon));
        this.count = Integer.parseInt(value.substring(colon + 1));
    }

    ResourceProfile profile() {
        return profile;
    }

    Map<String, String> requests() {
        return Quantities.multiply(profile.requests(), count);
    }

    Map<String, String> limits() {
        return Quantities.multiply(profile.limits(), count);
    }

    /** The Model's own image, else the engine's image for the profile's image name, else its default. */
    String image() {
        if (spec.image().isPresent()) {
            return spec.image().get();
        }
        Map<String, String> images = config.engineImages().getOrDefault(spec.engine(), Map.of());
        String image = images.getOrDefault(profile.imageName(), images.get("default"));
        if (image == null) {
            throw new IllegalStateException("no image for engine " + spec.engine());
        }
        return image;
    }
}
