package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options a load and a publish share; unset ones keep {@link TransferOptions#DEFAULTS}. */
final class TransferMixin {
    @Option(
            names = {"-c", "--concurrency"},
            paramLabel = "N",
            description = "Requests in flight at once, across files and parts (default: 2 per core, 4 to 8).")
    Integer concurrency;

    @Option(
            names = "--part-size",
            paramLabel = "SIZE",
            converter = Values.SizeConverter.class,
            description =
                    "Size of a ranged part, e.g. 16MiB (default 64MiB into a directory, 16MiB into s3://, where at least 5MiB).")
    Long partSize;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            description = "Attempts per request before the run fails (default 6).")
    Integer maxAttempts;

    @Option(
            names = "--backoff",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "First retry backoff ceiling; doubles per attempt, with full jitter (default 1s).")
    Duration backoff;

    @Option(
            names = "--max-backoff",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "Largest backoff ceiling (default 30s).")
    Duration maxBackoff;

    @Option(
            names = "--max-retry-after",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "Longest Retry-After the loader honours before failing (default 5m).")
    Duration maxRetryAfter;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "Connect timeout of one request (default 15s).")
    Duration connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "How long a request may wait for bytes (default 60s).")
    Duration readTimeout;

    @Option(
            names = "--progress",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Progress and log format: text, json or none (default text).")
    String progress;

    @Option(
            names = "--progress-interval",
            paramLabel = "DURATION",
            converter = Values.DurationConverter.class,
            description = "How often a progress line is printed (default 5s).")
    Duration progressInterval;

    TransferOptions options() {
        TransferOptions d = TransferOptions.DEFAULTS;
        RetryPolicy r = d.retry();
        RetryPolicy retry = new RetryPolicy(
                or(maxAttempts, r.maxAttempts()),
                or(backoff, r.initialBackoff()),
                or(maxBackoff, r.maxBackoff()),
                or(maxRetryAfter, r.maxRetryAfter()));
        return new TransferOptions(
                or(concurrency, d.concurrency()),
                or(partSize, d.partSize()),
                retry,
                or(connectTimeout, d.connectTimeout()),
                or(readTimeout, d.readTimeout()),
                or(progressInterval, d.progressInterval()));
    }

    Output.Mode mode() {
        return switch (progress.toLowerCase(Locale.ROOT)) {
            case "text" -> Output.Mode.TEXT;
            case "json" -> Output.Mode.JSON;
            case "none" -> Output.Mode.NONE;
            default ->
                throw new IllegalArgumentException("--progress must be text, json or none, not '" + progress + "'");
        };
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
