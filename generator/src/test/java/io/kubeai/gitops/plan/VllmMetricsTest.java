package io.kubeai.gitops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.plan.traffic.PickerConfig;
import io.kubeai.gitops.plan.traffic.RequestScaling;
import io.kubeai.gitops.plan.traffic.VllmMetrics;
import io.kubeai.gitops.testing.TreeDiff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The metric names the generator makes KEDA query and the endpoint picker scrape exist in the vLLM
 * version of every image it renders, per the table derived from vLLM's source.
 */
class VllmMetricsTest {
    private static final Pattern VLLM_METRIC = Pattern.compile("vllm:[a-z_]+");

    @Test
    void everyBuiltInVllmImage_hasAKnownVersion_andPublishesWhatWeQuery() throws IOException {
        List<String> images = builtInVllmImages();
        assertThat(images).isNotEmpty();
        for (String image : images) {
            VllmMetrics.Line line = VllmMetrics.forImage(image)
                    .orElseThrow(() ->
                            new AssertionError("no vLLM version in the tag of " + image + "; add it to VllmMetrics"));
            assertThat(metricsIn(RequestScaling.inFlightQuery("m", "ns")))
                    .as("KEDA's query for %s (%s)", image, line)
                    .isNotEmpty()
                    .allMatch(line.names()::contains);
            assertThat(PickerConfig.metricNames(line))
                    .as("endpoint picker's metrics for %s (%s)", image, line)
                    .allMatch(line.names()::contains);
        }
    }

    @Test
    void theKvCacheGauge_followsVllmsRenameIn0_9() {
        assertThat(VllmMetrics.forImage("vllm/vllm-openai:v0.10.1.1")
                        .orElseThrow()
                        .kvUsage())
                .isEqualTo("vllm:kv_cache_usage_perc");
        assertThat(VllmMetrics.forImage("vllm/vllm-openai:v0.9.0").orElseThrow().kvUsage())
                .isEqualTo("vllm:kv_cache_usage_perc");
        assertThat(VllmMetrics.forImage("substratusai/vllm:v0.6.3.post1-cpu")
                        .orElseThrow()
                        .kvUsage())
                .isEqualTo("vllm:gpu_cache_usage_perc");
        assertThat(VllmMetrics.forImage("substratusai/vllm-rocm:nightly_main_20250120")
                        .orElseThrow()
                        .kvUsage())
                .isEqualTo("vllm:gpu_cache_usage_perc");
        assertThat(VllmMetrics.forImage("registry:5000/vllm/vllm-openai:latest"))
                .isEmpty();
        assertThat(VllmMetrics.forImage("vllm/vllm-openai@sha256:abc")).isEmpty();
    }

    /** Every vLLM metric named in a rendered ScaledObject or picker config exists for that Model's image. */
    @Test
    void renderedQueriesAndPickerConfigs_nameOnlyMetricsOfTheirImagesVersion() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        Path golden = Path.of("src/test/resources/golden/gateway-keda/expected/models");
        int checked = 0;
        try (Stream<Path> dirs = Files.list(golden)) {
            for (Path dir : dirs.sorted().toList()) {
                Map<String, String> files = TreeDiff.read(dir);
                JsonNode deployment = yaml.readTree(files.get("deployment.yaml"));
                String image =
                        deployment.at("/spec/template/spec/containers/0/image").asText();
                if (!files.containsKey("epp-configmap.yaml")) {
                    continue;
                }
                VllmMetrics.Line line = VllmMetrics.forImageOrNewest(image);
                List<String> used = new ArrayList<>(metricsIn(yaml.readTree(files.get("epp-configmap.yaml"))
                        .at("/data/config.yaml")
                        .asText()));
                if (files.containsKey("scaledobject.yaml")) {
                    for (JsonNode trigger :
                            yaml.readTree(files.get("scaledobject.yaml")).at("/spec/triggers")) {
                        used.addAll(metricsIn(trigger.at("/metadata/query").asText()));
                    }
                }
                assertThat(used)
                        .as("%s (%s, %s)", dir.getFileName(), image, line)
                        .isNotEmpty()
                        .allMatch(line.names()::contains);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    private static List<String> metricsIn(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = VLLM_METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static List<String> builtInVllmImages() throws IOException {
        try (InputStream in =
                VllmMetricsTest.class.getClassLoader().getResourceAsStream("profiles/model-servers.yaml")) {
            assertThat(in).as("profiles/model-servers.yaml on the classpath").isNotNull();
            JsonNode images = new YAMLMapper().readTree(in).at("/modelServers/VLLM/images");
            List<String> result = new ArrayList<>();
            images.fields().forEachRemaining(e -> result.add(e.getValue().asText()));
            return result;
        }
    }
}
