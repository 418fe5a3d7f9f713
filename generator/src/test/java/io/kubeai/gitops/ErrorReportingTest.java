package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One case per folder of src/test/resources/errors: {@code input/} is a broken repo and
 * {@code expected-diagnostics.txt} every line it must report, all in one run, with nothing written.
 * {@code -Dkubeai.golden.update=true} rewrites the expected lines.
 */
class ErrorReportingTest {
    private static final Path CASES = Path.of("src/test/resources/errors");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyBrokenRepoReportsAllItsProblemsAndWritesNothing() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(CASES)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        Path output = temp.resolve(caseDir.getFileName().toString());
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(caseDir.resolve("input"))
                        .outputDir(output)
                        .build());
        assertThat(result.hasErrors()).isTrue();
        assertThat(output).doesNotExist();
        String actual = String.join(
                "\n", result.diagnostics().stream().map(Diagnostic::format).toList());
        Path expected = caseDir.resolve("expected-diagnostics.txt");
        if (Boolean.getBoolean("kubeai.golden.update")) {
            Files.writeString(expected, actual + "\n");
        }
        assertThat(actual).isEqualTo(Files.readString(expected).strip());
    }
}
