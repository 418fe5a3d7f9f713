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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Model and kubeai.yaml fields that shape the pods: metadata, files, ServiceAccount, pull secrets. */
class ModelPodFieldsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String MODEL = "apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: m\n%s"
            + "spec:\n  url: hf://org/m\n  engine: VLLM\n%s";

    @TempDir
    Path repo;

    @Test
    void modelLabelsAndAnnotations_reachThePods_butNotTheToolsOnes() throws Exception {
        JsonNode pod = deployment(
                        "",
                        "  labels: {team: search, kubeai.org/model: spoofed}\n"
                                + "  annotations:\n    prometheus.io/scrape: \"true\"\n"
                                + "    kubectl.kubernetes.io/last-applied-configuration: '{}'\n"
                                + "    argocd.argoproj.io/tracking-id: app:kubeai.org/Model:ns/m\n",
                        "")
                .at("/spec/template/metadata");

        assertThat(pod.at("/labels/team").asText()).isEqualTo("search");
        assertThat(pod.at("/labels/kubeai.org~1model").asText()).isEqualTo("m");
        assertThat(pod.at("/annotations/prometheus.io~1scrape").asText()).isEqualTo("true");
        assertThat(pod.at("/annotations").has("kubectl.kubernetes.io/last-applied-configuration"))
                .isFalse();
        assertThat(pod.at("/annotations").has("argocd.argoproj.io/tracking-id")).isFalse();
    }

    @Test
    void changedFile_changesThePodTemplate_soThePodsRoll() throws Exception {
        String before = filesHash("{a: 1}");
        String same = filesHash("{a: 1}");
        String after = filesHash("{a: 2}");

        assertThat(before).hasSize(16).isEqualTo(same).isNotEqualTo(after);
    }

    @Test
    void modelWithoutFiles_hasNoFilesHash() throws Exception {
        assertThat(deployment("", "", "")
                        .at("/spec/template/metadata/annotations")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void serviceAccountAndPullSecrets_fromKubeaiYaml_reachEveryPod_andTheModelsOwnComeFirst() throws Exception {
        String config = "modelServiceAccount: {name: models-irsa}\n"
                + "imagePullSecrets: [{name: mirror}]\n"
                + "models: {cache: {defaultProfile: Fs, profiles: {Fs: {sharedFilesystem: {storageClass: efs}}}}}\n";
        JsonNode own = deployment(
                        config, "", "  serviceAccountName: llama-reader\n  imagePullSecrets: [{name: private}]\n")
                .at("/spec/template/spec");

        assertThat(own.at("/serviceAccountName").asText()).isEqualTo("llama-reader");
        assertThat(own.at("/imagePullSecrets/0/name").asText()).isEqualTo("private");
        assertThat(own.at("/imagePullSecrets/1/name").asText()).isEqualTo("mirror");
        try (var files = Files.walk(repo.resolve("rendered/caches"))) {
            Path job = files.filter(f -> f.getFileName().toString().startsWith("job-"))
                    .findFirst()
                    .orElseThrow();
            JsonNode loader = YAML.readTree(job.toFile()).at("/spec/template/spec");
            assertThat(loader.at("/serviceAccountName").asText()).isEqualTo("models-irsa");
            assertThat(loader.at("/imagePullSecrets/0/name").asText()).isEqualTo("mirror");
        }
    }

    @Test
    void noServiceAccountAnywhere_leavesTheNamespacesDefault() throws Exception {
        assertThat(deployment("", "", "").at("/spec/template/spec").has("serviceAccountName"))
                .isFalse();
    }

    private String filesHash(String content) throws Exception {
        return deployment("", "", "  files:\n  - {path: /config/a.yaml, content: '" + content + "'}\n")
                .at("/spec/template/metadata/annotations/kubeai.org~1files-hash")
                .asText();
    }

    private JsonNode deployment(String kubeaiYaml, String metadata, String spec) throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), kubeaiYaml);
        Files.writeString(repo.resolve("models/m.yaml"), String.format(MODEL, metadata, spec));
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
        return read("models/m/deployment.yaml");
    }

    private JsonNode read(String file) throws IOException {
        return YAML.readTree(repo.resolve("rendered").resolve(file).toFile());
    }
}
