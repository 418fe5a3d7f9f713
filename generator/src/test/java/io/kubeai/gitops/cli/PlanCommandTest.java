package io.kubeai.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kubeai plan}: informational, so exit 0 whatever it finds; 1 for spec errors, 2 for usage. */
class PlanCommandTest {
    @TempDir
    Path repo;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void committed() throws IOException, InterruptedException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n  cacheProfile: None\n");
        assertThat(new Generator()
                        .generate(GenerateRequest.builder(repo).build())
                        .written())
                .isNotEmpty();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
    }

    /** The CLI with its output captured, and KubeaiCli's exit-code mapping. */
    private int run(String... args) {
        CommandLine cli = new CommandLine(new KubeaiCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> KubeaiCli.USAGE);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> KubeaiCli.FAILURE);
        return cli.execute(args);
    }

    private void model(String text) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("models/m.yaml"), text);
    }

    @Test
    void changedSpecs_exitZero_andPrintThePlan() throws IOException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n  cacheProfile: None\n  replicas: 3\n");

        assertThat(run("plan", repo.toString())).isZero();
        assertThat(out.toString()).startsWith("kubeai plan: 1 Model changed\n").contains("replicas: `1` → `3`");
    }

    @Test
    void markdown_goesToStdout_andIsAppendedToTheSummaryFile() throws IOException {
        Path summary = repo.resolve("summary.md");
        Files.writeString(summary, "# Earlier step\n");

        assertThat(run("plan", "--format", "markdown", "--summary-file", summary.toString(), repo.toString()))
                .isZero();

        assertThat(out.toString()).startsWith("<!-- kubeai-plan -->\n### kubeai plan\n");
        assertThat(Files.readString(summary))
                .startsWith("# Earlier step\n<!-- kubeai-plan -->\n")
                .contains("**No changes: the specs render what is committed**");
    }

    @Test
    void output_isTheCommittedTreeToCompareWith() throws IOException {
        assertThat(run("plan", "--output", repo.resolve("elsewhere").toString(), repo.toString()))
                .isZero();
        assertThat(out.toString()).startsWith("kubeai plan: 1 Model added");
    }

    @Test
    void specErrors_exitOne_withFileLineColumn() throws IOException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n  enigne: VLLM\n");

        assertThat(run("plan", repo.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("models/m.yaml:6:3: error: unknown field 'enigne'", "1 error; no plan");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownFormat_exitsTwo() {
        assertThat(run("plan", "--format", "html", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format");
    }
}
