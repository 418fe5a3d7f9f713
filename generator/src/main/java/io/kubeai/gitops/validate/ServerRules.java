package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.resolve.ModelResolution;
import io.kubeai.gitops.spec.Annotations;
import io.kubeai.gitops.spec.ConfigReader;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.Durations;
import io.kubeai.gitops.spec.EngineImage;
import io.kubeai.gitops.spec.EngineImages;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.wording.Hints;
import java.util.List;
import java.util.Map;

/**
 * What a Model asks of its server image and of the cluster: LoRA and run-time adapter loading from the
 * image's capabilities, native sidecars from {@code kubernetesVersion}, and the server annotations
 * (startup budget, Pod Security opt-out).
 */
final class ServerRules {
    private final KubeAIConfig config;
    private final List<Diagnostic> diagnostics;

    ServerRules(KubeAIConfig config, List<Diagnostic> diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void check(ModelResolution resolved) {
        Model model = resolved.model();
        ModelSpec spec = model.spec();
        String at = spec.adapters().isEmpty() ? "/spec/adapterLoading" : "/spec/adapters";
        boolean dynamic = resolved.loadsAdaptersDynamically();
        resolved.image().filter(i -> i.engine().servesAdapters()).ifPresent(image -> {
            if ((dynamic || !spec.adapters().isEmpty()) && !image.features().lora()) {
                error(model, at, Hints.noLora(image.describe(), since("lora", image)));
            } else if (dynamic && !image.features().runtimeLoraUpdating()) {
                error(model, at, Hints.noRuntimeLora(image.describe(), since("runtimeLoraUpdating", image)));
            }
        });
        if (dynamic && !config.kubernetesVersion().atLeast(ConfigReader.DEFAULT_KUBERNETES_VERSION)) {
            error(model, at, Hints.nativeSidecar(config.kubernetesVersion().toString()));
        }
        Map<String, String> annotations = model.annotations();
        String startup = annotations.get(Annotations.STARTUP_TIMEOUT);
        if (startup != null && Durations.parse(startup).isEmpty()) {
            error(model, annotation(Annotations.STARTUP_TIMEOUT), Hints.startupTimeout(startup));
        }
        String level = annotations.get(Annotations.POD_SECURITY);
        if (level != null && !level.equals("baseline") && !level.equals("restricted")) {
            error(model, annotation(Annotations.POD_SECURITY), Hints.podSecurityLevel(level));
        }
        if ("baseline".equals(level)
                && annotations.getOrDefault(Annotations.POD_SECURITY_REASON, "").isBlank()) {
            error(model, annotation(Annotations.POD_SECURITY), Hints.podSecurityReason());
        }
    }

    private static String since(String feature, EngineImage image) {
        return EngineImages.builtIn()
                .since(feature, image.platform())
                .map(v -> "vLLM " + v + " or newer")
                .orElse("an image for another platform");
    }

    private static String annotation(String name) {
        return "/metadata/annotations/" + name.replace("~", "~0").replace("/", "~1");
    }

    private void error(Model model, String relative, String message) {
        diagnostics.add(Diagnostics.error(model.origin().at(relative), message));
    }
}
