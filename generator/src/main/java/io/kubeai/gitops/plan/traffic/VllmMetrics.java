package io.kubeai.gitops.plan.traffic;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names vLLM publishes, per release line, so the queries KEDA runs and the names the
 * endpoint picker scrapes exist in the engine version we render. Derived from vLLM's source:
 *
 * <ul>
 *   <li>before 0.9: {@code vllm/engine/metrics.py}, class {@code Metrics} of the 0.6 line (the
 *       VllmConfig-based one with multiprocess modes), which the v1 metrics design document
 *       ({@code docs/source/design/v1/metrics.md}) lists as "v0 Metrics";
 *   <li>0.9 and later: {@code vllm/v1/metrics/loggers.py}, {@code PrometheusStatLogger} at commit
 *       005a810b (the 0.10 line), whose comment says {@code vllm:gpu_cache_usage_perc} was "Deprecated in
 *       0.9 - Renamed as vllm:kv_cache_usage_perc".
 * </ul>
 *
 * Only the names this project reads are listed; each line lists what its source defines.
 */
public final class VllmMetrics {
    public static final String RUNNING = "vllm:num_requests_running";
    public static final String WAITING = "vllm:num_requests_waiting";
    public static final String KV_CACHE_USAGE = "vllm:kv_cache_usage_perc";
    public static final String GPU_CACHE_USAGE = "vllm:gpu_cache_usage_perc";
    public static final String LORA_INFO = "vllm:lora_requests_info";
    public static final String CACHE_CONFIG_INFO = "vllm:cache_config_info";

    /**
     * One release line.
     *
     * @param major   the first version of the line, major part
     * @param minor   the first version of the line, minor part
     * @param source  the file and revision the names were read from
     * @param names   the metric names the line publishes
     * @param kvUsage the KV-cache utilisation gauge of the line
     */
    public record Line(int major, int minor, String source, Set<String> names, String kvUsage) {
        public Line {
            names = Set.copyOf(names);
        }

        boolean includes(int major, int minor) {
            return major > this.major || (major == this.major && minor >= this.minor);
        }

        @Override
        public String toString() {
            return "vLLM " + major + "." + minor + "+ (" + source + ")";
        }
    }

    public static final Line V0_ENGINE = new Line(
            0,
            6,
            "vllm/engine/metrics.py, class Metrics (0.6 line)",
            Set.of(
                    RUNNING,
                    WAITING,
                    GPU_CACHE_USAGE,
                    "vllm:cpu_cache_usage_perc",
                    "vllm:num_requests_swapped",
                    LORA_INFO,
                    CACHE_CONFIG_INFO),
            GPU_CACHE_USAGE);
    public static final Line V1_ENGINE = new Line(
            0,
            9,
            "vllm/v1/metrics/loggers.py, PrometheusStatLogger (commit 005a810b, 0.10 line)",
            Set.of(
                    RUNNING,
                    WAITING,
                    KV_CACHE_USAGE,
                    GPU_CACHE_USAGE,
                    "vllm:prefix_cache_queries",
                    "vllm:prefix_cache_hits",
                    LORA_INFO,
                    CACHE_CONFIG_INFO),
            KV_CACHE_USAGE);
    /** Newest first. */
    public static final List<Line> LINES = List.of(V1_ENGINE, V0_ENGINE);

    /** vLLM 0.9.0 was released on 2025-05-15: nightlies built after it carry the renamed gauge. */
    private static final int V1_NAMES_NIGHTLY_FROM = 20250515;

    private static final Pattern SEMVER = Pattern.compile("^v?(\\d+)\\.(\\d+).*");
    private static final Pattern NIGHTLY = Pattern.compile(".*nightly\\D*(\\d{8}).*");

    private VllmMetrics() {}

    /** The line an image's tag belongs to; empty when the tag says no version (e.g. latest). */
    public static java.util.Optional<Line> forImage(String image) {
        String tag = tag(image);
        Matcher semver = SEMVER.matcher(tag);
        if (semver.matches()) {
            int major = Integer.parseInt(semver.group(1));
            int minor = Integer.parseInt(semver.group(2));
            return java.util.Optional.of(lineOf(major, minor));
        }
        Matcher nightly = NIGHTLY.matcher(tag);
        if (nightly.matches()) {
            return java.util.Optional.of(
                    Integer.parseInt(nightly.group(1)) >= V1_NAMES_NIGHTLY_FROM ? V1_ENGINE : V0_ENGINE);
        }
        return java.util.Optional.empty();
    }

    /** The line of an image, or the newest one when its tag says no version. */
    public static Line forImageOrNewest(String image) {
        return forImage(image).orElse(LINES.get(0));
    }

    static Line lineOf(int major, int minor) {
        for (Line line : LINES) {
            if (line.includes(major, minor)) {
                return line;
            }
        }
        return V0_ENGINE;
    }

    private static String tag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(colon + 1) : "";
    }
}
