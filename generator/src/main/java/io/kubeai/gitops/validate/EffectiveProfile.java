package io.kubeai.gitops.validate;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.SourceUrl;

import java.util.Optional;

/** Which cache profile a Model ends up with: its own, else the config's default. */
public final class EffectiveProfile {
    private EffectiveProfile() {
    }

    /**
     * The profile, or empty for no cache. The default profile applies only to sources it can cache: a
     * pvc:// or ollama:// Model under a cached default simply loads directly.
     */
    public static Optional<CacheProfile> of(KubeAIConfig config, ModelSpec spec, Optional<SourceUrl> source) {
        if (spec.cacheProfile().isPresent()) {
            return spec.cacheProfile().map(config.cacheProfiles()::get);
        }
        if (source.isPresent() && !source.get().cacheable()) {
            return Optional.empty();
        }
        return config.defaultProfile().map(config.cacheProfiles()::get);
    }
}
