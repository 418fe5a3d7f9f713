package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With dynamic loading, the adapter list lives in a ConfigMap and never in the pod template. */
class DynamicAdaptersTest {
    @TempDir
    Path repo;

    private static final String CONFIG = "models:\n  cache:\n    profiles:\n      EFS:\n        sharedFilesystem:\n"
            + "          storageClass: efs\n";

    private GenerateResult render(String cacheProfile, String... adapters) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), CONFIG);
        StringBuilder model = new StringBuilder("kind: Model\nmetadata:\n  name: llama\nspec:\n  url: hf://org/llama\n"
                + "  cacheProfile: " + cacheProfile + "\n  adapters:\n");
        for (String a : adapters) {
            model.append("  - name: ")
                    .append(a)
                    .append("\n    url: s3://adapters/")
                    .append(a)
                    .append('\n');
        }
        Files.writeString(repo.resolve("models/llama.yaml"), model.toString());
        return new Generator().generate(GenerateRequest.builder(repo).build());
    }

    private String file(String path) throws IOException {
        return Files.readString(repo.resolve("rendered/models/llama/" + path));
    }

    @Test
    void addingAnAdapter_changesTheConfigMap_andLeavesTheDeploymentBytesIdentical() throws Exception {
        for (String profile : new String[] {"None", "EFS"}) {
            render(profile, "sarcasm");
            String deployment = file("deployment.yaml");
            String configMap = file("configmap-adapters.yaml");

            GenerateResult second = render(profile, "sarcasm", "support");

            assertThat(file("deployment.yaml")).as(profile).isEqualTo(deployment);
            assertThat(file("configmap-adapters.yaml")).isNotEqualTo(configMap).contains("support");
            assertThat(second.written())
                    .contains("models/llama/configmap-adapters.yaml")
                    .doesNotContain("models/llama/deployment.yaml");
            RenderedTreeChecks.assertValid(repo.resolve("rendered"));
        }
    }

    @Test
    void dynamicServer_getsRuntimeLoraFlags_andANativeSidecar() throws Exception {
        render("None", "sarcasm");
        String deployment = file("deployment.yaml");
        assertThat(deployment)
                .contains(
                        "--enable-lora",
                        "--max-loras=4",
                        "--max-lora-rank=64",
                        "VLLM_ALLOW_RUNTIME_LORA_UPDATING",
                        "name: adapter-sync",
                        "restartPolicy: Always",
                        "path: /readyz")
                .doesNotContain("--lora-modules");
        assertThat(file("configmap-adapters.yaml")).contains("\"name\" : \"sarcasm\"", "s3://adapters/sarcasm");
    }

    @Test
    void dynamicServer_watchesItsConfigMapThroughTheApi_withATokenOnlyTheSidecarMounts() throws Exception {
        render("None", "sarcasm");
        JsonNode pod = yaml(file("deployment.yaml")).at("/spec/template/spec");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("llama-adapter-sync");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sidecar = pod.path("initContainers").get(0);
        assertThat(sidecar.path("name").asText()).isEqualTo("adapter-sync");
        assertThat(texts(sidecar.path("args"))).contains("--configmap=llama-adapters");
        assertThat(sidecar.path("env").findValuesAsText("fieldPath"))
                .containsExactly("metadata.namespace", "metadata.name", "metadata.uid");
        assertThat(sidecar.path("volumeMounts").findValuesAsText("mountPath"))
                .contains("/var/run/secrets/kubernetes.io/serviceaccount");
        JsonNode server = pod.path("containers").get(0);
        assertThat(server.path("volumeMounts").findValuesAsText("name")).doesNotContain("kube-api-access");

        JsonNode account = yaml(file("adapter-sync-serviceaccount.yaml"));
        assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode role = yaml(file("adapter-sync-role.yaml"));
        assertThat(role.at("/rules/0/resourceNames")).hasSize(1);
        assertThat(role.at("/rules/0/resourceNames/0").asText()).isEqualTo("llama-adapters");
        assertThat(texts(role.at("/rules/0/verbs"))).containsExactly("get", "list", "watch");
        assertThat(texts(role.at("/rules/1/resources"))).containsExactly("events");
        assertThat(texts(role.at("/rules/1/verbs"))).containsExactly("create");
        JsonNode binding = yaml(file("adapter-sync-rolebinding.yaml"));
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("llama-adapter-sync");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo("llama-adapter-sync");
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
    }

    @Test
    void aModelsOwnServiceAccount_keepsThePod_andTheRoleIsBoundToIt() throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), "modelServiceAccount: {name: models-irsa}\n");
        Files.writeString(
                repo.resolve("models/llama.yaml"),
                "kind: Model\nmetadata:\n  name: llama\nspec:\n  url: hf://org/llama\n  adapters:\n"
                        + "  - name: a\n    url: hf://org/a\n");
        new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(yaml(file("deployment.yaml"))
                        .at("/spec/template/spec/serviceAccountName")
                        .asText())
                .isEqualTo("models-irsa");
        assertThat(yaml(file("adapter-sync-rolebinding.yaml"))
                        .at("/subjects/0/name")
                        .asText())
                .isEqualTo("models-irsa");
        assertThat(repo.resolve("rendered/models/llama/adapter-sync-serviceaccount.yaml"))
                .doesNotExist();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
    }

    @Test
    void readinessSettings_ofKubeaiYaml_becomeTheSidecarsArguments() throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("kubeai.yaml"), "adapterSync:\n  strictReadiness: true\n  initialAdapterWait: 5m\n");
        Files.writeString(
                repo.resolve("models/llama.yaml"),
                "kind: Model\nmetadata:\n  name: llama\nspec:\n  url: hf://org/llama\n  adapters:\n"
                        + "  - name: a\n    url: hf://org/a\n");
        new Generator().generate(GenerateRequest.builder(repo).build());
        JsonNode sidecar = yaml(file("deployment.yaml")).at("/spec/template/spec/initContainers/0");
        assertThat(texts(sidecar.path("args"))).contains("--initial-adapter-wait=5m", "--strict-readiness");
    }

    @Test
    void initialAdapterWait_thatIsNoDuration_isAnErrorAtItsLine() throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), "adapterSync:\n  initialAdapterWait: soon\n");
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics())
                .extracting(io.kubeai.gitops.api.diagnostic.Diagnostic::format)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("kubeai.yaml:2:23: error: 'initialAdapterWait' 'soon' is not a duration"));
    }

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void staticLoading_keepsLoraModules() throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("models/llama.yaml"),
                "kind: Model\nmetadata:\n  name: llama\nspec:\n"
                        + "  url: hf://org/llama\n  adapterLoading: Static\n  adapters:\n  - name: a\n    url: hf://org/a\n");
        new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(file("deployment.yaml"))
                .contains("--lora-modules", "llama_a=/adapters/a")
                .doesNotContain("adapter-sync", "serviceAccountName", "automountServiceAccountToken");
        assertThat(repo.resolve("rendered/models/llama/configmap-adapters.yaml"))
                .doesNotExist();
        assertThat(repo.resolve("rendered/models/llama/adapter-sync-role.yaml")).doesNotExist();
    }
}
