package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.List;

/** A repo whose every Model and FineTuneJob resolved: the input of plan. */
public record ResolvedRepo(KubeAIConfig config, List<ResolvedModel> models, List<ResolvedFineTune> fineTunes) {

    public ResolvedRepo {
        models = List.copyOf(models);
        fineTunes = List.copyOf(fineTunes);
    }
}
