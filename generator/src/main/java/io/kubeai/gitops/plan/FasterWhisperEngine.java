package io.kubeai.gitops.plan;

import java.util.List;

/** faster-whisper-server, configured through its environment. */
final class FasterWhisperEngine extends Engine {

    @Override
    boolean streamsFromS3() {
        return false;
    }

    @Override
    void configure(ServerDraft server, ModelLocation location, List<String> userArgs) {
        server.env(List.of(
                Credentials.plain("WHISPER__MODEL", location.reference()), Credentials.plain("ENABLE_UI", "false")));
        server.args.addAll(userArgs);
        probes(server);
    }
}
