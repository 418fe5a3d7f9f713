package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.List;
import java.util.Optional;

/**
 * Every Model and FineTuneJob of a repo, resolved once. Validate reads {@link #models()} and
 * {@link #fineTunes()}; plan reads {@link #ready()}.
 */
public record Resolution(KubeAIConfig config, List<ModelResolution> models, List<FineTuneResolution> fineTunes) {

    public Resolution {
        models = List.copyOf(models);
        fineTunes = List.copyOf(fineTunes);
    }

    /**
     * The repo ready to plan, or empty when some part did not resolve. Validate reports every such part as an
     * error, so after a clean validation this is present.
     */
    public Optional<ResolvedRepo> ready() {
        Optional<List<ResolvedModel>> ready = Complete.all(models, ModelResolution::complete);
        Optional<List<ResolvedFineTune>> jobs = Complete.all(fineTunes, FineTuneResolution::complete);
        if (ready.isEmpty() || jobs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedRepo(config, ready.get(), jobs.get()));
    }
}
