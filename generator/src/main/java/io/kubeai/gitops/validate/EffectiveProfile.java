package io.kubeai.gitops.validate;

import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.SourceUrl;
import java.util.Optional;

/** Which cache profile a Model ends up with: its own, else the config's default. */
public final class EffectiveProfile {
    private EffectiveProfile() {}

    /**
     * The profile, or empty for no cache. The default profile applies only to sources it can cache and
     * engines that read a cache: a pvc:// or ollama:// Model, or an OLlama one, loads directly.
     */
    public static Optional<CacheProfile> of(KubeAIConfig config, ModelSpec spec, Optional<SourceUrl> source) {
        if (spec.cacheProfile().isPresent()) {
            return spec.cacheProfile().map(config.cacheProfiles()::get);
        }
        // Ollama pulls its own models, and a source the cache cannot copy loads directly.
        if (spec.engine().equals("OLlama")
                || source.isPresent() && !source.get().cacheable()) {
            return Optional.empty();
        }
        return config.defaultProfile().map(config.cacheProfiles()::get);
    }
}
