package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.ArrayList;
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
        List<ResolvedModel> ready = new ArrayList<>();
        for (ModelResolution m : models) {
            Optional<ResolvedModel> done = m.complete();
            if (done.isEmpty()) {
                return Optional.empty();
            }
            ready.add(done.get());
        }
        List<ResolvedFineTune> jobs = new ArrayList<>();
        for (FineTuneResolution j : fineTunes) {
            Optional<ResolvedFineTune> done = j.complete();
            if (done.isEmpty()) {
                return Optional.empty();
            }
            jobs.add(done.get());
        }
        return Optional.of(new ResolvedRepo(config, ready, jobs));
    }
}
