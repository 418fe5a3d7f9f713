package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.TreeDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the output tree changes between runs: only when it must, and never on error. */
class OutputBehaviourTest {
    @TempDir
    Path repo;

    private static final String MODEL =
            "apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: %s\n" + "spec:\n  url: hf://org/%s\n";

    /** Generates; whatever a successful run leaves in rendered/ must be valid, as in every test. */
    private GenerateResult generate() throws IOException {
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        if (!result.hasErrors()) {
            try {
                RenderedTreeChecks.assertValid(repo.resolve("rendered"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    private void model(String name) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("models/" + name + ".yaml"), String.format(MODEL, name, name));
    }

    @Test
    void rerun_withNoChange_writesNoFile() throws IOException {
        model("alpha");
        assertThat(generate().written()).isNotEmpty();
        Path deployment = repo.resolve("rendered/models/alpha/deployment.yaml");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(deployment, before);

        GenerateResult again = generate();

        assertThat(again.upToDate()).isTrue();
        assertThat(again.written()).isEmpty();
        assertThat(Files.getLastModifiedTime(deployment)).isEqualTo(before);
    }

    @Test
    void removedModel_deletesItsFiles_andKeepsFilesTheUserAdded() throws IOException {
        model("alpha");
        model("beta");
        generate();
        Files.writeString(repo.resolve("rendered/README.md"), "hand-written\n");
        Files.writeString(repo.resolve("rendered/models/beta/notes.txt"), "mine\n");
        Files.delete(repo.resolve("models/beta.yaml"));

        GenerateResult result = generate();

        assertThat(result.deleted()).contains("models/beta/deployment.yaml", "models/beta/service.yaml");
        assertThat(repo.resolve("rendered/models/beta/deployment.yaml")).doesNotExist();
        assertThat(repo.resolve("rendered/models/beta/notes.txt")).hasContent("mine");
        assertThat(repo.resolve("rendered/README.md")).hasContent("hand-written");
        assertThat(Files.readString(repo.resolve("rendered/kustomization.yaml")))
                .doesNotContain("models/beta");
    }

    @Test
    void anError_leavesThePreviousOutputByteForByte() throws IOException {
        model("alpha");
        generate();
        Map<String, String> before = TreeDiff.read(repo.resolve("rendered"));
        model("beta");
        Files.writeString(repo.resolve("models/alpha.yaml"), "kind: Model\nspec:\n  url: nope://x\n");

        GenerateResult result = generate();

        assertThat(result.hasErrors()).isTrue();
        assertThat(TreeDiff.diff(before, TreeDiff.read(repo.resolve("rendered"))))
                .isEmpty();
        try (var siblings = Files.list(repo)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
        }
    }

    @Test
    void sameInput_rendersByteIdenticalTrees() throws IOException {
        model("alpha");
        model("beta");
        generate();
        Path other = repo.resolve("other-output");
        new Generator().generate(GenerateRequest.builder(repo).outputDir(other).build());
        assertThat(TreeDiff.diff(TreeDiff.read(repo.resolve("rendered")), TreeDiff.read(other)))
                .isEmpty();
        assertThat(Files.readString(repo.resolve("rendered/models/alpha/deployment.yaml")))
                .doesNotContain("\r");
    }

    @Test
    void check_reportsStaleFiles_andWritesNothing() throws IOException {
        model("alpha");
        generate();
        model("beta");
        GenerateResult check = new Generator()
                .generate(GenerateRequest.builder(repo).check(true).build());
        assertThat(check.upToDate()).isFalse();
        assertThat(check.written()).contains("models/beta/deployment.yaml", "kustomization.yaml");
        assertThat(repo.resolve("rendered/models/beta")).doesNotExist();
    }

    @Test
    void userTemplate_overridesTheBuiltInOne_andTheRunSaysSo() throws IOException {
        model("alpha");
        Files.createDirectories(repo.resolve("templates"));
        Files.writeString(
                repo.resolve("templates/service.yaml.ftl"),
                "apiVersion: v1\nkind: Service\nmetadata:\n"
                        + "  name: ${r.name}\nspec:\n  type: NodePort\n  selector:\n    kubeai.org/model: ${r.name}\n"
                        + "  ports:\n  - name: http\n    port: 80\n    targetPort: http\n");
        GenerateResult result = generate();
        assertThat(result.notes()).singleElement().asString().contains("service.yaml.ftl");
        assertThat(repo.resolve("rendered/models/alpha/service.yaml")).content().contains("type: NodePort");
    }

    @Test
    void brokenUserTemplate_isReportedAtItsLine() throws IOException {
        model("alpha");
        Files.createDirectories(repo.resolve("templates"));
        Files.writeString(
                repo.resolve("templates/service.yaml.ftl"),
                "apiVersion: v1\nkind: Service\nmetadata:\n" + "  name: ${r.nmae}\n");
        GenerateResult result = generate();
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics().get(0).format())
                .contains("templates/service.yaml.ftl:4:")
                .contains("nmae");
        assertThat(repo.resolve("rendered")).doesNotExist();
    }
}
