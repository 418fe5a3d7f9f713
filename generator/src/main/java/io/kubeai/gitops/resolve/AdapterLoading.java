package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.ModelSpec;
import java.util.Optional;

/** When a Model's adapters are loaded at run time, a rule plan renders and validate checks the image for. */
final class AdapterLoading {
    private AdapterLoading() {}

    /**
     * True for a Model whose engine serves adapters, that does not ask for {@code adapterLoading: Static},
     * and that has adapters or will get them (the base of a FineTuneJob, or {@code adapterLoading: Dynamic}),
     * so that its first adapter does not add the sidecar and restart every replica.
     */
    static boolean dynamic(Engine engine, ModelSpec spec, boolean finetuneBase) {
        Optional<String> loading = spec.adapterLoading();
        if (!engine.servesAdapters() || loading.filter("Static"::equals).isPresent()) {
            return false;
        }
        return !spec.adapters().isEmpty()
                || finetuneBase
                || loading.filter("Dynamic"::equals).isPresent();
    }
}
