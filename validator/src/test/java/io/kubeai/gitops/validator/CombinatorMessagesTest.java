package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anyOf and oneOf failures, which json-schema-validator reports branch by branch, read as one violation. */
class CombinatorMessagesTest {
    private static ManifestValidator validator;

    @BeforeAll
    static void loadWidgetCrd(@TempDir Path dir) throws IOException {
        Path crd = dir.resolve("widgets.yaml");
        Files.writeString(crd, """
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
                                size:
                                  anyOf: [{type: integer, minimum: 1}, {type: string, pattern: '^[0-9]+Gi$'}]
                                quantity:
                                  anyOf: [{type: integer}, {type: string}]
                                  x-kubernetes-int-or-string: true
                                choice:
                                  type: object
                                  properties: {a: {type: string}, b: {type: string}}
                                  oneOf: [{required: [a]}, {required: [b]}]
                                bounded: {type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10}
                    - name: v0
                      served: false
                      storage: false
                """);
        validator = ManifestValidator.builder()
                .openApi(SharedSchemas.openApi("kubernetes-1.35.0.json"))
                .crds(dir)
                .build();
    }

    @Test
    void anyOf_whereEveryBranchFailsOnType_readsAsOneTypeMismatch() {
        assertThat(validate("size: true")).isEqualTo("/spec/size: expected integer or string, got boolean");
    }

    @Test
    void anyOf_whereBranchesFailForDifferentReasons_listsEachReason() {
        assertThat(validate("size: 0"))
                .isEqualTo("/spec/size: matches none of the forms allowed here: must be at least 1, got 0;"
                        + " or expected string, got integer");
    }

    @Test
    void anyOf_thatOneBranchMatches_passes() {
        assertThat(validator.validateYaml("w.yaml", widget("size: 10Gi"))).isEmpty();
        assertThat(validator.validateYaml("w.yaml", widget("size: 3"))).isEmpty();
    }

    @Test
    void intOrStringWithAnyOf_isReportedAsTheTypeItMeans() {
        assertThat(validate("quantity: [1]")).isEqualTo("/spec/quantity: expected integer or string, got array");
    }

    @Test
    void oneOf_matchingTwoBranches_saysSo() {
        assertThat(validate("choice: {a: x, b: y}"))
                .isEqualTo("/spec/choice: matches more than one of the forms allowed here");
    }

    @Test
    void oneOf_matchingNoBranch_listsWhatEachBranchNeeds() {
        assertThat(validate("choice: {}"))
                .isEqualTo("/spec/choice: matches none of the forms allowed here:"
                        + " missing required field 'a'; or missing required field 'b'");
    }

    @Test
    void openApiExclusiveMinimumFlag_excludesTheBound() {
        assertThat(validate("bounded: 0")).isEqualTo("/spec/bounded: must be greater than 0, got 0");
        assertThat(validate("bounded: 11")).isEqualTo("/spec/bounded: must be at most 10, got 11");
    }

    @Test
    void versionThatIsNotServed_hasNoSchema() {
        assertThat(validator.hasSchema("example.com/v1", "Widget")).isTrue();
        assertThat(validator.hasSchema("example.com/v0", "Widget")).isFalse();
    }

    private static String validate(String specLine) {
        var violations = validator.validateYaml("w.yaml", widget(specLine));
        assertThat(violations).hasSize(1);
        return violations.get(0).path() + ": " + violations.get(0).message();
    }

    private static String widget(String specLine) {
        return "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  " + specLine + "\n";
    }
}
