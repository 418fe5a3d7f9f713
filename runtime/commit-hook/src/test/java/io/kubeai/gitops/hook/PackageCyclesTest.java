package io.kubeai.gitops.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.arch.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The hook's packages have no cycle, and it reuses the generator through its API only. */
class PackageCyclesTest {
    private static final PackageGraph GRAPH = PackageGraph.of(Path.of("src/main/java"));

    @Test
    void commitHookPackages_haveNoCycle() {
        assertThat(GRAPH.packages()).contains("io.kubeai.gitops.hook");
        assertThat(GRAPH.cycles()).as(GRAPH.describeCycles()).isEmpty();
    }

    @Test
    void theGenerator_isUsedThroughItsApiOnly() {
        for (String pkg : GRAPH.packages()) {
            assertThat(GRAPH.references(pkg, "io.kubeai.gitops."))
                    .as(pkg)
                    .allMatch(r -> r.startsWith("io.kubeai.gitops.hook")
                            || r.startsWith("io.kubeai.gitops.loader")
                            || r.startsWith("io.kubeai.gitops.runtime.")
                            || r.equals("io.kubeai.gitops.api")
                            || r.equals("io.kubeai.gitops.api.diagnostic"));
        }
    }
}
