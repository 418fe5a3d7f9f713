package io.kubeai.gitops.adaptersync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeai.gitops.adaptersync.AdapterSync;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.reconcile.SyncStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pod's worth of peers on 127.0.0.1: a fake vLLM, a kubelet-style ConfigMap directory, an adapters
 * directory, and the sidecar itself (started with short periods so tests run fast).
 */
public final class SyncHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path sources;
    public final Path adaptersDir;
    public final ConfigMapDir configMap;
    public final FakeVllm engine;
    private final AdapterFetcher fetcher;
    private final Consumer<Settings.Builder> tweak;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AdapterSync sync;

    public SyncHarness(Path tmp, FakeVllm.Style style, AdapterFetcher fetcher, Consumer<Settings.Builder> tweak) {
        this.sources = tmp.resolve("sources");
        this.adaptersDir = tmp.resolve("adapters");
        this.configMap = new ConfigMapDir(tmp.resolve("etc-kubeai-adapters"));
        this.fetcher = fetcher;
        this.tweak = tweak;
        try {
            this.engine = new FakeVllm("base", style);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings a test run uses: everything fast, ports chosen at run time. */
    public Settings.Builder settings() {
        Settings.Builder b = Settings.builder()
                .configFile(configMap.file())
                .engine(engine.uri())
                .adaptersDir(adaptersDir)
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .reconcilePeriod(Duration.ofMillis(300))
                .pollPeriod(Duration.ofMillis(200))
                .debounce(Duration.ofMillis(50))
                .backoffInitial(Duration.ofMillis(100))
                .backoffMax(Duration.ofMillis(800))
                .engineTimeout(Duration.ofSeconds(10));
        tweak.accept(b);
        return b;
    }

    public SyncHarness startSync() {
        return startSync(null);
    }

    /** Starts the sidecar with a Kubernetes client (for the settings' ConfigMap and pod), or none. */
    public SyncHarness startSync(KubernetesClient client) {
        try {
            sync = AdapterSync.start(settings().build(), fetcher, client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The running sidecar. */
    public AdapterSync sync() {
        return sync;
    }

    /** Stops the sidecar only (a sidecar container restart); the engine keeps its adapters. */
    public void stopSync() {
        if (sync != null) {
            sync.close();
            sync = null;
        }
    }

    /** A local source adapter directory named {@code name}. */
    public String source(String name) {
        return TestAdapters.create(sources, name, 4096).toString();
    }

    public SyncStatus status() {
        return sync.status();
    }

    public String describe() {
        return "engine loaded: " + engine.loaded() + "\nsidecar status: "
                + get("/status").body();
    }

    /** Waits until the engine lists exactly these served names. */
    public void awaitEngineHas(Set<String> servedNames) {
        Await.until(
                "engine to list exactly " + servedNames,
                Await.DEFAULT,
                () -> engine.loaded().keySet().equals(servedNames),
                this::describe);
    }

    public void awaitReady() {
        Await.until("/readyz to answer 200", Await.DEFAULT, () -> readyz() == 200, this::describe);
    }

    public int readyz() {
        return get("/readyz").statusCode();
    }

    public JsonNode statusJson() {
        try {
            return JSON.readTree(get("/status").body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sync.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopSync();
        engine.close();
    }
}
