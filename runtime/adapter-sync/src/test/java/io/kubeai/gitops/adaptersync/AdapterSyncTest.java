package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm.Style;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus;
import io.kubeai.gitops.adaptersync.testing.Await;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.GatedFetcher;
import io.kubeai.gitops.adaptersync.testing.SyncHarness;
import io.kubeai.gitops.adaptersync.testing.TestAdapters;
import io.kubeai.gitops.loader.api.LoaderEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sidecar end to end against a fake vLLM, with adapters copied for real from local directories. */
class AdapterSyncTest {

    @TempDir
    Path tmp;

    private final List<SyncHarness> harnesses = new ArrayList<>();
    private GatedFetcher fetcher;

    private SyncHarness harness(Style style) {
        return harness(style, b -> {});
    }

    private SyncHarness harness(Style style, java.util.function.Consumer<Settings.Builder> tweak) {
        fetcher = new GatedFetcher(new LoaderFetcher(LoaderEnv.of(java.util.Map.of())));
        SyncHarness h = new SyncHarness(tmp, style, fetcher, tweak);
        harnesses.add(h);
        return h;
    }

    @AfterEach
    void stop() {
        harnesses.forEach(SyncHarness::close);
    }

    @Test
    void addingAnAdapterToTheFile_loadsIt() {
        SyncHarness h = harness(Style.OLD);
        h.configMap.publish("llama", List.of());
        h.startSync().awaitReady();

        String source = h.source("sarcasm");
        h.configMap.publish("llama", List.of(Adapter.of("sarcasm", source)));

        h.awaitEngineHas(Set.of("llama_sarcasm"));
        Path dir = h.adaptersDir.resolve("sarcasm");
        assertThat(h.engine.loaded()).containsEntry("llama_sarcasm", dir.toString());
        assertThat(TestAdapters.listing(dir)).isEqualTo(TestAdapters.listing(Path.of(source)));
        assertThat(AdapterFiles.isComplete(dir)).isTrue();
        Await.until("status to say loaded", () -> h.status().adapter("sarcasm").state() == AdapterStatus.State.LOADED);
        h.awaitReady();
    }

    @Test
    void configPresentAtStart_isAppliedAtOnce_notAfterAReconcilePeriod() {
        SyncHarness h = harness(Style.NEW, b -> b.reconcilePeriod(java.time.Duration.ofHours(1)));
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync();

        Await.until(
                "a loaded well before the period",
                java.time.Duration.ofSeconds(5),
                () -> h.engine.loaded().containsKey("llama_a"),
                h::describe);
    }

