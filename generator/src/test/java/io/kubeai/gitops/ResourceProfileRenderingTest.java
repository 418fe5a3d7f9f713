package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What KubeAI's catalog entries ask of a node once rendered: what KubeAI's own chart would ask. */
class ResourceProfileRenderingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path repo;

    @Test
    void tpuSliceOfFourUnits_asksForItsFourChips() throws Exception {
        JsonNode pod = render("", "google-tpu-v5e-2x2:4");

        assertThat(pod.at("/containers/0/resources/limits/google.com~1tpu").asText())
                .isEqualTo("4");
        assertThat(pod.at("/nodeSelector/cloud.google.com~1gke-tpu-topology").asText())
                .isEqualTo("2x2");
    }

    @Test
    void eightA100s_askForTheGpusOnly_soTheyFitOnTheMachineThatHasThem() throws Exception {
        JsonNode resources = render("", "nvidia-gpu-a100-80gb:8").at("/containers/0/resources");

        assertThat(resources.at("/limits/nvidia.com~1gpu").asText()).isEqualTo("8");
        assertThat(resources.at("/requests/cpu").isMissingNode()).isTrue();
        assertThat(resources.at("/requests/memory").isMissingNode()).isTrue();
    }

    @Test
    void builtInGpuProfile_rendersNoNodeSelector_andKubeAIsToleration() throws Exception {
        JsonNode pod = render("", "nvidia-gpu-l4:1");

        assertThat(pod.has("nodeSelector")).isFalse();
        assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Equal");
        assertThat(pod.at("/tolerations/0/value").asText()).isEqualTo("present");
    }

    @Test
    void gkeOverlay_selectsTheAcceleratorNodes() throws Exception {
        JsonNode pod = render("overlays: [gke]\n", "nvidia-gpu-l4:2");

        assertThat(pod.at("/nodeSelector/cloud.google.com~1gke-accelerator").asText())
                .isEqualTo("nvidia-l4");
        assertThat(pod.at("/containers/0/resources/requests/cpu").asText()).isEqualTo("12");
    }

    private JsonNode render(String kubeaiYaml, String resourceProfile) throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), kubeaiYaml);
        Files.writeString(
                repo.resolve("models/m.yaml"),
                "apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n"
                        + "  engine: VLLM\n  features: [TextGeneration]\n  resourceProfile: " + resourceProfile + "\n");
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
        return YAML.readTree(repo.resolve("rendered/models/m/deployment.yaml").toFile())
                .at("/spec/template/spec");
    }
}
