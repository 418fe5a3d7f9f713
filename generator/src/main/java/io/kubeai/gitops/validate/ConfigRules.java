package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.spec.CacheProfile;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.KubernetesName;
import io.kubeai.gitops.spec.Version;
import io.kubeai.gitops.wording.Hints;
import java.util.List;

/** Checks of kubeai.yaml that need more than one field. */
final class ConfigRules {
    /** Pod Security admission (the namespace's labels) is stable from 1.25. */
    private static final Version OLDEST_KUBERNETES = Version.parse("1.25").orElseThrow();

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
        config.finetuning().api().ifPresent(api -> checkApi(config, api));
        if (!KubernetesName.DNS_LABEL.accepts(config.gitops().name())) {
            diagnostics.add(Diagnostics.error(
                    config.origin().at("/gitops/name"),
                    Hints.gitopsName(config.gitops().name())));
        }
        if (!config.kubernetesVersion().atLeast(OLDEST_KUBERNETES)) {
            diagnostics.add(Diagnostics.error(
                    config.origin().at("/kubernetesVersion"),
                    Hints.kubernetesTooOld(config.kubernetesVersion().toString())));
        }
        if (!KubernetesName.DNS_LABEL.accepts(config.namespace())) {
            diagnostics.add(Diagnostics.error(config.origin().at("/namespace"), Hints.namespace(config.namespace())));
        }
    }

    /** The finetuning API commits to the hook's repo and keeps uploads in a bucket: both must be set. */
    private void checkApi(KubeAIConfig config, KubeAIConfig.FinetuneApiSettings api) {
        if (config.finetuning().git().isEmpty()) {
            diagnostics.add(Diagnostics.error(config.origin().at("/finetuning/api"), Hints.finetuneApiWithoutGit()));
        }
        java.util.Optional<String> files = api.filesUrl(config.cacheProfiles());
        if (files.isEmpty()) {
            diagnostics.add(Diagnostics.error(config.origin().at("/finetuning/api"), Hints.finetuneApiWithoutFiles()));
        } else if (!files.get().matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")) {
            diagnostics.add(Diagnostics.error(
                    config.origin().at("/finetuning/api/filesURL"), Hints.finetuneApiFilesUrl(files.get())));
        }
    }
}