    @Test
    void removingAnAdapterFromTheFile_unloadsItAndDeletesItsFiles() {
        SyncHarness h = harness(Style.NEW);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));
        h.startSync().awaitEngineHas(Set.of("llama_a", "llama_b"));

        h.configMap.publish("llama", List.of(Adapter.of("b", h.source("b"))));

        h.awaitEngineHas(Set.of("llama_b"));
        Await.until("a's files to be deleted", () -> !Files.exists(h.adaptersDir.resolve("a")));
        assertThat(h.adaptersDir.resolve("b")).isDirectory();
        assertThat(h.engine.calls("unload")).extracting(FakeVllm.Call::name).containsExactly("llama_a");
        Await.until(
                "status to list only b",
                () -> h.status().adapters().size() == 1
                        && h.status().adapters().get(0).name().equals("b"));
    }

    @Test
    void engineRestart_getsEveryAdapterBackWithoutDownloadingAgain() {
        SyncHarness h = harness(Style.OLD);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));
        h.startSync().awaitEngineHas(Set.of("llama_a", "llama_b"));
        h.awaitReady();

        h.engine.restart();

        h.awaitEngineHas(Set.of("llama_a", "llama_b"));
        assertThat(h.engine.calls("load")).hasSize(4);
        assertThat(fetcher.sources()).hasSize(2);
    }

    @Test
    void engineGoingDown_takesReadinessAway_untilItsAdaptersAreBack() throws IOException {
        SyncHarness h = harness(Style.OLD);
        h.engine.loadDelayMillis(300);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitReady();

        h.engine.stop();
        Await.until("not ready while the engine is down", Await.DEFAULT, () -> h.readyz() == 503, h::describe);
        h.engine.start();

        Await.until(
                "the engine to answer while a is loading again",
                Await.DEFAULT,
                () -> h.status().engineReachable(),
                h::describe);
        h.awaitReady();
        assertThat(h.engine.loaded()).containsOnlyKeys("llama_a");
    }

    @Test
    void addingAnAdapterToAReadyPod_keepsItReadyWhileItLoads() {
        SyncHarness h = harness(Style.NEW);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitReady();
        fetcher.hold("b");

        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));

        Await.until("b pending", () -> h.status().adapter("b") != null);
        assertThat(h.readyz()).isEqualTo(200);
        fetcher.release("b");
        h.awaitEngineHas(Set.of("llama_a", "llama_b"));
    }

    @Test
    void strictReadiness_keepsThePodUnready_whileAnAdapterFails() {
        SyncHarness h = harness(Style.NEW, b -> b.strictReadiness(true));
        h.configMap.publish(
                "llama",
                List.of(
                        Adapter.of("a", h.source("a")),
                        Adapter.of("broken", h.sources.resolve("nope").toString())));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_a"));
        Await.until(
                "broken retried",
                Await.DEFAULT,
                () -> h.status().adapter("broken").attempts() >= 2,
                h::describe);
        assertThat(h.readyz()).isEqualTo(503);
        assertThat(h.get("/readyz").body()).contains("failing [broken]");
    }

    @Test
    void strictReadiness_dropsWhileAnAddedAdapterLoads() {
        SyncHarness h = harness(Style.NEW, b -> b.strictReadiness(true));
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitReady();
        fetcher.hold("b");

        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));

        Await.until("not ready while b downloads", Await.DEFAULT, () -> h.readyz() == 503, h::describe);
        fetcher.release("b");
        h.awaitReady();
    }

    @Test
    void engineWithoutRuntimeLoraApi_isReportedWithWhatToChange() {
        SyncHarness h = harness(Style.NEW);
        h.engine.runtimeLoraDisabled(true);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync();

        Await.until(
                "a to fail",
                Await.DEFAULT,
                () -> h.status().adapter("a") != null && h.status().adapter("a").state() == AdapterStatus.State.FAILING,
                h::describe);
        assertThat(h.status().adapter("a").reason())
                .contains("HTTP 404: Not Found")
                .contains("VLLM_ALLOW_RUNTIME_LORA_UPDATING=True");
    }

    @Test
    void engineDown_isNotReady_andAdaptersLoadWhenItComesBack() throws IOException {
        SyncHarness h = harness(Style.NEW);
        h.engine.stop();
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync();

        Await.until(
                "a to be downloaded while the engine is down",
                Await.DEFAULT,
                () -> h.status().adapter("a") != null
                        && h.status().adapter("a").reason() != null
                        && h.status().adapter("a").reason().contains("waiting for the engine"),
                h::describe);
        assertThat(h.readyz()).isEqualTo(503);
        assertThat(h.get("/readyz").body()).contains("engine not reachable");
        assertThat(h.statusJson().path("engineReachable").asBoolean()).isFalse();

        h.engine.start();

        h.awaitEngineHas(Set.of("llama_a"));
        h.awaitReady();
    }

    @Test
    void brokenAdapterUrl_doesNotBlockTheOthersOrReadiness_andStatusNamesIt() throws IOException {
        SyncHarness h = harness(Style.OLD);
        String missing = h.sources.resolve("not-there").toString();
        h.configMap.publish(
                "llama",
                List.of(Adapter.of("a", h.source("a")), Adapter.of("broken", missing), Adapter.of("c", h.source("c"))));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_a", "llama_c"));
        Await.until(
                "broken to be retried",
                Await.DEFAULT,
                () -> h.status().adapter("broken").attempts() >= 2,
                h::describe);
        JsonNode broken = adapter(h.statusJson(), "broken");
        assertThat(broken.path("state").asText()).isEqualTo("failing");
        assertThat(broken.path("reason").asText()).contains("download failed").contains("not-there");
        assertThat(broken.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(adapter(h.statusJson(), "a").path("state").asText()).isEqualTo("loaded");
        assertThat(h.readyz())
                .as("the base model serves without the failing adapter")
                .isEqualTo(200);
        assertThat(h.get("/readyz").body()).isEqualTo("ready; failing [broken]\n");

        TestAdapters.create(h.sources, "not-there", 100);

        h.awaitEngineHas(Set.of("llama_a", "llama_broken", "llama_c"));
        h.awaitReady();
    }

    @Test
    void anErrorInADownload_failsThatAdapter_insteadOfLeavingItDownloadingForever() {
        SyncHarness h = new SyncHarness(
                tmp,
                Style.OLD,
                (source, dest) -> {
                    if (source.endsWith("/broken")) {
                        throw new NoSuchMethodError("a library built against another version");
                    }
                    new LoaderFetcher(LoaderEnv.of(java.util.Map.of())).fetch(source, dest);
                },
                b -> {});
        harnesses.add(h);
        h.configMap.publish(
                "llama",
                List.of(
                        Adapter.of("a", h.source("a")),
                        Adapter.of("broken", h.sources.resolve("broken").toString())));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_a"));
        Await.until(
                "broken to fail",
                Await.DEFAULT,
                () -> h.status().adapter("broken") != null
                        && h.status().adapter("broken").state() == AdapterStatus.State.FAILING,
                h::describe);
        assertThat(h.status().adapter("broken").reason())
                .contains("internal error")
                .contains("a library built against another version");
    }

    @Test
    void failingAdapter_staysFailingWhileRetried_withItsNextRetryTime() {
        SyncHarness h = harness(Style.OLD);
        h.configMap.publish(
                "llama", List.of(Adapter.of("broken", h.sources.resolve("nope").toString())));
        h.startSync();

        Await.until(
                "a few retries",
                Await.DEFAULT,
                () -> h.status().adapter("broken") != null
                        && h.status().adapter("broken").attempts() >= 1,
                h::describe);
        long deadline = System.nanoTime() + 1_500_000_000L;
        boolean sawNextRetry = false;
        while (System.nanoTime() < deadline) {
            AdapterStatus s = h.status().adapter("broken");
            assertThat(s.state()).isEqualTo(AdapterStatus.State.FAILING);
            assertThat(s.reason()).startsWith("download failed: ");
            sawNextRetry |= s.nextRetryAt() != null;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(sawNextRetry).isTrue();
    }

    @Test
    void engineRejectingALoad_isRetriedWithBackoffUntilItWorks() {
        SyncHarness h = harness(Style.NEW);
        h.engine.failLoadsOf("llama_b");
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_a"));
        Await.until(
                "b to fail twice", Await.DEFAULT, () -> h.status().adapter("b").attempts() >= 2, h::describe);
        assertThat(h.status().adapter("b").reason()).contains("HTTP 500").contains("injected failure");

        h.engine.heal("llama_b");

        h.awaitEngineHas(Set.of("llama_a", "llama_b"));
        h.awaitReady();
        assertThat(h.status().adapter("b").attempts()).isZero();
    }

    @Test
    void rapidSuccessiveEdits_convergeToTheLastState() {
        SyncHarness h = harness(Style.OLD);
        List<String> names = List.of("a", "b", "c", "d", "e", "f");
        names.forEach(h::source);
        h.configMap.publish(
                "llama", List.of(Adapter.of("a", h.sources.resolve("a").toString())));
        h.startSync().awaitEngineHas(Set.of("llama_a"));

        for (int i = 0; i < 30; i++) {
            List<Adapter> adapters = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if ((i + j) % 3 != 0) {
                    adapters.add(Adapter.of(
                            names.get(j), h.sources.resolve(names.get(j)).toString()));
                }
            }
            h.configMap.publish("llama", adapters);
        }
        // The last edit: i = 29, keeps j where (29 + j) % 3 != 0, i.e. all but c and f.
        h.configMap.publish(
                "llama",
                List.of(
                        Adapter.of("b", h.sources.resolve("b").toString()),
                        Adapter.of("e", h.sources.resolve("e").toString())));

        h.awaitEngineHas(Set.of("llama_b", "llama_e"));
        h.awaitReady();
        Await.until(
                "only b and e on disk", Await.DEFAULT, () -> dirs(h.adaptersDir).equals(Set.of("b", "e")), h::describe);
    }

    @Test
    void halfWrittenFile_keepsTheLastGoodConfig_andIsReported() {
        SyncHarness h = harness(Style.NEW);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitEngineHas(Set.of("llama_a"));

        h.configMap.overwriteInPlace("{\"model\": \"llama\", \"adapters\": [{\"name\": \"b\", \"u");

        Await.until(
                "the parse error to be reported",
                Await.DEFAULT,
                () -> h.status().configError() != null,
                h::describe);
        assertThat(h.statusJson().path("configError").asText()).contains("not valid JSON");
        assertThat(h.engine.loaded()).containsOnlyKeys("llama_a");
        assertThat(h.readyz()).isEqualTo(200);

        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));

        h.awaitEngineHas(Set.of("llama_a", "llama_b"));
        Await.until("the error to clear", () -> h.status().configError() == null);
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void everyResponseStyle_loadsUnloadsAndReloads(Style style) {
        SyncHarness h = harness(style);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));
        h.startSync().awaitEngineHas(Set.of("llama_a", "llama_b"));

        h.configMap.publish("llama", List.of(Adapter.of("b", h.source("b"))));
        h.awaitEngineHas(Set.of("llama_b"));
        h.engine.restart();
        h.awaitEngineHas(Set.of("llama_b"));
        h.awaitReady();
        assertThat(h.status().adapters()).allMatch(a -> a.state() == AdapterStatus.State.LOADED);
    }

    @Test
    void startingPod_waitsForADownloadingAdapter_onlyForTheInitialWait() {
        SyncHarness h = harness(Style.OLD, b -> b.initialAdapterWait(java.time.Duration.ofMillis(800)));
        fetcher.hold("slow");
        h.configMap.publish("llama", List.of(Adapter.of("slow", h.source("slow"))));
        h.startSync();

        Await.until("slow downloading", Await.DEFAULT, () -> h.status().adapter("slow") != null, h::describe);
        assertThat(h.readyz()).isEqualTo(503);
        h.awaitReady();
        assertThat(h.get("/readyz").body()).isEqualTo("ready; pending [slow]\n");
        assertThat(h.status().adapter("slow").state()).isEqualTo(AdapterStatus.State.PENDING);

        fetcher.release("slow");
        h.awaitEngineHas(Set.of("llama_slow"));
        assertThat(h.readyz()).isEqualTo(200);
    }

    @Test
    void startingPod_waitsForAdaptersStillDownloading() {
        SyncHarness h = harness(Style.OLD);
        String slow = h.source("slow");
        fetcher.hold("slow");
        h.configMap.publish("llama", List.of(Adapter.of("fast", h.source("fast")), Adapter.of("slow", slow)));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_fast"));
        Await.until(
                "status to show fast loaded and slow downloading",
                Await.DEFAULT,
                () -> h.status().adapter("fast").state() == AdapterStatus.State.LOADED
                        && h.status().adapter("slow").state() == AdapterStatus.State.PENDING
                        && "downloading".equals(h.status().adapter("slow").reason()),
                h::describe);
        assertThat(h.readyz()).isEqualTo(503);
        assertThat(h.get("/readyz").body()).contains("pending [slow]");

        fetcher.release("slow");

        h.awaitEngineHas(Set.of("llama_fast", "llama_slow"));
        h.awaitReady();
    }

    @Test
    void changedUrl_unloadsTheOldVersionAndLoadsTheNewOne() throws IOException {
        SyncHarness h = harness(Style.NEW);
        String v1 = TestAdapters.create(h.sources.resolve("v1"), "a", 1000).toString();
        String v2 = TestAdapters.create(h.sources.resolve("v2"), "a", 2000).toString();
        h.configMap.publish("llama", List.of(Adapter.of("a", v1)));
        h.startSync().awaitEngineHas(Set.of("llama_a"));

        h.configMap.publish("llama", List.of(Adapter.of("a", v2)));

        Path dir = h.adaptersDir.resolve("a");
        Await.until(
                "a to be loaded from v2",
                Await.DEFAULT,
                () -> h.engine.calls("load").size() == 2 && h.engine.loaded().containsKey("llama_a"),
                h::describe);
        assertThat(Files.size(dir.resolve("adapter_model.safetensors"))).isEqualTo(2000);
        assertThat(h.engine.calls()).extracting(FakeVllm.Call::kind).containsExactly("load", "unload", "load");
        Await.until(
                "status to show the new URL loaded",
                () -> h.status().adapter("a").url().equals(v2)
                        && h.status().adapter("a").state() == AdapterStatus.State.LOADED);
    }

    @Test
    void localCachePathWithCompletionMarker_isLoadedInPlaceWithoutCopying() throws IOException {
        SyncHarness h = harness(Style.OLD);
        Path cached = TestAdapters.create(tmp.resolve("model-cache/adapters"), "a", 500);
        TestAdapters.markComplete(cached, "hf://org/a");
        h.configMap.publish("llama", List.of(new Adapter("a", "hf://org/a", cached.toString())));
        h.startSync();

        h.awaitEngineHas(Set.of("llama_a"));
        assertThat(h.engine.loaded()).containsEntry("llama_a", cached.toString());
        assertThat(fetcher.sources()).isEmpty();
        assertThat(h.adaptersDir.resolve("a")).doesNotExist();
        h.awaitReady();
    }

    @Test
    void sidecarRestart_adoptsWhatTheEngineHasLoaded() {
        SyncHarness h = harness(Style.OLD);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitEngineHas(Set.of("llama_a"));
        h.awaitReady();
        h.stopSync();

        h.startSync().awaitReady();

        assertThat(h.engine.calls()).extracting(FakeVllm.Call::kind).containsExactly("load");
        assertThat(fetcher.sources()).hasSize(1);
    }

    @Test
    void adaptersOfOtherModelsOrLoadedByHand_areLeftAlone() throws Exception {
        SyncHarness h = harness(Style.NEW);
        Path other = TestAdapters.create(tmp.resolve("other"), "x", 10);
        h.startSync();
        // Loaded outside the sidecar, e.g. with vLLM's --lora-modules.
        new io.kubeai.gitops.adaptersync.engine.VllmClient(h.engine.uri(), java.time.Duration.ofSeconds(5))
                .load("static-adapter", other.toString());
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));

        h.awaitEngineHas(Set.of("llama_a", "static-adapter"));
        h.awaitReady();
        assertThat(h.engine.calls("unload")).isEmpty();
    }

    @Test
    void endpoints_answerAsDocumented() {
        SyncHarness h = harness(Style.NEW);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
        h.startSync().awaitReady();

        assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(h.get("/readyz").body()).isEqualTo("ready\n");
        JsonNode status = h.statusJson();
        assertThat(status.path("model").asText()).isEqualTo("llama");
        assertThat(status.path("ready").asBoolean()).isTrue();
        assertThat(status.path("engineReachable").asBoolean()).isTrue();
        JsonNode a = adapter(status, "a");
        assertThat(a.path("servedName").asText()).isEqualTo("llama_a");
        assertThat(a.path("state").asText()).isEqualTo("loaded");
        assertThat(a.path("path").asText()).isEqualTo(h.adaptersDir.resolve("a").toString());
        assertThat(a.path("loadedAt").asText()).matches("\\d{4}-.*Z");
        assertThat(h.get("/readyz/extra").statusCode()).isEqualTo(404);
    }

    private static JsonNode adapter(JsonNode status, String name) {
        for (JsonNode a : status.path("adapters")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no adapter " + name + " in " + status);
    }

    private static Set<String> dirs(Path root) {
        try (var entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
