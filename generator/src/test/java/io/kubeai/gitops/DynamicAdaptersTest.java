package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void staticLoading_keepsLoraModules() throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("models/llama.yaml"),
                "kind: Model\nmetadata:\n  name: llama\nspec:\n"
                        + "  url: hf://org/llama\n  adapterLoading: Static\n  adapters:\n  - name: a\n    url: hf://org/a\n");
        new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(file("deployment.yaml"))
                .contains("--lora-modules", "llama_a=/adapters/a")
                .doesNotContain("adapter-sync");
        assertThat(repo.resolve("rendered/models/llama/configmap-adapters.yaml"))
                .doesNotExist();
    }
}
