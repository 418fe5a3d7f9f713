package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.PlanReport;
import io.kubeai.gitops.cli.KubeaiCli;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.TreeSnapshot;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generate killed with SIGKILL at each step of writing the tree (a child JVM paused at the step, then
 * {@code destroyForcibly}) leaves rendered/ as the old tree or the new one, or, between the swap's two
 * renames, a committed swap that the next run finishes; a check in between reports what the kill left
 * and writes nothing, a review reads the tree the next run will leave; the next run always ends with the
 * new tree and no scratch space left.
 */
class KillDuringGenerateTest {
    private static final String MODEL = "kind: Model\nmetadata:\n  name: %s\nspec:\n  url: hf://org/%s\n";

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"carried-over", "writing", "written", "committed", "old-moved", "new-moved", "old-deleted"})
    void killAtStep_leavesOldOrNewTree_andTheNextRunFinishes(String step) throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        model(repo, "alpha");
        assertThat(KubeaiCli.run("generate", repo.toString())).isZero();
        Files.writeString(repo.resolve("rendered/NOTES.md"), "hand-written\n");
        Map<String, String> oldTree = TreeSnapshot.of(repo.resolve("rendered"));
        model(repo, "beta");
        Map<String, String> newTree = expectedTree(repo);

        boolean git = RenderedTreeChecks.onPath("git") != null;
        if (git) {
            git(repo, "init", "-q");
        }
        killAt(step, repo);
        if (git) {
            // What 'git add -A' would stage now: never the scratch space, whatever instant the kill hit.
            assertThat(git(repo, "add", "-A", "--dry-run")).doesNotContain(".kubeai-swap");
        }

        Map<String, String> afterKill = TreeSnapshot.of(repo.resolve("rendered"));
        Path pending = repo.resolve(".kubeai-swap/rendered");
        if (afterKill.isEmpty()) {
            // Between the two renames: the swap is committed and both trees are in the scratch folder.
            assertThat(pending.resolve("commit")).exists();
            assertThat(TreeSnapshot.of(pending.resolve("new"))).isEqualTo(newTree);
        } else {
            assertThat(afterKill).isIn(oldTree, newTree);
        }
        assertThat(Files.readString(repo.resolve(".kubeai-swap/.gitignore"))).contains("*");
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("repo", "expected");
        }
        boolean committed = Files.exists(pending.resolve("commit"));
        boolean waiting = committed && Files.isDirectory(pending.resolve("new"));

        // A check in between writes nothing and says what the kill left: a swap still to finish is an error
        // (this rendered/ is the old tree or none), anything else a warning beside the usual verdict (stale
        // until the new tree was moved in).
        Map<String, String> beforeCheck = withoutGit(TreeSnapshot.of(repo));
        Cli check = cli("generate", "--check", repo.toString());
        assertThat(check.code()).as(check.err()).isEqualTo(committed && !waiting ? 0 : 1);
        assertThat(check.err())
                .contains(
                        waiting
                                ? "rendered:1:1: error: a generate was stopped while it swapped its new tree in"
                                : "rendered:1:1: warning: a generate was stopped before it cleaned up");
        assertThat(withoutGit(TreeSnapshot.of(repo))).isEqualTo(beforeCheck);
        // A reader takes the tree of record: the committed new tree wherever it waits, else the old tree.
        PlanReport review = new Generator().plan(GenerateRequest.builder(repo).build());
        assertThat(review.hasChanges()).as(review.toText()).isEqualTo(!committed);
        assertThat(withoutGit(TreeSnapshot.of(repo))).isEqualTo(beforeCheck);

        assertThat(KubeaiCli.run("generate", repo.toString())).isZero();

        assertThat(TreeSnapshot.of(repo.resolve("rendered"))).isEqualTo(newTree);
        try (Stream<Path> entries = Files.list(repo)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".git")))
                    .containsExactlyInAnyOrder("models", "rendered");
        }
    }

    private record Cli(int code, String err) {}

    /** Runs the CLI in this JVM; its exit code and what it printed on stderr. */
    private static Cli cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = KubeaiCli.run(args);
            return new Cli(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static Map<String, String> withoutGit(Map<String, String> snapshot) {
        Map<String, String> rest = new TreeMap<>(snapshot);
        rest.keySet().removeIf(k -> k.equals(".git") || k.startsWith(".git/"));
        return rest;
    }

    /** Runs git (a real one: the test is about what Git would commit); its output. */
    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process git = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", List.of(args), out).isZero();
        return out;
    }

    private static void model(Path repo, String name) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("models/" + name + ".yaml"), String.format(MODEL, name, name));
    }

    /** The tree an uninterrupted run makes: the same run on a copy of the repo. */
    private Map<String, String> expectedTree(Path repo) throws IOException {
        Path copy = temp.resolve("expected");
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(repo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        assertThat(KubeaiCli.run("generate", copy.toString())).isZero();
        return TreeSnapshot.of(copy.resolve("rendered"));
    }

    /** Runs generate in a child JVM that pauses at {@code step}, and kills it there with SIGKILL. */
    private static void killAt(String step, Path repo) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dkubeai.write.pauseAt=" + step));
        cmd.addAll(List.of("-cp", classpath(), KubeaiCli.class.getName(), "generate", repo.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("kubeai: paused at " + step)) {
                lines.add(line);
            }
            assertThat(line)
                    .as("the child never reached %s; it printed %s", step, lines)
                    .isNotNull();
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp.replace(":", File.pathSeparator);
    }
}
