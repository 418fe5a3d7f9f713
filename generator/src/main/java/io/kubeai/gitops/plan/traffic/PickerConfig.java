package io.kubeai.gitops.plan.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.spec.LoadBalancing;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint picker's EndpointPickerConfig for one Model: KubeAI's load-balancing strategy as the
 * picker's scorers, the metric names of the Model's vLLM version, and flow control, which holds requests
 * in the picker while the pool is saturated or has no pod yet.
 *
 * <p>KubeAI's LeastLoad picks the replica with the fewest requests in flight: the running-requests and
 * queue scorers, with KV-cache utilisation as a tie-breaker. PrefixHash sends equal prompt prefixes to the
 * same replica: the prefix-cache scorer, weighted above the load scorers as upstream's default does. A
 * Model with adapters adds the LoRA-affinity scorer, which prefers a pod that already holds the adapter.
 */
public final class PickerConfig {
    static final String API_VERSION = "inference.networking.x-k8s.io/v1alpha1";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private PickerConfig() {}

    /** The scorers (plugin type to weight, in order) a strategy maps to. */
    public static Map<String, Integer> scorers(String strategy, boolean adapters) {
        Map<String, Integer> scorers = new LinkedHashMap<>();
        if (strategy.equals(LoadBalancing.PREFIX_HASH)) {
            scorers.put("prefix-cache-scorer", 3);
            scorers.put("queue-scorer", 2);
            scorers.put("kv-cache-utilization-scorer", 2);
        } else {
            scorers.put("running-requests-size-scorer", 2);
            scorers.put("queue-scorer", 2);
            scorers.put("kv-cache-utilization-scorer", 1);
        }
        if (adapters) {
            scorers.put("lora-affinity-scorer", 1);
        }
        return scorers;
    }

    /** The configuration file's text. */
    public static String text(Map<String, Integer> scorers, VllmMetrics.Line metrics, boolean flowControl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", API_VERSION);
        config.put("kind", "EndpointPickerConfig");
        if (flowControl) {
            config.put("featureGates", List.of("flowControl"));
        }
        List<Object> plugins = new ArrayList<>();
        plugins.add(Map.of("type", "metrics-data-source"));
        plugins.add(extractor(metrics));
        scorers.keySet().forEach(type -> plugins.add(Map.of("type", type)));
        config.put("plugins", plugins);
        List<Object> profilePlugins = new ArrayList<>();
        scorers.forEach((type, weight) -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("pluginRef", type);
            ref.put("weight", weight);
            profilePlugins.add(ref);
        });
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", "default");
        profile.put("plugins", profilePlugins);
        config.put("schedulingProfiles", List.of(profile));
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** vLLM's metric names, written out so a vLLM older than the picker's defaults is still read right. */
    private static Map<String, Object> extractor(VllmMetrics.Line metrics) {
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("name", "vllm");
        engine.put("queuedRequestsSpec", VllmMetrics.WAITING);
        engine.put("runningRequestsSpec", VllmMetrics.RUNNING);
        engine.put("kvUsageSpec", metrics.kvUsage());
        engine.put("loraSpec", VllmMetrics.LORA_INFO);
        engine.put("cacheInfoSpec", VllmMetrics.CACHE_CONFIG_INFO);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("defaultEngine", "vllm");
        parameters.put("engineConfigs", List.of(engine));
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("type", "core-metrics-extractor");
        plugin.put("parameters", parameters);
        return plugin;
    }

    /** Every metric name the configuration makes the picker read, for checks against {@link VllmMetrics}. */
    public static List<String> metricNames(VllmMetrics.Line metrics) {
        return List.of(
                VllmMetrics.WAITING,
                VllmMetrics.RUNNING,
                metrics.kvUsage(),
                VllmMetrics.LORA_INFO,
                VllmMetrics.CACHE_CONFIG_INFO);
    }
}
