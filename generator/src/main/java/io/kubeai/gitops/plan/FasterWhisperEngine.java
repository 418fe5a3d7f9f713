package io.kubeai.gitops.plan;

import java.util.List;

/** faster-whisper-server, configured through its environment. */
final class FasterWhisperEngine extends EngineSetup {

    @Override
    Configured configure(String model, ModelLocation location, List<String> userArgs) {
        PodParts parts = PodParts.builder()
                .env(List.of(
                        Credentials.plain("WHISPER__MODEL", location.reference()),
                        Credentials.plain("ENABLE_UI", "false")))
                .args(userArgs)
                .build();
        return new Configured(parts, Probes.onHealth("/health"));
    }
}
