package io.kubeai.gitops.adaptersync;

import io.kubeai.gitops.adaptersync.config.Settings;
import io.kubeai.gitops.adaptersync.fetch.LoaderFetcher;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.loader.api.LoaderEnv;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adapter-sync}: the CLI. Every option can also come from an environment variable
 * ({@code ADAPTER_SYNC_<OPTION>}); an option on the command line wins. Exit codes: 0 stopped cleanly,
 * 2 usage, 3 cannot start (port in use, adapters directory not writable).
 */
@Command(
        name = "adapter-sync",
        mixinStandardHelpOptions = true,
        version = "adapter-sync 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Loads and unloads a Model's LoRA adapters in the vLLM server beside it, following the "
                + "<model>-adapters ConfigMap, without restarting the server.")
public final class AdapterSyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "${env:ADAPTER_SYNC_CONFIG}",
            description =
                    "The mounted adapters.json (its directory is watched). Default: /etc/kubeai/adapters/adapters.json")
    Path config;

    @Option(
            names = "--engine",
            paramLabel = "URL",
            defaultValue = "${env:ADAPTER_SYNC_ENGINE}",
            description = "vLLM's OpenAI-compatible server. Default: http://127.0.0.1:8000")
    URI engine;

    @Option(
            names = "--adapters-dir",
            paramLabel = "DIR",
            defaultValue = "${env:ADAPTER_SYNC_ADAPTERS_DIR}",
            description =
                    "Where adapters are downloaded, one directory each; vLLM must mount it at the same path. Default: /adapters")
    Path adaptersDir;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "${env:ADAPTER_SYNC_LISTEN}",
            converter = ListenConverter.class,
            description = "Address of /readyz, /healthz and /status. Default: 0.0.0.0:8090")
    InetSocketAddress listen;

    @Option(
            names = "--reconcile-period",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_RECONCILE_PERIOD}",
            converter = DurationConverter.class,
            description =
                    "How often the engine's /v1/models is checked, so a restarted engine gets its adapters back. Default: 10s")
    Duration reconcilePeriod;

    @Option(
            names = "--poll-period",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_POLL_PERIOD}",
            converter = DurationConverter.class,
            description = "How often the config file is re-read besides file-system events. Default: 1s")
    Duration pollPeriod;

    @Option(
            names = "--debounce",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_DEBOUNCE}",
            converter = DurationConverter.class,
            description = "How long a changed config file must stay unchanged before it is applied. Default: 150ms")
    Duration debounce;

    @Option(
            names = "--backoff-initial",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_BACKOFF_INITIAL}",
            converter = DurationConverter.class,
            description = "First retry delay of a failing adapter (doubles per failure, with jitter). Default: 1s")
    Duration backoffInitial;

    @Option(
            names = "--backoff-max",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_BACKOFF_MAX}",
            converter = DurationConverter.class,
            description = "Longest retry delay. Default: 2m")
    Duration backoffMax;

    @Option(
            names = "--engine-timeout",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_ENGINE_TIMEOUT}",
            converter = DurationConverter.class,
            description = "Timeout of one request to the engine. Default: 60s")
    Duration engineTimeout;

    @Option(
            names = "--fetch-threads",
            paramLabel = "N",
            defaultValue = "${env:ADAPTER_SYNC_FETCH_THREADS}",
            description = "Adapters downloaded at once. Default: 4")
    Integer fetchThreads;

    @Option(
            names = "--strict-readiness",
            negatable = true,
            defaultValue = "${env:ADAPTER_SYNC_STRICT_READINESS}",
            description = "Not ready whenever any wanted adapter is missing. By default readiness waits for all "
                    + "adapters only until they first load (and again after an engine restart), so adding an "
                    + "adapter does not take every replica out of service at once.")
    Boolean strictReadiness;

    @Option(
            names = "--initial-adapter-wait",
            paramLabel = "DURATION",
            defaultValue = "${env:ADAPTER_SYNC_INITIAL_ADAPTER_WAIT}",
            converter = DurationConverter.class,
            description = "How long a starting pod stays not ready while its adapters download (failing adapters "
                    + "never hold it). Default: 60s")
    Duration initialAdapterWait;

    @Option(
            names = "--configmap",
            paramLabel = "NAME",
            defaultValue = "${env:ADAPTER_SYNC_CONFIGMAP}",
            description = "Watch this ConfigMap through the API server (changes arrive in about a second instead "
                    + "of the kubelet's minute); the mounted --config file is the fallback. Default: none")
    String configMap;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            defaultValue = "${env:POD_NAMESPACE}",
            description = "The pod's namespace. Default: $POD_NAMESPACE, else the service account's")
    String namespace;

    @Option(
            names = "--pod-name",
            paramLabel = "NAME",
            defaultValue = "${env:POD_NAME}",
            description = "Post Kubernetes Events about adapters on this pod. Default: $POD_NAME, else no Events")
    String podName;

    @Option(
            names = "--pod-uid",
            paramLabel = "UID",
            defaultValue = "${env:POD_UID}",
            description = "The pod's uid, so that kubectl describe pod shows the Events. Default: $POD_UID")
    String podUid;

    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            defaultValue = "${env:ADAPTER_SYNC_LOG_FORMAT:-text}",
            converter = LogFormatConverter.class,
            description = "Log lines as text or as JSON objects. Default: text")
    Log.Format logFormat;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AdapterSyncCommand());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 3);
        return cli;
    }

    Settings settings() {
        try {
            return Settings.builder()
                    .configFile(config)
                    .engine(engine)
                    .adaptersDir(adaptersDir)
                    .listen(listen)
                    .reconcilePeriod(reconcilePeriod)
                    .pollPeriod(pollPeriod)
                    .debounce(debounce)
                    .backoffInitial(backoffInitial)
                    .backoffMax(backoffMax)
                    .engineTimeout(engineTimeout)
                    .fetchThreads(fetchThreads)
                    .strictReadiness(strictReadiness)
                    .initialAdapterWait(initialAdapterWait)
                    .configMap(configMap)
                    .namespace(namespace)
                    .podName(podName)
                    .podUid(podUid)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Log.configure(logFormat, System.err);
        Settings settings = settings();
        CountDownLatch stopped = new CountDownLatch(1);
        AdapterSync sync;
        try {
            sync = AdapterSync.start(settings, new LoaderFetcher(LoaderEnv.system()));
        } catch (IOException e) {
            Log.error("cannot start", "error", e.getMessage());
            return 3;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            Log.info("stopping; loaded adapters stay loaded");
                            sync.close();
                            stopped.countDown();
                        },
                        "adapter-sync-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT10S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's':
                        return Duration.ofSeconds(n);
                    case 'm':
                        return Duration.ofMinutes(n);
                    case 'h':
                        return Duration.ofHours(n);
                    default:
                        break;
                }
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use e.g. 500ms, 10s, 2m");
        }
    }

    /** {@code HOST:PORT} or {@code :PORT} (all interfaces). */
    static final class ListenConverter implements CommandLine.ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            int colon = value.lastIndexOf(':');
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                String host = colon <= 0
                        ? "0.0.0.0"
                        : value.substring(0, colon).replace("[", "").replace("]", "");
                return new InetSocketAddress(host, port);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not HOST:PORT");
            }
        }
    }

    /** {@code text} or {@code json}. */
    static final class LogFormatConverter implements CommandLine.ITypeConverter<Log.Format> {
        @Override
        public Log.Format convert(String value) {
            try {
                return Log.Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a log format: use text or json");
            }
        }
    }
}
