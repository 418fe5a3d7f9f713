package io.kubeai.gitops.adaptersync.bench;

import io.kubeai.gitops.adaptersync.AdapterSync;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.fakevllm.FakeVllm;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import io.kubeai.gitops.adaptersync.testing.TestAdapters;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Time from a kubelet-style swap of {@code adapters.json} to the fake engine listing every new adapter, with
 * the sidecar at its production settings (debounce 150 ms, poll 1 s, the directory watch). Not a test: run
 * it with
 * <pre>
 * mvn -q -o -B -pl runtime/adapter-sync exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.kubeai.gitops.adaptersync.bench.AdapterSyncBenchmark [-Dexec.args="--adapter-mib 16 --repeats 5"]
 * </pre>
 * Sources: {@code cache} = a completed local cache copy loaded in place (download excluded); {@code s3} =
 * downloaded from the in-process S3 server through the loader (download included; the span of the downloads
 * in each run is timed too, so the sidecar's own share can be read off).
 */
public final class AdapterSyncBenchmark {

    private AdapterSyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int mib = intArg(args, "--adapter-mib", 16);
        int repeats = intArg(args, "--repeats", 5);
        Log.configure(Log.Format.TEXT, new PrintStream(OutputStream.nullOutputStream()));
        Path tmp = Files.createTempDirectory("adapter-sync-bench");
        try (BenchSources sources = BenchSources.create(tmp.resolve("sources"), mib)) {
            System.out.printf("adapter-sync benchmark: ConfigMap swap -> adapter listed by the engine%n");
            System.out.printf(
                    "adapters of %d MiB each; %d runs per row (after one warm-up run); "
                            + "sidecar at default settings (%d downloads at a time);%n'download ms' = first download "
                            + "start to last download end in the same run, 'the rest ms' = the run minus that (file "
                            + "watch, debounce, loads)%n%n",
                    mib, repeats, Settings.builder().build().fetchThreads());
            System.out.printf(
                    "%-34s %8s %10s %8s %8s %12s %12s%n",
                    "source (download)", "adapters", "median ms", "min ms", "max ms", "download ms", "the rest ms");
            for (String mode : sources.modes()) {
                for (int n : new int[] {1, 20}) {
                    long[][] runs = run(tmp.resolve(mode + "-" + n), sources, mode, n, repeats);
                    long[] total = runs[0];
                    long[] download = runs[1];
                    long[] rest = runs[2];
                    System.out.printf(
                            "%-34s %8d %10d %8d %8d %12s %12d%n",
                            sources.describe(mode),
                            n,
                            median(total),
                            min(total),
                            max(total),
                            mode.equals("cache") ? "-" : Long.toString(median(download)),
                            median(rest));
                }
            }
            System.out.printf("%nThe static path, for comparison: adding an adapter to the Deployment's pod "
                    + "template means a rolling restart of every replica, each paying the model's full cold "
                    + "start (scheduling, image pull, model download or cache mount, weight load, CUDA graph "
                    + "capture: typically minutes for an 8B model), replicas x cold start / maxSurge in "
                    + "total. No test here can run a GPU cold start, so it is stated, not measured.%n");
        } finally {
            AdapterFiles.deleteTree(tmp);
        }
    }

    /** Per run: swap to listed, the span of the downloads, and the difference, in ms. */
    private static long[][] run(Path dir, BenchSources sources, String mode, int n, int repeats) throws Exception {
        ConfigMapDir configMap = new ConfigMapDir(dir.resolve("etc"));
        configMap.publish("bench", List.of());
        long[][] ms = new long[3][repeats];
        TimingFetcher fetcher = new TimingFetcher(sources.fetcher(mode));
        try (FakeVllm engine = new FakeVllm("base", FakeVllm.Style.NEW);
                AdapterSync sync = AdapterSync.start(
                        Settings.builder()
                                .configFile(configMap.file())
                                .engine(engine.uri())
                                .adaptersDir(dir.resolve("adapters"))
                                .listen(new InetSocketAddress("127.0.0.1", 0))
                                .build(),
                        fetcher)) {
            await(() -> sync.status().ready(), "ready");
            for (int r = -1; r < repeats; r++) {
                List<Adapter> adapters = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    adapters.add(sources.adapter(mode, "a" + i, "r" + (r + 1) + "-"));
                }
                Set<String> served =
                        adapters.stream().map(a -> "bench_" + a.name()).collect(Collectors.toSet());
                fetcher.reset();
                long start = System.nanoTime();
                configMap.publish("bench", adapters);
                await(() -> engine.loaded().keySet().containsAll(served), "adapters listed");
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (r >= 0) {
                    ms[0][r] = elapsed;
                    ms[1][r] = fetcher.spanMillis();
                    ms[2][r] = elapsed - ms[1][r];
                }
                configMap.publish("bench", List.of());
                await(
                        () -> engine.loaded().isEmpty()
                                && sync.status().adapters().isEmpty(),
                        "adapters unloaded");
            }
        }
        return ms;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Records when the first download of a run started and the last one ended. */
    static final class TimingFetcher implements AdapterFetcher {
        private final AdapterFetcher delegate;
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        TimingFetcher(AdapterFetcher delegate) {
            this.delegate = delegate;
        }

        void reset() {
            firstStart.set(Long.MAX_VALUE);
            lastEnd.set(Long.MIN_VALUE);
        }

        long spanMillis() {
            long start = firstStart.get();
            return start == Long.MAX_VALUE ? 0 : (lastEnd.get() - start) / 1_000_000;
        }

        @Override
        public void fetch(String source, Path dest) throws IOException, InterruptedException {
            firstStart.accumulateAndGet(System.nanoTime(), Math::min);
            try {
                delegate.fetch(source, dest);
            } finally {
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Where benchmark adapters come from, per mode. */
    interface BenchSources extends AutoCloseable {
        List<String> modes();

        String describe(String mode);

        AdapterFetcher fetcher(String mode);

        /** Adapter {@code name}; {@code version} makes each run's URL new, so nothing is reused between runs. */
        Adapter adapter(String mode, String name, String version) throws IOException;

        @Override
        void close();

        static BenchSources create(Path root, int mib) {
            return new Sources(root, mib);
        }
    }

    /**
     * {@code cache}: a completed local cache copy, loaded in place (download excluded); {@code s3}: uploaded
     * to the in-process S3 server and downloaded by the loader (download included).
     */
    static final class Sources implements BenchSources {
        private final Path root;
        private final int bytes;
        private final S3TestServer s3;

        Sources(Path root, int mib) {
            this.root = root;
            this.bytes = mib * 1024 * 1024;
            // Backed by files, not memory: the runs upload a few GiB in all.
            this.s3 = S3TestServer.start(createDirectories(root.resolve("s3")));
            s3.createBucket("bench");
        }

        private static Path createDirectories(Path dir) {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<String> modes() {
            return List.of("cache", "s3");
        }

        @Override
        public String describe(String mode) {
            return mode.equals("cache") ? "local cache, in place (excluded)" : "in-process S3 (included)";
        }

        @Override
        public AdapterFetcher fetcher(String mode) {
            return new LoaderFetcher(LoaderEnv.of(s3.environment()));
        }

        @Override
        public Adapter adapter(String mode, String name, String version) {
            Path dir = root.resolve(mode).resolve(version + name);
            if (!Files.isDirectory(dir)) {
                TestAdapters.create(dir.getParent(), dir.getFileName().toString(), bytes);
                if (mode.equals("s3")) {
                    TestAdapters.upload(s3, "bench", version + name + "/", dir);
                }
            }
            if (mode.equals("cache")) {
                TestAdapters.markComplete(dir, "hf://bench/" + name);
                return new Adapter(name, "hf://bench/" + version + name, dir.toString());
            }
            return Adapter.of(name, "s3://bench/" + version + name);
        }

        @Override
        public void close() {
            s3.close();
        }
    }
}
