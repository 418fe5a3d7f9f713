package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.cli.KubeaiCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes: 0 done, 1 bad input or stale output, 2 usage. */
class CliTest {
    @TempDir
    Path repo;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return KubeaiCli.run(args);
        } finally {
            System.setErr(original);
        }
    }

    private void model(String text) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("models/m.yaml"), text);
    }

    @Test
    void generate_thenCheck_thenValidate_exitZero() throws IOException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n");
        assertThat(run("generate", repo.toString())).isZero();
        assertThat(run("generate", "--check", repo.toString())).isZero();
        assertThat(run("validate", repo.resolve("rendered").toString())).isZero();
    }

    @Test
    void check_onStaleOutput_exitsOne() throws IOException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n");
        assertThat(run("generate", "--check", repo.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stale");
    }

    @Test
    void badInput_exitsOne_withFileLineColumn() throws IOException {
        model("kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n  enigne: VLLM\n");
        assertThat(run("generate", repo.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("models/m.yaml:6:3: error: unknown field 'enigne'; did you mean 'engine'?");
    }

    @Test
    void unknownOption_exitsTwo() {
        assertThat(run("generate", "--no-such-option", repo.toString())).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }
}
