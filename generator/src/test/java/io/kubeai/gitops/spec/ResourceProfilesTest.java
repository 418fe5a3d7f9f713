package io.kubeai.gitops.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in resource profiles and overlays against KubeAI's own Helm values files (test data fetched
 * from substratusai/kubeai): a profile here must ask for what KubeAI's chart, installed with the same
 * values files, would ask for. KubeAI's values are merged here as Helm does, independently of the
 * generator's merge.
 */
class ResourceProfilesTest {
    private static final Path UPSTREAM = Path.of("src/test/resources/kubeai-upstream");
    /** KubeAI's default values.yaml, which the kubeai-catalog golden case reads as its kubeai.yaml. */
    private static final Path DEFAULT_VALUES = Path.of("src/test/resources/golden/kubeai-catalog/input/kubeai.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** KubeAI defines its TPU profiles in values-gke.yaml only; they are built in here (without Spot). */
    private static final List<String> BUILT_IN_BEYOND_KUBEAI_DEFAULTS =
            List.of("google-tpu-v5e-1x1", "google-tpu-v5e-2x2", "google-tpu-v5e-2x4");

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    @Test
    void everyBuiltInProfile_asksForWhatKubeAIsDefaultValuesAskFor() throws IOException {
        Map<String, ResourceProfile> ours = profiles("{}");
        Map<String, JsonNode> kubeai = kubeaiProfiles("values.yaml");

        assertThat(new TreeSet<>(ours.keySet()))
                .containsAll(kubeai.keySet())
                .containsAll(BUILT_IN_BEYOND_KUBEAI_DEFAULTS)
                .hasSize(kubeai.size() + BUILT_IN_BEYOND_KUBEAI_DEFAULTS.size());
        kubeai.forEach((name, theirs) -> assertSameProfile(ours.get(name), theirs));
    }

    @Test
    void builtInGpuProfiles_selectNoNodes_soTheyScheduleWithoutGpuFeatureDiscovery() {
        profiles("{}").values().stream()
                .filter(p -> !p.name().startsWith("google-tpu"))
                .forEach(p -> assertThat(p.nodeSelector()).as(p.name()).isEmpty());
    }

    @Test
    void builtInTpuProfiles_askForOneChipPerUnit_onTheirSlice() {
        Map<String, ResourceProfile> ours = profiles("{}");
        for (String name : BUILT_IN_BEYOND_KUBEAI_DEFAULTS) {
            ResourceProfile tpu = ours.get(name);
            assertThat(tpu.limits()).as(name).isEqualTo(Map.of("google.com/tpu", "1"));
            assertThat(tpu.imageName()).isEqualTo("google-tpu");
            assertThat(tpu.nodeSelector())
                    .containsEntry("cloud.google.com/gke-tpu-accelerator", "tpu-v5-lite-podslice")
                    .containsEntry("cloud.google.com/gke-tpu-topology", name.substring(name.lastIndexOf('-') + 1))
                    .doesNotContainKey("cloud.google.com/gke-spot");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gke", "eks", "amd-gpu-device-plugin", "nvidia-k8s-device-plugin"})
    void everyOverlay_givesWhatKubeAIsValuesFileOfThatNameGives(String overlay) throws IOException {
        Map<String, ResourceProfile> ours = profiles("overlays: [" + overlay + "]");
        Map<String, JsonNode> kubeai = kubeaiProfiles("values.yaml", "values-" + overlay + ".yaml");
        if (overlay.equals("nvidia-k8s-device-plugin")) {
            // KubeAI's rtx4090 has a selector and no GPU; ours asks for one, like every NVIDIA profile.
            ObjectNode rtx4090 = (ObjectNode) kubeai.get("nvidia-gpu-rtx4090-24gb");
            ObjectNode rtx4070 = kubeai.get("nvidia-gpu-rtx4070-8gb").deepCopy();
            rtx4070.remove("nodeSelector");
            rtx4090.setAll(rtx4070);
        }
        for (String name : kubeaiProfiles("values-" + overlay + ".yaml").keySet()) {
            assertSameProfile(ours.get(name), kubeai.get(name));
        }
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void aks_isTheDevicePluginOverlay_thatKubeAIsAksGuidePointsTo() {
        assertThat(profiles("overlays: [aks]")).isEqualTo(profiles("overlays: [nvidia-k8s-device-plugin]"));
    }

    @Test
    void ownProfile_mergesOverTheBuiltIn_keepingWhatItDoesNotSay() {
        ResourceProfile l4 = profiles(
                        "resourceProfiles:\n  nvidia-gpu-l4:\n    nodeSelector: {pool: gpu}\n    runtimeClassName: nvidia\n")
                .get("nvidia-gpu-l4");

        assertThat(l4.nodeSelector()).isEqualTo(Map.of("pool", "gpu"));
        assertThat(l4.runtimeClassName()).contains("nvidia");
        assertThat(l4.limits()).isEqualTo(Map.of("nvidia.com/gpu", "1"));
        assertThat(l4.requests()).containsEntry("cpu", "6");
        assertThat(l4.tolerations()).isPresent();
    }

    @Test
    void null_removesWhatALayerBelowSet_asInHelm() {
        ResourceProfile l4 = profiles("overlays: [gke]\n"
                        + "resourceProfiles:\n"
                        + "  nvidia-gpu-l4:\n"
                        + "    nodeSelector: {cloud.google.com/gke-spot: null}\n"
                        + "    tolerations: null\n")
                .get("nvidia-gpu-l4");

        assertThat(l4.nodeSelector()).isEqualTo(Map.of("cloud.google.com/gke-accelerator", "nvidia-l4"));
        assertThat(l4.tolerations()).isEmpty();
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void nullProfile_removesTheBuiltIn() {
        assertThat(profiles("resourceProfiles:\n  nvidia-gpu-t4: null\n")).doesNotContainKey("nvidia-gpu-t4");
    }

    @Test
    void lists_replaceRatherThanAppend() {
        ResourceProfile l4 = profiles(
                        "resourceProfiles:\n  nvidia-gpu-l4:\n    tolerations: [{key: gpu, operator: Exists}]\n")
                .get("nvidia-gpu-l4");

        assertThat(l4.tolerations().orElseThrow()).hasSize(1);
        assertThat(l4.tolerations().orElseThrow().get(0).get("key").asText()).isEqualTo("gpu");
    }

    @Test
    void laterOverlay_winsOverAnEarlierOne() {
        ResourceProfile l4 = profiles("overlays: [gke, eks]").get("nvidia-gpu-l4");

        assertThat(l4.nodeSelector())
                .containsEntry("cloud.google.com/gke-accelerator", "nvidia-l4")
                .containsEntry("karpenter.k8s.aws/instance-gpu-name", "l4");
    }

    @Test
    void newProfile_startsFromNothing() {
        ResourceProfile custom = profiles("resourceProfiles:\n  my-gpu:\n    limits: {custom.com/gpu: 1}\n")
                .get("my-gpu");

        assertThat(custom.imageName()).isEqualTo("default");
        assertThat(custom.limits()).isEqualTo(Map.of("custom.com/gpu", "1"));
        assertThat(custom.tolerations()).isEmpty();
    }

    @Test
    void unknownOverlay_isAnError_withTheNearestName() {
        profiles("overlays: [gkee, azure]");

        assertThat(diagnostics)
                .extracting(Diagnostic::format)
                .containsExactly(
                        "kubeai.yaml:1:12: error: unknown overlay 'gkee'; did you mean 'gke'?",
                        "kubeai.yaml:1:18: error: unknown overlay 'azure'; use aks, amd-gpu-device-plugin, eks, gke, "
                                + "nvidia-k8s-device-plugin");
    }

    @Test
    void wrongTypesInAProfile_areReportedAtTheirLine() {
        profiles("resourceProfiles:\n"
                + "  nvidia-gpu-l4:\n"
                + "    limits: {nvidia.com/gpu: [1]}\n"
                + "    tolerations: {key: gpu}\n"
                + "    nodeSelectr: {pool: gpu}\n");

        assertThat(diagnostics)
                .extracting(Diagnostic::format)
                .containsExactly(
                        "kubeai.yaml:3:30: error: 'limits.nvidia.com/gpu' must be a string, got a list",
                        "kubeai.yaml:4:18: error: 'tolerations' must be a list, got a mapping",
                        "kubeai.yaml:5:5: error: unknown field 'nodeSelectr'; did you mean 'nodeSelector'?");
    }

    private Map<String, ResourceProfile> profiles(String kubeaiYaml) {
        List<YamlDocument> docs = YamlFiles.parse("kubeai.yaml", kubeaiYaml, diagnostics);
        return new ConfigReader(diagnostics)
                .read(Optional.of(docs.get(0)), "kubeai.yaml")
                .resourceProfiles();
    }

    /** KubeAI's resourceProfiles after Helm merges the given values files in order. */
    private static Map<String, JsonNode> kubeaiProfiles(String... valuesFiles) throws IOException {
        ObjectNode merged = YAML.createObjectNode();
        for (String file : valuesFiles) {
            Path path = file.equals("values.yaml") ? DEFAULT_VALUES : UPSTREAM.resolve(file);
            JsonNode values = YAML.readTree(Files.readString(path));
            helmMerge(merged, (ObjectNode) values.get("resourceProfiles"));
        }
        Map<String, JsonNode> result = new TreeMap<>();
        merged.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static void helmMerge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            if (into.get(e.getKey()) instanceof ObjectNode a && e.getValue() instanceof ObjectNode b) {
                helmMerge(a, b);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static void assertSameProfile(ResourceProfile ours, JsonNode theirs) {
        assertThat(ours).as("profile missing").isNotNull();
        String name = ours.name();
        assertThat(ours.imageName())
                .as(name + " imageName")
                .isEqualTo(theirs.path("imageName").asText("default"));
        assertThat(ours.requests()).as(name + " requests").isEqualTo(strings(theirs.get("requests")));
        assertThat(ours.limits()).as(name + " limits").isEqualTo(strings(theirs.get("limits")));
        assertThat(ours.nodeSelector()).as(name + " nodeSelector").isEqualTo(strings(theirs.get("nodeSelector")));
        assertThat(ours.tolerations())
                .as(name + " tolerations")
                .isEqualTo(Optional.ofNullable(theirs.get("tolerations")));
        assertThat(ours.affinity()).as(name + " affinity").isEqualTo(Optional.ofNullable(theirs.get("affinity")));
        assertThat(ours.runtimeClassName())
                .as(name + " runtimeClassName")
                .isEqualTo(Optional.ofNullable(theirs.get("runtimeClassName")).map(JsonNode::asText));
        assertThat(ours.schedulerName())
                .as(name + " schedulerName")
                .isEqualTo(Optional.ofNullable(theirs.get("schedulerName")).map(JsonNode::asText));
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new TreeMap<>();
        if (map != null) {
            map.fields()
                    .forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        }
        return result;
    }
}
