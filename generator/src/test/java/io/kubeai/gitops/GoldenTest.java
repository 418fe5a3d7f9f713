package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.TreeDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One case per folder of src/test/resources/golden: {@code input/} is a GitOps repo, {@code expected/}
 * the tree it must render, and {@code expected-diagnostics.txt} (if present) the warnings it must print.
 * Run with {@code -Dkubeai.golden.update=true} to rewrite the expected files on purpose.
 */
class GoldenTest {
    private static final Path CASES = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("kubeai.golden.update");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyCaseRendersItsExpectedTree() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(CASES)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path caseDir) throws Exception {
        Path output = temp.resolve(caseDir.getFileName()).resolve("rendered");
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(caseDir.resolve("input"))
                        .outputDir(output)
                        .build());
        assertThat(result.diagnostics())
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::format)
                .isEmpty();
        String diagnostics = String.join(
                "\n", result.diagnostics().stream().map(Diagnostic::format).toList());
        Path expectedDiagnostics = caseDir.resolve("expected-diagnostics.txt");
        Path expected = caseDir.resolve("expected");
        if (UPDATE) {
            copyTree(output, expected);
            if (diagnostics.isEmpty()) {
                Files.deleteIfExists(expectedDiagnostics);
            } else {
                Files.writeString(expectedDiagnostics, diagnostics + "\n");
            }
        }
        String diff = TreeDiff.diff(TreeDiff.read(expected), TreeDiff.read(output));
        assertThat(diff)
                .as(
                        "rendered tree of %s differs from expected/ (rerun with -Dkubeai.golden.update=true "
                                + "to accept):%n%s",
                        caseDir.getFileName(), diff)
                .isEmpty();
        String wantedDiagnostics = Files.exists(expectedDiagnostics)
                ? Files.readString(expectedDiagnostics).strip()
                : "";
        assertThat(diagnostics).isEqualTo(wantedDiagnostics);
        RenderedTreeChecks.assertValid(output);
        // Restricted everywhere but where an object names why it runs at baseline; the namespace agrees.
        List<String> optOuts = RenderedTreeChecks.assertPodSecurity(output);
        optOuts.forEach(o -> System.out.println(caseDir.getFileName() + ": baseline Pod Security: " + o));
        String namespace;
        try (Stream<Path> files = Files.walk(output)) {
            namespace = Files.readString(files.filter(f -> f.endsWith("namespace/namespace.yaml"))
                    .findFirst()
                    .orElseThrow());
        }
        assertThat(namespace)
                .contains("pod-security.kubernetes.io/enforce: " + (optOuts.isEmpty() ? "restricted" : "baseline"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> walk = Files.walk(to)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        for (Map.Entry<String, String> e : TreeDiff.read(from).entrySet()) {
            Path target = to.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
