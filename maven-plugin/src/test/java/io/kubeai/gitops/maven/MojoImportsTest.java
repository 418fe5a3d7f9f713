package io.kubeai.gitops.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.arch.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Mojos are thin: they reach the generator through its API and nothing else. */
class MojoImportsTest {

    @Test
    void mojos_useOnlyTheGeneratorsApi() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"));
        assertThat(graph.references("io.kubeai.gitops.maven", "io.kubeai.gitops."))
                .containsOnly("io.kubeai.gitops.api", "io.kubeai.gitops.api.diagnostic");
    }
}
