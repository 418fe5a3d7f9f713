package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeai.gitops.adaptersync.config.ConfigFeed;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm.Style;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.testing.ApiServer;
import io.kubeai.gitops.adaptersync.testing.Await;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.SyncHarness;
import io.kubeai.gitops.loader.api.LoaderEnv;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar following its ConfigMap through an API server (fabric8's mock server, CRUD mode) with the
 * mounted file as the fallback, and posting Events on its pod.
 */
class ApiServerConfigMapTest {

    private static final String CONFIG_MAP = "llama-adapters";

    @TempDir
    Path tmp;

    private final ApiServer api = new ApiServer();
    private SyncHarness h;

    private SyncHarness harness() {
        h = new SyncHarness(
                tmp,
                Style.NEW,
                new LoaderFetcher(LoaderEnv.of(Map.of())),
                b -> b.configMap(CONFIG_MAP)
                        .namespace(ApiServer.NAMESPACE)
                        .podName("llama-7d9f-abcde")
                        .podUid("0b6e2c1a-1111-2222-3333-444455556666"));
        return h;
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        api.close();
    }

    private void publishBoth(List<Adapter> adapters) {
        String json = ConfigMapDir.render("llama", adapters);
        h.configMap.publish(json);
        api.publish(CONFIG_MAP, json);
    }

    @Test
    void configMapChange_reachesTheEngineThroughTheApiServer_whileTheMountedFileIsStillOld() {
        harness();
        publishBoth(List.of());
        h.startSync(api.client).awaitReady();
        Await.until("the API server's view in force", () -> h.sync().configSource() == ConfigFeed.Source.API);
        String source = h.source("sql");

        long updated = System.nanoTime();
        api.publish(CONFIG_MAP, ConfigMapDir.render("llama", List.of(Adapter.of("sql", source))));

        h.awaitEngineHas(Set.of("llama_sql"));
        long latencyMs = (h.engine.calls("load").get(0).atNanos() - updated) / 1_000_000;
        System.out.println("ConfigMap update -> load call: " + latencyMs + " ms");
        assertThat(latencyMs).isLessThan(2_000);
    }

    @Test
    void olderMountedFile_doesNotUndoTheApiServersView() {
        harness();
        String a = h.source("a");
        publishBoth(List.of());
        h.startSync(api.client).awaitReady();
        Await.until("the API server's view in force", () -> h.sync().configSource() == ConfigFeed.Source.API);
        api.publish(CONFIG_MAP, ConfigMapDir.render("llama", List.of(Adapter.of("a", a))));
        h.awaitEngineHas(Set.of("llama_a"));

        // The kubelet catches up in two steps; the first, older step must not unload what the API gave.
        h.configMap.publish("llama", List.of(Adapter.of("b", h.source("b"))));
        h.configMap.publish("llama", List.of());
        sleep(1_000);

        assertThat(h.engine.loaded()).containsOnlyKeys("llama_a");
        assertThat(h.engine.calls("unload")).isEmpty();
    }

    @Test
    void apiServerGone_fallsBackToTheMountedFile_andItsChangesApply() {
        harness();
        publishBoth(List.of(Adapter.of("a", h.source("a"))));
        h.startSync(api.client);
        h.awaitEngineHas(Set.of("llama_a"));
        Await.until("the API server's view in force", () -> h.sync().configSource() == ConfigFeed.Source.API);

        api.stop();
        Await.until(
                "the feed to fall back to the file",
                Await.DEFAULT,
                () -> h.sync().configSource() == ConfigFeed.Source.FILE,
                h::describe);
        h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a")), Adapter.of("b", h.source("b"))));

        h.awaitEngineHas(Set.of("llama_a", "llama_b"));
        assertThat(h.sync().configSource()).isEqualTo(ConfigFeed.Source.FILE);
        h.awaitReady();
    }

    @Test
    void noApiServerAtAll_theMountedFileIsFollowed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (KubernetesClient unreachable = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + closedPort)
                        .withNamespace(ApiServer.NAMESPACE)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build()) {
            harness();
            h.configMap.publish("llama", List.of(Adapter.of("a", h.source("a"))));
            h.startSync(unreachable);

            h.awaitEngineHas(Set.of("llama_a"));
            h.awaitReady();
            assertThat(h.sync().configSource()).isEqualTo(ConfigFeed.Source.FILE);
            h.configMap.publish("llama", List.of());
            h.awaitEngineHas(Set.of());
            h.stopSync();
        }
    }

    @Test
    void failingAdapter_isAWarningEventOnThePod_andThePodStaysReady() {
        harness();
        String missing = h.sources.resolve("not-there").toString();
        publishBoth(List.of(Adapter.of("good", h.source("good")), Adapter.of("broken", missing)));
        h.startSync(api.client);

        h.awaitEngineHas(Set.of("llama_good"));
        h.awaitReady();
        assertThat(h.get("/readyz").body()).isEqualTo("ready; failing [broken]\n");
        Await.until(
                "a Warning Event for the broken adapter",
                Await.DEFAULT,
                () -> events("AdapterFailing").size() == 1
                        && events("AdapterLoaded").size() == 1,
                () -> api.events().toString());
        Event failing = events("AdapterFailing").get(0);
        assertThat(failing.getType()).isEqualTo("Warning");
        assertThat(failing.getMessage())
                .contains("llama_broken")
                .contains("download failed")
                .contains("not-there");
        assertThat(failing.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(failing.getInvolvedObject().getName()).isEqualTo("llama-7d9f-abcde");
        assertThat(failing.getInvolvedObject().getUid()).isEqualTo("0b6e2c1a-1111-2222-3333-444455556666");
        assertThat(events("AdapterLoaded").get(0).getMessage()).contains("llama_good");

        Await.until(
                "broken retried",
                Await.DEFAULT,
                () -> h.status().adapter("broken").attempts() >= 3,
                h::describe);
        assertThat(events("AdapterFailing"))
                .as("one Event per failure, not per retry")
                .hasSize(1);
    }

    private List<Event> events(String reason) {
        return api.events().stream().filter(e -> reason.equals(e.getReason())).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
