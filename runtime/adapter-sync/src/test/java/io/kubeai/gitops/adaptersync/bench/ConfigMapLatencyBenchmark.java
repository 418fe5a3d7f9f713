package io.kubeai.gitops.adaptersync.bench;

import io.kubeai.gitops.adaptersync.AdapterSync;
import io.kubeai.gitops.adaptersync.config.ConfigFeed;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.testing.ApiServer;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.TestAdapters;
import io.kubeai.gitops.loader.api.LoaderEnv;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Time from a ConfigMap update accepted by the API server (fabric8's mock server) to vLLM's load call
 * (the fake engine notes when each request arrives), with the sidecar at its production settings and the
 * mounted file left unchanged, so only the API server's watch can bring the change. The adapter is a
 * completed local cache copy loaded in place: no download is timed. Not a test: run it with
 * <pre>
 * mvn -q -o -B -pl runtime/adapter-sync exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.kubeai.gitops.adaptersync.bench.ConfigMapLatencyBenchmark [-Dexec.args="--repeats 20"]
 * </pre>
 */
public final class ConfigMapLatencyBenchmark {

    private ConfigMapLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repeats = args.length == 2 && args[0].equals("--repeats") ? Integer.parseInt(args[1]) : 20;
        Log.configure(Log.Format.TEXT, new PrintStream(OutputStream.nullOutputStream()));
        Path tmp = Files.createTempDirectory("adapter-sync-configmap-bench");
        ConfigMapDir file = new ConfigMapDir(tmp.resolve("etc"));
        String empty = ConfigMapDir.render("bench", List.of());
        file.publish(empty);
        long[] ms = new long[repeats];
        try (ApiServer api = new ApiServer();
                FakeVllm engine = new FakeVllm("base", FakeVllm.Style.NEW)) {
            api.publish("bench-adapters", empty);
            try (AdapterSync sync = AdapterSync.start(
                    Settings.builder()
                            .configFile(file.file())
                            .engine(engine.uri())
                            .adaptersDir(tmp.resolve("adapters"))
                            .listen(new InetSocketAddress("127.0.0.1", 0))
                            .configMap("bench-adapters")
                            .namespace(ApiServer.NAMESPACE)
                            .build(),
                    new LoaderFetcher(LoaderEnv.of(Map.of())),
                    api.client)) {
                await(() -> sync.status().ready() && sync.configSource() == ConfigFeed.Source.API, "ready");
                for (int r = -3; r < repeats; r++) { // three warm-up runs
                    String name = "a" + (r + 3);
                    Path dir = TestAdapters.create(tmp.resolve("cache"), name, 64 * 1024);
                    TestAdapters.markComplete(dir, "hf://bench/" + name);
                    int before = engine.calls("load").size();
                    long start = System.nanoTime();
                    api.publish(
                            "bench-adapters",
                            ConfigMapDir.render(
                                    "bench", List.of(new Adapter(name, "hf://bench/" + name, dir.toString()))));
                    await(() -> engine.calls("load").size() > before, "the load call");
                    long elapsed = (engine.calls("load").get(before).atNanos() - start) / 1_000_000;
                    if (r >= 0) {
                        ms[r] = elapsed;
                    }
                    api.publish("bench-adapters", empty);
                    await(() -> engine.loaded().isEmpty(), "the unload");
                }
            }
        } finally {
            AdapterFiles.deleteTree(tmp);
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "ConfigMap update -> vLLM load call, through the API server (file unchanged), %d runs: "
                        + "median %d ms, min %d ms, max %d ms%n",
                repeats, sorted[repeats / 2], sorted[0], sorted[repeats - 1]);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }
}
