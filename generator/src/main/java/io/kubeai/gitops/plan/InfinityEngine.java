package io.kubeai.gitops.plan;

import java.util.List;

/** Infinity's embedding and reranking server. */
final class InfinityEngine extends Engine {

    @Override
    boolean streamsFromS3() {
        return false;
    }

    @Override
    void configure(ServerDraft server, ModelLocation location, List<String> userArgs) {
        server.args.addAll(List.of(
                "v2",
                "--model-id",
                location.reference(),
                "--served-model-name",
                server.name,
                "--url-prefix",
                "/v1",
                "--port",
                "8000"));
        location.revision().ifPresent(r -> server.args.addAll(List.of("--revision", r)));
        server.args.addAll(userArgs);
        probes(server);
    }
}
