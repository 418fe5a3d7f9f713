package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strictness rules: unknown fields, types, required fields, int-or-string, quantities, nulls, CRDs. */
class StrictnessTest {
    private final ManifestValidator validator = SharedSchemas.validator();

    @Test
    void unknownField_atTopLevel_isReportedAtItsPathAndLine() {
        List<Violation> violations = validator.validateYaml("rendered/llama/configmap.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: llama
                data:
                  a: b
                dta:
                  c: d
                """);

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/dta");
            assertThat(violation.message()).isEqualTo("unknown field 'dta'");
            assertThat(violation.line()).isEqualTo(7);
            assertThat(violation.column()).isEqualTo(1);
        });
    }

    @Test
    void wrongType_saysWhatWasExpectedAndWhatWasFound() {
        String yaml = Manifests.deployment("").replace("replicas: 1", "replicas: \"2\"");

        assertThat(validator.validateYaml("d.yaml", yaml)).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/spec/replicas");
            assertThat(violation.message()).isEqualTo("expected integer, got string");
        });
    }

    @Test
    void containerWithoutName_isMissingARequiredField_reportedAtTheContainer() {
        String yaml = Manifests.deployment("").replace("        - name: server\n          image:", "        - image:");

        assertThat(validator.validateYaml("d.yaml", yaml)).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/spec/template/spec/containers/0");
            assertThat(violation.message()).isEqualTo("missing required field 'name'");
            assertThat(violation.line()).isEqualTo(14);
        });
    }

    @Test
    void deploymentWithoutSelector_isMissingARequiredField() {
        String yaml = Manifests.deployment("").replace("  selector:\n    matchLabels: {app: llama}\n", "");

        assertThat(validator.validateYaml("d.yaml", yaml))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple("/spec", "missing required field 'selector'"));
    }

    @ParameterizedTest(name = "port: {0}")
    @ValueSource(strings = {"8000", "http", "\"8000\""})
    void intOrString_acceptsAnIntegerOrAString(String port) {
        String yaml =
                Manifests.deployment("          readinessProbe: {httpGet: {path: /health, port: " + port + "}}\n");

        assertThat(validator.validateYaml("d.yaml", yaml)).isEmpty();
    }

    @ParameterizedTest(name = "port: {0}")
    @ValueSource(strings = {"true", "8000.5", "[8000]"})
    void intOrString_rejectsEverythingElse(String port) {
        String yaml =
                Manifests.deployment("          readinessProbe: {httpGet: {path: /health, port: " + port + "}}\n");

        assertThat(validator.validateYaml("d.yaml", yaml)).singleElement().satisfies(violation -> {
            assertThat(violation.path()).isEqualTo("/spec/template/spec/containers/0/readinessProbe/httpGet/port");
            assertThat(violation.message()).startsWith("expected integer or string, got ");
        });
    }

    @ParameterizedTest(name = "cpu: {0}")
    @ValueSource(strings = {"1", "0.5", "\"2\"", "500m", "1e3"})
    void quantity_acceptsAStringOrANumber(String cpu) {
        String yaml = Manifests.deployment(
                "          resources: {limits: {cpu: " + cpu + ", memory: 1Gi, nvidia.com/gpu: 1}}\n");

        assertThat(validator.validateYaml("d.yaml", yaml)).isEmpty();
    }

    @Test
    void quantity_rejectsABoolean() {
        String yaml = Manifests.deployment("          resources: {limits: {cpu: true}}\n");

        assertThat(validator.validateYaml("d.yaml", yaml))
                .extracting(Violation::message)
                .containsExactly("expected string or number, got boolean");
    }

    /**
     * ObjectMeta declares creationTimestamp as {@code $ref: Time}, and Time is {@code type: string,
     * format: date-time} with nothing making it nullable, so the schema alone rejects null. The API
     * server accepts it (the decoder leaves the field unset) and so does kubeconform (its schemas let
     * optional fields be null); {@code kubectl create --dry-run -o yaml} writes it. Accepted by default.
     */
    @Test
    void creationTimestampNull_passes_asInTheApiServerAndKubeconform() {
        String yaml = Manifests.deployment("").replace("  name: llama\n", "  name: llama\n  creationTimestamp: null\n");

        assertThat(validator.validateYaml("d.yaml", yaml)).isEmpty();
    }

    @Test
    void creationTimestampNull_isRejected_whenNullValuesAreCheckedAgainstTheSchema() throws IOException {
        ManifestValidator strict = ManifestValidator.builder()
                .openApi(SharedSchemas.openApi("kubernetes-1.35.0.json"))
                .rejectNullValues(true)
                .build();
        String yaml = Manifests.deployment("").replace("  name: llama\n", "  name: llama\n  creationTimestamp: null\n");

        assertThat(strict.validateYaml("d.yaml", yaml))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple("/metadata/creationTimestamp", "expected string, got null"));
    }

    @Test
    void requiredFieldSetToNull_readsAsMissing() {
        String yaml = Manifests.deployment("").replace("- name: server", "- name: null");

        assertThat(validator.validateYaml("d.yaml", yaml))
                .extracting(Violation::message)
                .containsExactly("missing required field 'name'");
    }

    @Test
    void customResourceMetadata_isCheckedAsObjectMeta() {
        String application = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: models, namespace: argocd, lables: {a: b}}
                spec:
                  project: default
                  destination: {server: https://kubernetes.default.svc}
                """;

        assertThat(validator.validateYaml("app.yaml", application))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple("/metadata/lables", "unknown field 'lables'"));
    }

    @Test
    void customResource_isCheckedAgainstItsCrd_requiredEnumsAndPatterns() {
        String flux = """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata: {name: gitops}
                spec:
                  interval: 1 minute
                  provider: gitlab
                """;

        assertThat(validator.validateYaml("flux.yaml", flux))
                .extracting(Violation::path, Violation::message)
                .containsExactly(
                        tuple("/spec", "missing required field 'url'"),
                        tuple(
                                "/spec/interval",
                                "'1 minute' does not match the pattern '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$'"),
                        tuple(
                                "/spec/provider",
                                "unsupported value 'gitlab': supported values: 'generic', 'aws', 'azure', 'github'"));
    }

    /** JSONSchemaProps refers to itself and has properties named $ref and description. */
    @Test
    void customResourceDefinition_recursiveSchemaAndPropertiesNamedLikeKeywords_areHandled() {
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                $ref: {type: string, description: a property named $ref}
                                description: {type: object, properties: {deep: {type: array, items: {type: string}}}}
                              x-kubernetes-validations: [{rule: "true"}]
                              maxProperties: "3"
                """;

        assertThat(validator.validateYaml("crd.yaml", crd))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple(
                        "/spec/versions/0/schema/openAPIV3Schema/properties/spec/maxProperties",
                        "expected integer, got string"));
    }
}
