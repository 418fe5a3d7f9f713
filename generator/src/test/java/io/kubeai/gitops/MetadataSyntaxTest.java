package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.spec.LabelSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels, annotation keys and node selectors reach rendered pods, where the API server would refuse a
 * malformed one only at sync time: each is an error at the line that wrote it, and nothing is written.
 */
class MetadataSyntaxTest {
    @TempDir
    Path repo;

    @Test
    void malformedModelLabelsAndAnnotationKeys_areErrorsAtTheirLines() throws Exception {
        GenerateResult result = generate("", """
                kind: Model
                metadata:
                  name: m
                  labels:
                    team: search
                    "bad key!": x
                    tier: "has spaces"
                    example.com/ok: "yes"
                  annotations:
                    prometheus.io/scrape: "true"
                    Example.COM/upper: x
                spec:
                  url: hf://org/m
                """);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly(
                        "models/m.yaml:6:17: error: label 'bad key!: x' is not a valid Kubernetes label (the Model's"
                                + " labels go onto its pods): a key is an optional DNS prefix and '/' and a name of at"
                                + " most 63 letters, digits, '-', '_' and '.'; a value is at most 63 of them, starting"
                                + " and ending with a letter or digit",
                        "models/m.yaml:7:11: error: label 'tier: has spaces' is not a valid Kubernetes label (the"
                                + " Model's labels go onto its pods): a key is an optional DNS prefix and '/' and a"
                                + " name of at most 63 letters, digits, '-', '_' and '.'; a value is at most 63 of"
                                + " them, starting and ending with a letter or digit",
                        "models/m.yaml:11:24: error: annotation key 'Example.COM/upper' is not valid in Kubernetes"
                                + " (the Model's annotations go onto its pods): an optional DNS prefix and '/', then a"
                                + " name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a"
                                + " letter or digit");
        assertThat(repo.resolve("rendered")).doesNotExist();
    }

    @Test
    void malformedNodeSelector_inAResourceProfile_isAnErrorAtItsLine() throws Exception {
        GenerateResult result = generate("""
                resourceProfiles:
                  nvidia-gpu-l4:
                    nodeSelector:
                      cloud.google.com/gke-accelerator: nvidia-l4
                      "pool name": "gpu pool"
                """, "kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n");

        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly("kubeai.yaml:5:20: error: nodeSelector 'pool name: gpu pool' is not a valid"
                        + " Kubernetes label: a key is an optional DNS prefix and '/' and a name of at most 63"
                        + " letters, digits, '-', '_' and '.'; a value is at most 63 of them, starting and ending"
                        + " with a letter or digit");
        assertThat(repo.resolve("rendered")).doesNotExist();
    }

    @Test
    void qualifiedNames_followKubernetesLimits() {
        String name63 = "a".repeat(63);
        String prefix253 = ("b".repeat(63) + ".").repeat(3) + "c".repeat(61);

        assertThat(prefix253).hasSize(253);
        assertThat(LabelSyntax.isQualifiedName(prefix253 + "/" + name63)).isTrue();
        assertThat(LabelSyntax.isQualifiedName(prefix253 + "c/" + name63)).isFalse();
        assertThat(LabelSyntax.isQualifiedName(name63 + "a")).isFalse();
        assertThat(LabelSyntax.isQualifiedName("app.kubernetes.io/name")).isTrue();
        assertThat(LabelSyntax.isQualifiedName("/name")).isFalse();
        assertThat(LabelSyntax.isQualifiedName("a/b/c")).isFalse();
        assertThat(LabelSyntax.isQualifiedName("-lead")).isFalse();
        assertThat(LabelSyntax.isLabelValue("")).isTrue();
        assertThat(LabelSyntax.isLabelValue("v1.2_rc-3")).isTrue();
        assertThat(LabelSyntax.isLabelValue("trailing-")).isFalse();
        assertThat(LabelSyntax.isLabelValue("$(AWS_SECRET_ACCESS_KEY)")).isFalse();
    }

    private GenerateResult generate(String kubeaiYaml, String model) throws Exception {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), kubeaiYaml);
        Files.writeString(repo.resolve("models/m.yaml"), model);
        return new Generator().generate(GenerateRequest.builder(repo).build());
    }
}
