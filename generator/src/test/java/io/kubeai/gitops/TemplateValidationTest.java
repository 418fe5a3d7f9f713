package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.cli.KubeaiCli;
import io.kubeai.gitops.testing.TreeDiff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate validates everything it would write: a user's template override that renders an unknown
 * field or a name the API server refuses fails the run with exit 1, naming the file, line, object,
 * field and template, and leaves the committed rendered/ tree as it was.
 */
class TemplateValidationTest {
    @TempDir
    Path repo;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void committedTree() throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("models/m.yaml"), "kind: Model\nmetadata:\n  name: m\nspec:\n  url: hf://org/m\n");
        assertThat(run("generate", repo.toString())).isZero();
    }

    @Test
    void overrideRenderingAnUnknownField_failsGenerate_andLeavesRenderedUntouched() throws IOException {
        Map<String, String> before = TreeDiff.read(repo.resolve("rendered"));
        override("  type: ClusterIP\n", "  type: ClusterIP\n  sessionAfinity: None\n");

        assertThat(run("generate", repo.toString())).isEqualTo(1);

        assertThat(err())
                .contains("rendered/models/m/service.yaml:25:3: error: Service/m: /spec/sessionAfinity:"
                        + " unknown field 'sessionAfinity' (rendered by templates/service.yaml.ftl)")
                .contains("kubeai: 1 error; nothing was written");
        assertThat(TreeDiff.diff(before, TreeDiff.read(repo.resolve("rendered"))))
                .isEmpty();
        // The new tree was written beside the output while it was validated, and thrown away.
        assertThat(repo.resolve(".kubeai-swap")).doesNotExist();
    }

    @Test
    void treeWrittenWithoutValidation_failsTheNextRunThatValidates_evenWithNothingToWrite() throws IOException {
        override("  type: ClusterIP\n", "  type: ClusterIP\n  sessionAfinity: None\n");
        assertThat(run("generate", "--no-validate", repo.toString())).isZero();
        Map<String, String> written = TreeDiff.read(repo.resolve("rendered"));

        assertThat(run("generate", repo.toString())).isEqualTo(1);

        assertThat(err()).contains("unknown field 'sessionAfinity'").contains("nothing was written");
        assertThat(TreeDiff.diff(written, TreeDiff.read(repo.resolve("rendered"))))
                .isEmpty();
    }

    @Test
    void overrideRenderingABadServiceName_failsGenerate_andLeavesRenderedUntouched() throws IOException {
        Map<String, String> before = TreeDiff.read(repo.resolve("rendered"));
        override("  name: ${json(r.name)}\n", "  name: ${json(r.name + '.v1')}\n");

        assertThat(run("generate", repo.toString())).isEqualTo(1);

        assertThat(err())
                .contains("rendered/models/m/service.yaml:13:3: error: Service/m.v1: /metadata/name: a DNS-1035 label"
                        + " must consist of lowercase alphanumeric characters or '-'");
        assertThat(TreeDiff.diff(before, TreeDiff.read(repo.resolve("rendered"))))
                .isEmpty();
    }

    @Test
    void check_validatesToo() throws IOException {
        override("  type: ClusterIP\n", "  type: ClusterIP\n  sessionAfinity: None\n");

        assertThat(run("generate", "--check", repo.toString())).isEqualTo(1);
        assertThat(err()).contains("unknown field 'sessionAfinity'").doesNotContain("stale");
    }

    @Test
    void noValidate_writesWhatTheTemplateRenders() throws IOException {
        override("  type: ClusterIP\n", "  type: ClusterIP\n  sessionAfinity: None\n");

        assertThat(run("generate", "--no-validate", repo.toString())).isZero();
        assertThat(repo.resolve("rendered/models/m/service.yaml")).content().contains("sessionAfinity: None");
    }

    @Test
    void apiRequest_validatesByDefault_andCanSkipIt() throws IOException {
        override("  type: ClusterIP\n", "  type: ClusterIP\n  sessionAfinity: None\n");
        GenerateRequest.Builder request = GenerateRequest.builder(repo).check(true);

        GenerateResult validated = new Generator().generate(request.build());
        GenerateResult unchecked =
                new Generator().generate(request.validate(false).build());

        assertThat(validated.diagnostics())
                .extracting(Diagnostic::file, Diagnostic::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple("rendered/models/m/service.yaml", 25));
        assertThat(unchecked.hasErrors()).isFalse();
        assertThat(unchecked.written()).containsExactly("models/m/service.yaml");
    }

    /** The built-in service template with one change, as a user's override in the repo's templates/. */
    private void override(String from, String to) throws IOException {
        String builtIn;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("templates/service.yaml.ftl")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(builtIn).contains(from);
        Files.createDirectories(repo.resolve("templates"));
        Files.writeString(repo.resolve("templates/service.yaml.ftl"), builtIn.replace(from, to));
    }

    private int run(String... args) {
        err.reset();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return KubeaiCli.run(args);
        } finally {
            System.setErr(original);
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
