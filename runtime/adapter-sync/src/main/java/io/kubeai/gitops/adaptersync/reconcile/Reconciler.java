package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.AdapterSpec;
import io.kubeai.gitops.adaptersync.config.DesiredAdapters;
import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.engine.EngineRejectedException;
import io.kubeai.gitops.adaptersync.engine.EngineUnavailableException;
import io.kubeai.gitops.adaptersync.engine.LoadedModel;
import io.kubeai.gitops.adaptersync.engine.VllmClient;
import io.kubeai.gitops.adaptersync.fetch.AdapterFetcher;
import io.kubeai.gitops.adaptersync.fetch.AdapterFiles;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus.State;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Makes the engine's loaded adapters match the wanted ones. Passes run on one thread: on a config change,
 * when a download ends, when a failing adapter's backoff expires, and every reconcile period (so a restarted
 * engine gets its adapters back). {@code GET /v1/models} is the truth of what is loaded; what the engine
 * answers to a load or unload only decides whether to look again.
 */
public final class Reconciler implements AutoCloseable {

    private final Settings settings;
    private final VllmClient engine;
    private final AdapterFiles files;
    private final RetryPolicy retry;
    private final Clock clock;
    private final PassScheduler scheduler;
    private final ExecutorService downloads;
    private final Fetches fetches;
    private final Readiness readiness;
    private final LoadedSources sources;
    private final AdapterEvents events;

    // Reconcile-thread state.
    private DesiredAdapters desired;
    private Instant configLoadedAt;
    private String configError;
    private final Map<String, Tracked> tracked = new TreeMap<>();
    private Boolean engineUp;
    private String engineError;

    private volatile SyncStatus status = SyncStatus.initial();
    private volatile long passStartedNanos;
    private volatile boolean inPass;

    public Reconciler(Settings settings, VllmClient engine, AdapterFetcher fetcher, AdapterFiles files, Clock clock) {
        this(settings, engine, fetcher, files, clock, AdapterEvents.NONE);
    }

