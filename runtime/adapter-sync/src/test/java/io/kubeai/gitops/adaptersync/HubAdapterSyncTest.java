package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm.Style;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.testing.Await;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.SyncHarness;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.testing.hf.HfRepo;
import io.kubeai.gitops.testing.hf.HfTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapters from an in-process Hugging Face Hub, with a token, pinned to revisions. */
class HubAdapterSyncTest {

    @TempDir
    Path tmp;

    @Test
    void pinnedRevisionChange_reloadsTheAdapterFromTheNewCommit() throws Exception {
        try (HfTestServer hub = HfTestServer.start().requireToken("hf_test_token");
                SyncHarness h = new SyncHarness(
                        tmp,
                        Style.OLD,
                        new LoaderFetcher(LoaderEnv.of(
                                Map.of("HF_ENDPOINT", hub.endpoint().toString(), "HF_TOKEN", "hf_test_token"))),
                        b -> {})) {
            HfRepo repo = hub.addRepo(
                    "org/sarcasm-lora",
                    Map.of(
                            "adapter_config.json",
                            "{\"peft_type\":\"LORA\",\"r\":8}".getBytes(StandardCharsets.UTF_8),
                            "adapter_model.safetensors",
                            new byte[70_000]));
            String first = repo.head();
            String second =
                    repo.file("adapter_model.safetensors", new byte[90_000]).commit("retrained");
            h.configMap.publish("llama", List.of(Adapter.of("sarcasm", "hf://org/sarcasm-lora@" + first)));
            h.startSync().awaitEngineHas(Set.of("llama_sarcasm"));
            Path weights = h.adaptersDir.resolve("sarcasm/adapter_model.safetensors");
            assertThat(Files.size(weights)).isEqualTo(70_000);

            h.configMap.publish("llama", List.of(Adapter.of("sarcasm", "hf://org/sarcasm-lora@" + second)));

            Await.until(
                    "the second revision to be loaded",
                    Await.DEFAULT,
                    () -> h.engine.calls("load").size() == 2
                            && h.engine.loaded().containsKey("llama_sarcasm"),
                    h::describe);
            assertThat(Files.size(weights)).isEqualTo(90_000);
            assertThat(h.engine.calls()).extracting(FakeVllm.Call::kind).containsExactly("load", "unload", "load");
            h.awaitReady();
        }
    }
}
