package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example repo users copy: its committed rendered/ is exactly what generate produces, valid, and restricted
 * by the Pod Security Standards.
 */
class ExampleRepoTest {
    private static final Path EXAMPLE = Path.of("../examples/gitops-repo");

    @Test
    void committedRenderedTree_isExactlyWhatGenerateProduces() throws Exception {
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(EXAMPLE).check(true).build());
        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        assertThat(result.written())
                .as("stale files; run ./kubeai generate examples/gitops-repo")
                .isEmpty();
        assertThat(result.deleted()).isEmpty();
        RenderedTreeChecks.assertValid(EXAMPLE.resolve("rendered"));
        assertThat(RenderedTreeChecks.assertPodSecurity(EXAMPLE.resolve("rendered")))
                .as("every pod of the example meets the restricted Pod Security Standard")
                .isEmpty();
    }
}
