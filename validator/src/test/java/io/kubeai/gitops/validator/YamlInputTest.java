package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** YAML as input: several documents in a file, empty documents, duplicate keys, syntax errors, YAML 1.1. */
class YamlInputTest {
    private final ManifestValidator validator = SharedSchemas.validator();

    @Test
    void multiDocumentFile_reportsTheIndexOfTheFailingDocument() {
        String stream = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: first}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: second}
                spec:
                  ports: [{port: 80, targetPort: http, protcol: TCP}]
                """;

        assertThat(validator.validateYaml("all.yaml", stream)).singleElement().satisfies(violation -> {
            assertThat(violation.documentIndex()).isEqualTo(1);
            assertThat(violation.subject()).isEqualTo("Service/second");
            assertThat(violation.path()).isEqualTo("/spec/ports/0/protcol");
            assertThat(violation.line()).isEqualTo(9);
        });
    }

    @Test
    void emptyDocuments_areSkipped_butKeepTheirPlaceInTheIndex() {
        String stream = "---\n# nothing here\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbad: 1\n";

        assertThat(validator.validateYaml("c.yaml", stream))
                .extracting(Violation::documentIndex)
                .containsExactly(1);
    }

    @Test
    void duplicateKey_isAViolation_asInKubeconformStrict() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  name: d
                """;

        assertThat(validator.validateYaml("c.yaml", yaml))
                .extracting(Violation::format)
                .containsExactly("c.yaml:5:3: ConfigMap/d: /metadata/name: duplicate key 'name'");
    }

    @Test
    void yamlSyntaxError_isAViolation_andEndsTheFile() {
        String stream = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\nkind: [unclosed\n---\nfoo: 1\n";

        assertThat(validator.validateYaml("broken.yaml", stream))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.documentIndex()).isEqualTo(1);
                    assertThat(violation.message()).startsWith("invalid YAML: ");
                    assertThat(violation.line()).isGreaterThanOrEqualTo(5);
                });
    }

    @Test
    void unquotedYes_isABoolean_asTheKubernetesYamlDecoderReadsIt() {
        String yaml =
                Manifests.deployment("          env: [{name: DEBUG, value: yes}, {name: QUOTED, value: \"yes\"}]\n");

        assertThat(validator.validateYaml("d.yaml", yaml))
                .extracting(Violation::path, Violation::message)
                .containsExactly(tuple("/spec/template/spec/containers/0/env/0/value", "expected string, got boolean"));
    }
}
