package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a document is: apiVersion and kind, the kustomization.yaml rule, and kinds without a schema. */
class DocumentIdentityTest {
    private final ManifestValidator validator = SharedSchemas.validator();

    @Test
    void unknownKind_isAViolation() {
        List<Violation> violations = validator.validateYaml("x.yaml", """
                apiVersion: example.com/v1
                kind: Frobnicator
                metadata: {name: f}
                """);

        assertThat(violations)
                .extracting(Violation::format)
                .containsExactly("x.yaml:1:1: Frobnicator/f: unknown kind: no schema for example.com/v1 Frobnicator"
                        + " in the OpenAPI documents and CRDs given");
    }

    @Test
    void knownKindInAnUnknownVersion_namesTheVersionsThatExist() {
        List<Violation> violations = validator.validateYaml("x.yaml", """
                apiVersion: apps/v1beta1
                kind: Deployment
                metadata: {name: old}
                """);

        assertThat(violations)
                .extracting(Violation::message)
                .containsExactly(
                        "unknown kind: no schema for apps/v1beta1 Deployment in the OpenAPI documents and CRDs given"
                                + " (Deployment is known in apps/v1)");
    }

    @Test
    void documentWithoutApiVersionOrKind_isAViolation() {
        List<Violation> violations = validator.validateYaml("values.yaml", "replicas: 1\n");

        assertThat(violations)
                .extracting(Violation::message)
                .containsExactly("missing required field 'apiVersion'", "missing required field 'kind'");
    }

    @Test
    void kustomizationYaml_withoutApiVersionAndKind_isCheckedAsAKustomization() {
        String kustomization = """
                resources: [deployment.yaml]
                namePrefix: prod-
                resourcez: [typo.yaml]
                """;

        assertThat(validator.validateYaml("rendered/kustomization.yaml", kustomization))
                .extracting(Violation::format)
                .containsExactly("rendered/kustomization.yaml:3:1: /resourcez: unknown field 'resourcez'");
        assertThat(validator.validateYaml("rendered/kustomization.yml", "resources: [a.yaml]\n"))
                .isEmpty();
    }

    @Test
    void documentThatIsNotAnObject_isAViolation() {
        assertThat(validator.validateYaml("list.yaml", "- a\n- b\n"))
                .extracting(Violation::message)
                .containsExactly("a manifest must be an object, not array");
    }
}
