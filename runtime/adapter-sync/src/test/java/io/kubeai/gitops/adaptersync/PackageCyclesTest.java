package io.kubeai.gitops.adaptersync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.arch.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sidecar's packages use each other in one direction; only the root package wires them together. */
class PackageCyclesTest {
    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"));

    @Test
    void adapterSyncPackages_haveNoCycle() {
        assertThat(GRAPH.packages()).contains("io.kubeai.gitops.adaptersync.reconcile");
        assertThat(GRAPH.cycles()).as(GRAPH.describeCycles()).isEmpty();
    }

    @Test
    void nothingImportsTheRootPackage() {
        for (String pkg : GRAPH.packages()) {
            assertThat(GRAPH.dependencies(pkg)).as(pkg).doesNotContain("io.kubeai.gitops.adaptersync");
        }
    }
}
