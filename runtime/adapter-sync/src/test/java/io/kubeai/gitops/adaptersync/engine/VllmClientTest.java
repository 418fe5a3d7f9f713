package io.kubeai.gitops.adaptersync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm.Style;
import io.kubeai.gitops.adaptersync.testing.TestAdapters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VllmClientTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Style.class)
    void loadListUnload_workInEveryResponseStyle(Style style) throws Exception {
        Path adapter = TestAdapters.create(tmp, "a", 10);
        try (FakeVllm engine = new FakeVllm("base", style)) {
            VllmClient client = new VllmClient(engine.uri(), Duration.ofSeconds(5));

            client.load("m_a", adapter.toString());

            assertThat(client.models())
                    .contains(new LoadedModel("base", "/models/base", null))
                    .anySatisfy(m -> {
                        assertThat(m.id()).isEqualTo("m_a");
                        assertThat(m.root()).isEqualTo(adapter.toString());
                    });
            client.unload("m_a");
            client.unload("m_a"); // unknown now: 400 or 404 "cannot be found", both taken as unloaded
            assertThat(client.models()).extracting(LoadedModel::id).containsExactly("base");
        }
    }

    @Test
    void loadingTwice_inOlderVersions_isA400SayingAlreadyLoaded() throws Exception {
        Path adapter = TestAdapters.create(tmp, "a", 10);
        try (FakeVllm engine = new FakeVllm("base", Style.OLD)) {
            VllmClient client = new VllmClient(engine.uri(), Duration.ofSeconds(5));
            client.load("m_a", adapter.toString());

            assertThatThrownBy(() -> client.load("m_a", adapter.toString()))
                    .isInstanceOfSatisfying(EngineRejectedException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(ErrorMessages.saysAlreadyLoaded(e.getMessage()))
                                .isTrue();
                    });
        }
    }

    @Test
    void badAdapterPath_isRejectedWithTheEnginesWords() throws Exception {
        try (FakeVllm engine = new FakeVllm("base", Style.NEW)) {
            VllmClient client = new VllmClient(engine.uri(), Duration.ofSeconds(5));

            assertThatThrownBy(() -> client.load("m_a", tmp.resolve("nothing").toString()))
                    .isInstanceOf(EngineRejectedException.class)
                    .hasMessage("HTTP 400: Loading lora m_a failed: No adapter found for " + tmp.resolve("nothing"));
        }
    }

    @Test
    void engineNotListening_isUnavailable() throws Exception {
        URI uri;
        try (FakeVllm engine = new FakeVllm("base", Style.NEW)) {
            uri = engine.uri();
        }
        VllmClient client = new VllmClient(uri, Duration.ofSeconds(5));

        assertThatThrownBy(client::models)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("cannot reach the engine at " + uri);
        assertThatThrownBy(() -> client.load("x", "/x")).isInstanceOf(EngineUnavailableException.class);
    }
}
