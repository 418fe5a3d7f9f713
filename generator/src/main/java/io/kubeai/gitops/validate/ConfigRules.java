package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.KubeAIConfig;
import java.util.List;

/** Checks of kubeai.yaml that need more than one field. */
final class ConfigRules {
    private final List<Diagnostic> diagnostics;

    ConfigRules(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(KubeAIConfig config) {
        config.defaultProfile()
                .filter(p ->
                        !p.equals(CacheProfile.NONE) && !config.cacheProfiles().containsKey(p))
                .ifPresent(p -> diagnostics.add(Diagnostics.error(
                        config.origin().at("/models/cache/defaultProfile"),
                        Hints.undefinedDefaultProfile(
                                p, String.join(", ", config.cacheProfiles().keySet())))));
        if (!config.namespace().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            diagnostics.add(Diagnostics.error(config.origin().at("/namespace"), Hints.namespace(config.namespace())));
        }
    }
}
