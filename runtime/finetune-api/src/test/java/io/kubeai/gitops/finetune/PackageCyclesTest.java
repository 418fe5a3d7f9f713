package io.kubeai.gitops.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.arch.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The API's packages have no cycle: http and cli on top, jobs over files, the root package a leaf. */
class PackageCyclesTest {
    @Test
    void finetuneApiPackages_haveNoCycle() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"));
        assertThat(graph.packages()).contains("io.kubeai.gitops.finetune", "io.kubeai.gitops.finetune.jobs");
        assertThat(graph.cycles()).as(graph.describeCycles()).isEmpty();
    }
}
