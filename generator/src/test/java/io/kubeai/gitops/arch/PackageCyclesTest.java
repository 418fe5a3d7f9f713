package io.kubeai.gitops.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.arch.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generator's packages form a pipeline: no package reaches back to one that uses it. */
class PackageCyclesTest {
    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"));

    @Test
    void generatorPackages_haveNoCycle() {
        assertThat(GRAPH.packages()).contains("io.kubeai.gitops.plan", "io.kubeai.gitops.resolve");
        assertThat(GRAPH.cycles()).as(GRAPH.describeCycles()).isEmpty();
    }

    @Test
    void cli_usesOnlyTheApi() {
        // `kubeai validate` hands its arguments to the validator module's own command, not to the generator.
        assertThat(GRAPH.references("io.kubeai.gitops.cli", "io.kubeai.gitops."))
                .containsOnly("io.kubeai.gitops.api", "io.kubeai.gitops.api.diagnostic", "io.kubeai.gitops.validator");
    }

    @Test
    void review_doesNotImportTheApiThatCallsIt() {
        assertThat(GRAPH.dependencies("io.kubeai.gitops.review")).doesNotContain("io.kubeai.gitops.api");
    }

    @Test
    void wording_isALeaf_thatEveryStageMayImport() {
        assertThat(GRAPH.dependencies("io.kubeai.gitops.wording")).containsOnly("io.kubeai.gitops.api.diagnostic");
    }

    @Test
    void plan_readsResolvedValues_notValidation() {
        assertThat(GRAPH.dependencies("io.kubeai.gitops.plan")).doesNotContain("io.kubeai.gitops.validate");
        assertThat(GRAPH.dependencies("io.kubeai.gitops.resolve")).containsOnly("io.kubeai.gitops.spec");
    }
}
