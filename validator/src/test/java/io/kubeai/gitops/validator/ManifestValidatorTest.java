package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public API end to end: every kind the generator renders, trees, files and formatting. */
class ManifestValidatorTest {
    private final ManifestValidator validator = SharedSchemas.validator();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "deployment.yaml",
                "service.yaml",
                "pvc.yaml",
                "loader-job.yaml",
                "configmap.yaml",
                "networkpolicy.yaml",
                "volumesnapshot.yaml",
                "application.yaml",
                "applicationset.yaml",
                "flux.yaml",
                "kustomization.yaml"
            })
    void everyKindTheGeneratorRenders_passesWhenValid(String file) throws IOException {
        assertThat(validator.validateFile(SharedSchemas.manifest("valid/" + file)))
                .isEmpty();
    }

    @Test
    void validTree_passes_andIsCounted() throws IOException {
        ValidationReport report = validator.validatePaths(List.of(SharedSchemas.manifest("valid")));

        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.files()).isEqualTo(11);
        assertThat(report.documents()).isEqualTo(12);
    }

    @Test
    void unknownField_deepInsideThePodTemplate_isReportedWithItsFullPath() {
        List<Violation> violations =
                validator.validateYaml("rendered/llama/deployment.yaml", Manifests.deployment("          foo: bar\n"));

        assertThat(violations)
                .extracting(Violation::format)
                .containsExactly(
                        "rendered/llama/deployment.yaml:16:11: Deployment/llama: /spec/template/spec/containers/0/foo:"
                                + " unknown field 'foo'");
    }

    @Test
    void documentValidatedOnItsOwn_isFormattedWithoutFileOrLine() throws IOException {
        JsonNode document = Manifests.yaml(Manifests.deployment("          foo: bar\n"));

        assertThat(validator.validate(document))
                .extracting(Violation::format)
                .containsExactly("Deployment/llama: /spec/template/spec/containers/0/foo: unknown field 'foo'");
    }

    @Test
    void validateTree_readsEveryYamlFileInPathOrder_andSkipsHiddenDirectories(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/second.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\nx: 1\n");
        Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ny: 1\n");
        Files.writeString(dir.resolve(".git/config.yaml"), "not: a manifest\n");
        Files.writeString(dir.resolve("README.md"), "# not YAML\n");

        List<Violation> violations = validator.validateTree(dir);

        assertThat(violations)
                .extracting(Violation::file, Violation::message)
                .containsExactly(
                        tuple(dir.resolve("a.yaml").toString(), "unknown field 'y'"),
                        tuple(dir.resolve("b/second.yml").toString(), "unknown field 'x'"));
    }

    @Test
    void fileThatIsNotUtf8_isAViolation_notAFailure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(validator.validateFile(file)).extracting(Violation::message).containsExactly("not UTF-8 text");
    }

    @Test
    void hasSchema_knowsBuiltInKindsCrdsAndKustomize() {
        assertThat(validator.hasSchema("apps/v1", "Deployment")).isTrue();
        assertThat(validator.hasSchema("snapshot.storage.k8s.io/v1", "VolumeSnapshot"))
                .isTrue();
        assertThat(validator.hasSchema("argoproj.io/v1alpha1", "ApplicationSet"))
                .isTrue();
        assertThat(validator.hasSchema("kustomize.toolkit.fluxcd.io/v1", "Kustomization"))
                .isTrue();
        assertThat(validator.hasSchema("kustomize.config.k8s.io/v1beta1", "Kustomization"))
                .isTrue();
        assertThat(validator.hasSchema("apps/v1", "Frobnicator")).isFalse();
    }
}