    public Reconciler(
            Settings settings,
            VllmClient engine,
            AdapterFetcher fetcher,
            AdapterFiles files,
            Clock clock,
            AdapterEvents events) {
        this.settings = settings;
        this.events = events;
        this.engine = engine;
        this.files = files;
        this.clock = clock;
        this.retry = RetryPolicy.unbounded(settings.backoffInitial(), settings.backoffMax());
        this.readiness = new Readiness(settings.strictReadiness(), settings.initialAdapterWait());
        this.sources = new LoadedSources(files);
        this.scheduler = new PassScheduler(this::pass);
        AtomicInteger n = new AtomicInteger();
        this.downloads = Executors.newFixedThreadPool(settings.fetchThreads(), r -> {
            Thread t = new Thread(r, "adapter-sync-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.fetches = new Fetches(fetcher, files, downloads, scheduler, this::fetchDone);
    }

    public void start() {
        scheduler.request(Duration.ZERO);
    }

    /** A new good config (from the watcher's thread). */
    public void configChanged(DesiredAdapters config) {
        scheduler.execute(() -> {
            desired = config;
            configLoadedAt = clock.instant();
            configError = null;
            Log.info(
                    "config loaded",
                    "model",
                    config.model(),
                    "adapters",
                    config.adapters().stream().map(AdapterSpec::name).collect(Collectors.joining(",")));
            // Requested from here, after the change: a pass already queued might otherwise run before it.
            scheduler.request(Duration.ZERO);
        });
    }

    /** The config file is missing or broken (the last good config stays in force), or {@code null}: fine again. */
    public void configProblem(String problem) {
        scheduler.execute(() -> {
            if (problem == null) {
                Log.info("config problem resolved");
            } else {
                Log.warn("config problem", "error", problem);
            }
            configError = problem;
            events.configProblem(problem);
            publish();
        });
    }

    public SyncStatus status() {
        return status;
    }

    /** How long the current pass has been running, or zero between passes. */
    public Duration currentPassAge() {
        return inPass ? Duration.ofNanos(System.nanoTime() - passStartedNanos) : Duration.ZERO;
    }

    private void pass() {
        passStartedNanos = System.nanoTime();
        inPass = true;
        try {
            reconcile();
        } catch (RuntimeException e) {
            Log.error("reconcile pass failed", "error", e.toString());
        } finally {
            inPass = false;
            publish();
            scheduler.request(nextPassDelay());
        }
    }

    private void reconcile() {
        Map<String, String> served = listServed();
        if (desired == null) {
            return;
        }
        Set<String> wanted = desired.adapters().stream().map(AdapterSpec::name).collect(Collectors.toSet());
        tracked.keySet().removeIf(name -> {
            if (!wanted.contains(name)) {
                fetches.discard(tracked.get(name));
                return true;
            }
            return false;
        });
        if (served != null) {
            unloadUnwanted(served, wanted);
            noticeLost(served);
        }
        for (AdapterSpec spec : desired.adapters()) {
            step(spec, served);
        }
        if (served != null) {
            removeStrayFiles(served, wanted);
        }
    }

    /** Served name -> root path of every loaded adapter with this Model's prefix; {@code null} if the engine is down. */
    private Map<String, String> listServed() {
        try {
            List<LoadedModel> models = engine.models();
            if (!Boolean.TRUE.equals(engineUp)) {
                Log.info("engine reachable", "engine", engine.base(), "models", models.size());
            }
            engineUp = true;
            engineError = null;
            Map<String, String> served = new HashMap<>();
            String prefix = desired == null ? null : desired.servedPrefix();
            for (LoadedModel m : models) {
                if (prefix != null && m.id().startsWith(prefix)) {
                    served.put(m.id(), m.root());
                }
            }
            return served;
        } catch (EngineUnavailableException e) {
            if (!Boolean.FALSE.equals(engineUp) || !e.getMessage().equals(engineError)) {
                Log.warn("engine not reachable", "error", e.getMessage());
            }
            engineUp = false;
            engineError = e.getMessage();
            readiness.reset();
            return null;
        }
    }

    private void unloadUnwanted(Map<String, String> served, Set<String> wanted) {
        for (String servedName : List.copyOf(served.keySet())) {
            String name = servedName.substring(desired.servedPrefix().length());
            if (wanted.contains(name)) {
                continue;
            }
            try {
                engine.unload(servedName);
                served.remove(servedName);
                sources.unloaded(name);
                files.remove(name);
                Log.info("adapter unloaded", "adapter", name, "served", servedName);
                events.unloaded(name, servedName);
            } catch (EngineRejectedException | EngineUnavailableException e) {
                Log.warn("unload failed; will retry", "adapter", name, "error", e.getMessage());
            } catch (IOException e) {
                Log.warn("cannot delete adapter files", "adapter", name, "error", e.toString());
            }
        }
    }

    /** Adapters this sidecar loaded that the engine no longer lists: the engine restarted. */
    private void noticeLost(Map<String, String> served) {
        for (String name : sources.lost(served, desired.servedPrefix())) {
            readiness.reset();
            Log.warn("engine no longer lists adapter (engine restarted?); loading it again", "adapter", name);
        }
    }

    private void step(AdapterSpec spec, Map<String, String> served) {
        Instant now = clock.instant();
        Tracked t = tracked.computeIfAbsent(spec.name(), n -> new Tracked(spec, now));
        if (!t.spec.url().equals(spec.url())) {
            fetches.discard(t);
            t.attempts = 0;
            t.retryAt = null;
            t.retrying = null;
            t.wantedAt = now;
            t.state = State.PENDING;
            t.pending("URL changed");
        }
        t.spec = spec;
        String servedName = spec.servedName(desired.model());
        boolean listed = served != null && served.containsKey(servedName);
        if (listed && spec.url().equals(sources.urlOf(spec, served.get(servedName)))) {
            if (t.fetch != null || t.staged != null) {
                fetches.discard(t); // the URL went back to what is loaded
            }
            t.loaded(served.get(servedName), now);
            return;
        }
        if (t.retryAt != null && now.isBefore(t.retryAt)) {
            return;
        }
        Path path = AdapterFiles.localCache(spec).orElse(null);
        if (path == null && t.staged == null && spec.url().equals(files.installedSource(spec.name()))) {
            path = files.dir(spec.name());
        }
        if (path == null && t.staged == null) {
            if (t.fetch == null) {
                fetches.start(t);
            }
            t.pending(listed ? "downloading the new version; the previous one keeps serving" : "downloading");
            return;
        }
        if (served == null) {
            t.pending("downloaded; waiting for the engine: " + engineError);
            return;
        }
        load(t, servedName, path, listed, now);
    }

    private void load(Tracked t, String servedName, Path path, boolean replacing, Instant now) {
        String name = t.spec.name();
        String action = "load";
        try {
            if (replacing) {
                action = "unload of the previous version";
                // vLLM cannot re-point a loaded name: unload, then load. Requests for it fail in between.
                engine.unload(servedName);
                String previous = sources.unloaded(name);
                if (previous != null) {
                    Log.info(
                            "adapter URL changed; unloaded the previous version",
                            "adapter",
                            name,
                            "previous",
                            previous,
                            "url",
                            t.spec.url());
                } else {
                    Log.info(
                            "unloaded an adapter of this name from an unknown source, to load the wanted one",
                            "adapter",
                            name,
                            "url",
                            t.spec.url());
                }
            }
            action = "load";
            if (path == null) {
                path = files.install(name, t.staged);
                t.staged = null;
            } else if (t.staged != null) {
                fetches.discard(t);
            }
            if (!path.equals(files.dir(name))) {
                files.remove(name);
            }
            long start = System.nanoTime();
            try {
                engine.load(servedName, path.toString());
            } catch (EngineRejectedException e) {
                if (!listed(servedName)) {
                    throw e;
                }
                Log.info(
                        "engine answered the load with an error but lists the adapter; taking it as loaded",
                        "adapter",
                        name,
                        "answer",
                        e.getMessage());
            }
            sources.loaded(name, t.spec.url());
            t.loaded(path.toString(), now);
            Log.info(
                    "adapter loaded",
                    "adapter",
                    name,
                    "served",
                    servedName,
                    "path",
                    path,
                    "loadMs",
                    (System.nanoTime() - start) / 1_000_000,
                    "sinceWantedMs",
                    Duration.between(t.wantedAt, clock.instant()).toMillis());
            events.loaded(name, servedName);
        } catch (EngineRejectedException e) {
            fail(
                    t,
                    "engine rejected the " + action + ": " + e.getMessage()
                            + (e.status() == 404 || e.status() == 405
                                    ? " (no runtime LoRA API: start vLLM with --enable-lora and VLLM_ALLOW_RUNTIME_LORA_UPDATING=True)"
                                    : ""));
        } catch (EngineUnavailableException e) {
            t.pending("waiting for the engine: " + e.getMessage());
        } catch (IOException e) {
            fail(t, "cannot install the downloaded files: " + e);
        }
    }

    private boolean listed(String servedName) {
        try {
            return engine.models().stream().anyMatch(m -> m.id().equals(servedName));
        } catch (EngineUnavailableException e) {
            return false;
        }
    }

    private void fetchDone(long fetchId, String name, Path dir, Exception error) {
        Tracked t = tracked.get(name);
        if (t == null || t.fetchId != fetchId) {
            Fetches.deleteQuietly(dir);
            return;
        }
        t.fetch = null;
        if (error == null) {
            t.staged = dir;
            Log.info(
                    "adapter downloaded",
                    "adapter",
                    name,
                    "url",
                    t.spec.url(),
                    "sinceWantedMs",
                    Duration.between(t.wantedAt, clock.instant()).toMillis());
        } else {
            Fetches.deleteQuietly(dir);
            fail(t, "download failed: " + Fetches.describe(error));
        }
        scheduler.request(Duration.ZERO);
    }

    private void fail(Tracked t, String reason) {
        Duration wait = retry.backoff(t.attempts + 1, ThreadLocalRandom.current());
        if (t.attempts == 0 || !reason.equals(t.reason)) {
            // One Event per new failure, not one per retry: the status keeps the count.
            events.failing(t.spec.name(), t.spec.servedName(desired.model()), reason);
        }
        t.failed(reason, clock.instant().plus(wait));
        Log.warn(
                "adapter failing",
                "adapter",
                t.spec.name(),
                "attempts",
                t.attempts,
                "retryInMs",
                wait.toMillis(),
                "reason",
                reason);
    }

    private void removeStrayFiles(Map<String, String> served, Set<String> wanted) {
        try {
            for (String name : files.installedNames()) {
                if (!wanted.contains(name) && !served.containsKey(desired.servedPrefix() + name)) {
                    files.remove(name);
                    Log.info("removed files of an adapter no longer wanted", "adapter", name);
                }
            }
        } catch (IOException e) {
            Log.warn("cannot clean the adapters directory", "error", e.toString());
        }
    }

    private Duration nextPassDelay() {
        Duration next = settings.reconcilePeriod();
        if (!Boolean.TRUE.equals(engineUp)) {
            next = min(next, Duration.ofSeconds(1));
        }
        Instant now = clock.instant();
        for (Tracked t : tracked.values()) {
            if (t.state == State.FAILING && t.retryAt != null) {
                next = min(next, Duration.between(now, t.retryAt).plusMillis(5));
            }
        }
        return next.isNegative() ? Duration.ZERO : next;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void publish() {
        status = readiness.evaluate(
                desired,
                tracked.values(),
                Boolean.TRUE.equals(engineUp),
                engineError,
                configError,
                configLoadedAt,
                clock.instant());
    }

    @Override
    public void close() {
        scheduler.close();
        downloads.shutdownNow();
        try {
            downloads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
