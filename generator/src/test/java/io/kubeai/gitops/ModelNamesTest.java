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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Model's name is what clients ask for, exactly as written; its Kubernetes objects get names derived from
 * it that every kind accepts. Every rendered tree here is validated strictly and built with kustomize.
 */
class ModelNamesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path repo;

    @Test
    void dottedName_isServedAsWritten_andItsObjectsUseDashes() throws Exception {
        model("llama-3.1-8b", "  adapters:\n  - {name: sql, url: hf://org/sql-lora}\n  adapterLoading: Static\n");
        generateCleanly();

        JsonNode deployment = read("models/llama-3.1-8b/deployment.yaml");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("llama-3-1-8b");
        assertThat(deployment
                        .at("/spec/template/metadata/labels/kubeai.org~1model")
                        .asText())
                .isEqualTo("llama-3.1-8b");
        assertThat(args(deployment)).contains("--served-model-name=llama-3.1-8b", "llama-3.1-8b_sql=/adapters/sql");
        JsonNode service = read("models/llama-3.1-8b/service.yaml");
        assertThat(service.at("/metadata/name").asText()).isEqualTo("llama-3-1-8b");
        assertThat(service.at("/spec/selector/kubeai.org~1model").asText()).isEqualTo("llama-3.1-8b");
    }

    @Test
    void digitFirstName_getsALetterFirst_whereKubernetesNeedsOne() throws Exception {
        model("3b-chat", "");
        model("1.5", "");
        generateCleanly();

        assertThat(read("models/3b-chat/service.yaml").at("/metadata/name").asText())
                .isEqualTo("m-3b-chat");
        JsonNode deployment = read("models/1.5/deployment.yaml");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("m-1-5");
        assertThat(deployment.at("/metadata/labels/kubeai.org~1model").textValue())
                .isEqualTo("1.5");
        assertThat(args(deployment)).contains("--served-model-name=1.5");
    }

    @Test
    void fortyCharacterName_rendersEveryObjectWithinTheLimits() throws Exception {
        String name = "9" + "a.".repeat(19) + "b";
        Files.writeString(
                repo.resolve("kubeai.yaml"),
                "models:\n  cache:\n    profiles:\n      Disk: {staticVolume: {storageClass: hyperdisk-ml}}\n");
        model(
                name,
                "  cacheProfile: Disk\n  minReplicas: 1\n  maxReplicas: 3\n  files:\n"
                        + "  - {path: /config/a.json, content: '{}'}\n");
        generateCleanly();

        try (Stream<Path> files = Files.walk(repo.resolve("rendered/models/" + name))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                String objectName =
                        YAML.readTree(file.toFile()).at("/metadata/name").asText();
                assertThat(objectName)
                        .as(file.toString())
                        .hasSizeLessThanOrEqualTo(63)
                        .matches("[a-z]([-a-z0-9]*[a-z0-9])?");
            }
        }
    }

    @Test
    void nameOverFortyCharacters_isAnError() throws Exception {
        model("a".repeat(41), "");

        assertThat(errors())
                .singleElement()
                .asString()
                .contains("Model name '" + "a".repeat(41) + "' is not valid: use at most 40");
    }

    @Test
    void modelsWhoseObjectNamesCollide_areAnError_namingBoth() throws Exception {
        model("llama-3.1", "");
        model("llama-3-1", "");

        assertThat(errors())
                .singleElement()
                .asString()
                .contains("Models 'llama-3.1' and 'llama-3-1' (defined at models/llama-3-1.yaml:4:9)")
                .contains("would both be named 'llama-3-1' in Kubernetes");
    }

    @Test
    void digitFirstNameAndItsPrefixedTwin_collide() throws Exception {
        model("3b", "");
        model("m-3b", "");

        assertThat(errors()).singleElement().asString().contains("would both be named 'm-3b'");
    }

    @Test
    void namesKubernetesRefuses_areErrors() throws Exception {
        model("llama..8b", "");
        model("-llama", "");
        model("Llama", "");

        assertThat(errors()).hasSize(3).allMatch(e -> e.contains("is not valid"));
    }

    private void model(String name, String extra) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("models/" + name + ".yaml"),
                "apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: \"" + name + "\"\nspec:\n"
                        + "  url: hf://org/model\n  engine: VLLM\n" + extra);
    }

    private void generateCleanly() throws Exception {
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
    }

    private List<String> errors() throws IOException {
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(repo.resolve("rendered")).doesNotExist();
        return result.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
    }

    private JsonNode read(String file) throws IOException {
        return YAML.readTree(repo.resolve("rendered").resolve(file).toFile());
    }

    private static List<String> args(JsonNode deployment) {
        return YAML.convertValue(
                deployment.at("/spec/template/spec/containers/0/args"),
                YAML.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
