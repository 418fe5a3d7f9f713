package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.RenderedNames;
import java.util.List;

/** Infinity's embedding and reranking server. */
final class InfinityEngine extends EngineSetup {

    @Override
    Configured configure(String model, ModelLocation location, List<String> userArgs) {
        PodParts.Builder parts = PodParts.builder();
        parts.args(List.of(
                "v2",
                RenderedNames.INFINITY_MODEL_FLAG,
                location.reference(),
                "--served-model-name",
                model,
                "--url-prefix",
                "/v1",
                "--port",
                "8000"));
        location.revision().ifPresent(r -> parts.args(List.of("--revision", r)));
        parts.args(userArgs);
        return new Configured(parts.build(), Probes.onHealth("/health"));
    }
}
