package io.kubeai.gitops.testing.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageGraphTest {
    @TempDir
    Path root;

    private void source(String pkg, String name, String body) throws IOException {
        Path dir = root.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), "package " + pkg + ";\n" + body);
    }

    @Test
    void importAndQualifiedUse_makeACycle() throws IOException {
        source("x.a", "A", "import x.b.B;\nclass A { B b; }\n");
        source("x.b", "B", "class B { Object c = new x.c.C(); }\n");
        source("x.c", "C", "import x.a.*;\nclass C {}\n");
        source("x.d", "D", "import x.a.A;\nclass D {}\n");

        PackageGraph graph = PackageGraph.of(root);

        assertThat(graph.cycles()).containsExactly(java.util.List.of("x.a", "x.b", "x.c"));
        assertThat(graph.describeCycles()).contains("x.b -> x.c (x/b/B.java)");
        assertThat(graph.dependencies("x.d")).containsExactly("x.a");
        assertThat(graph.references("x.b", "x.")).containsExactly("x.c");
    }

    @Test
    void references_includePackagesOutsideTheTree() throws IOException {
        source("x.a", "A", "import y.api.Thing;\nimport y.internal.Other;\nimport java.util.List;\nclass A {}\n");

        PackageGraph graph = PackageGraph.of(root);

        assertThat(graph.references("x.a", "y.")).containsExactly("y.api", "y.internal");
        assertThat(graph.dependencies("x.a")).isEmpty();
    }

    @Test
    void commentsAndStrings_areNotDependencies() throws IOException {
        source("x.a", "A", "import x.b.B;\nclass A { B b; }\n");
        source(
                "x.b",
                "B",
                "/** See {@link x.a.A}. */\nclass B {\n  // x.a.A\n  String s = \"hf://x.a.A\";\n"
                        + "  char q = '\"';\n  String t = \"\"\"\n    x.a.A\n    \"\"\";\n}\n");

        PackageGraph graph = PackageGraph.of(root);

        assertThat(graph.cycles()).isEmpty();
        assertThat(graph.dependencies("x.b")).isEmpty();
    }
}
