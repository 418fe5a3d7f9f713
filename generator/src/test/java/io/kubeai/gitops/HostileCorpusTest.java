package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.cli.KubeaiCli;
import io.kubeai.gitops.testing.HostileCase;
import io.kubeai.gitops.testing.RenderedStrings;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.TreeSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial corpus: every file of src/test/resources/hostile/cases is one class of attack, every
 * case in it one test, run through the real CLI against a copy of hostile/base whose tree was rendered
 * first. Whatever the case, the run must not crash, leak or write outside the repo: errors are
 * {@code file:line:col: error:} lines with no exception text, a failed run leaves rendered/ byte for byte,
 * no secret reaches the output, and a successful run renders a strictly valid tree in which no user string
 * can make the kubelet expand a variable.
 */
class HostileCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    /** What a secret file outside the repo holds; it must never appear in any output. */
    static final String OUTSIDE_SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmU-kubeai";

    private static final Pattern ERROR_LINE = Pattern.compile("[^\\s:][^:]*:\\d+:\\d+: error: .+");
    private static final Pattern WARNING_LINE = Pattern.compile("[^\\s:][^:]*:\\d+:\\d+: warning: .+");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicNode> everyHostileCase() throws IOException {
        List<DynamicNode> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("cases"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                classes.add(DynamicContainer.dynamicContainer(
                        name,
                        HostileCase.load(file).stream()
                                .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(name + "-" + c.name(), c)))));
            }
        }
        classes.add(DynamicContainer.dynamicContainer(
                "every-string-field",
                FieldCases.all().stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run("field-" + c.name(), c)))));
        return classes.stream();
    }

    /** Copies the base repo, renders it, applies the case, runs the CLI and checks every invariant. */
    void run(String id, HostileCase c) throws Exception {
        Path sandbox = Files.createDirectories(temp.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_")));
        Path repo = sandbox.resolve("repo");
        Path outside = Files.createDirectories(sandbox.resolve("outside"));
        Files.writeString(outside.resolve("id_rsa"), OUTSIDE_SECRET + "\n");
        Files.createDirectories(outside.resolve("models"));
        Files.writeString(outside.resolve("models/evil.yaml"), "# " + OUTSIDE_SECRET + "\nkind: Model\n");
        copy(renderedBase(), repo);
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Path target = repo.resolve(f.getKey());
            if (f.getValue() == null || Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                io.kubeai.gitops.write.OutputTree.deleteRecursively(target);
            }
            if (f.getValue() == null) {
                io.kubeai.gitops.write.OutputTree.deleteRecursively(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, expand(f.getValue(), repo, outside));
            }
        }
        for (Map.Entry<String, String> e : c.set().entrySet()) {
            String file = e.getKey().substring(0, e.getKey().indexOf('#'));
            String where = e.getKey().substring(e.getKey().indexOf('#') + 1);
            int doc = where.startsWith("/") ? 0 : Integer.parseInt(where.substring(0, where.indexOf('/')));
            String pointer = where.substring(where.indexOf('/'));
            Path target = repo.resolve(file);
            Files.writeString(target, FieldCases.with(Files.readString(target), doc, pointer, e.getValue()));
        }
        for (Map.Entry<String, String> l : c.links().entrySet()) {
            Path link = repo.resolve(l.getKey());
            io.kubeai.gitops.write.OutputTree.deleteRecursively(link);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(expand(l.getValue(), repo, outside)));
        }
        Map<String, String> renderedBefore = TreeSnapshot.of(repo.resolve("rendered"));
        Map<String, String> outsideBefore = TreeSnapshot.of(outside);

        List<String> args = new ArrayList<>(List.of(c.command()));
        c.args().forEach(a -> args.add(expand(a, repo, outside)));
        args.add(repo.toString());
        Output out = cli(args.toArray(new String[0]));

        assertThat(out.all()).as("no exception text").doesNotContain("Exception", "internal error", "\tat ");
        List<String> secrets = new ArrayList<>(c.secrets());
        secrets.add(OUTSIDE_SECRET.substring(0, 30));
        secrets.add("b3BlbnNzaC1rZXktdjEAAAAABG5vbmU");
        for (String secret : secrets) {
            assertThat(out.all()).as("a secret in the output").doesNotContain(secret);
        }
        assertThat(TreeSnapshot.of(outside))
                .as("nothing written outside the repo")
                .isEqualTo(outsideBefore);
        try (Stream<Path> entries = Files.list(sandbox)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("repo", "outside");
        }
        List<String> errors =
                out.err().lines().filter(l -> l.contains(": error: ")).toList();
        List<String> warnings =
                out.err().lines().filter(l -> l.contains(": warning: ")).toList();
        assertThat(errors).allMatch(l -> ERROR_LINE.matcher(l).matches());
        assertThat(warnings).allMatch(l -> WARNING_LINE.matcher(l).matches());
        for (String wanted : c.warnings()) {
            assertThat(warnings).as("warnings:%n%s", out.err()).anyMatch(l -> l.contains(wanted));
        }
        boolean succeeded =
                c.expect() == HostileCase.Expect.OK || (c.expect() == HostileCase.Expect.EITHER && out.code() == 0);
        if (succeeded) {
            assertThat(out.code()).as("exit code; stderr:%n%s", out.err()).isZero();
            assertThat(errors).isEmpty();
            Path rendered = repo.resolve("rendered");
            if (c.command().equals("generate")) {
                assertThat(RenderedTreeChecks.validator().validateTree(rendered))
                        .as("strict validation of %s", rendered)
                        .extracting(io.kubeai.gitops.validator.Violation::format)
                        .isEmpty();
                try (Stream<Path> entries = Files.list(repo)) {
                    assertThat(entries.map(p -> p.getFileName().toString()))
                            .as("no scratch space left in the repo")
                            .noneMatch(n -> n.equals(".kubeai-swap") || n.startsWith(".rendered."));
                }
            }
            assertThat(RenderedStrings.expandable(rendered))
                    .as("variable references in containers")
                    .isEmpty();
            if (c.literal() != null && (c.baseValue() == null || reaches(c.baseValue()))) {
                assertThat(RenderedStrings.strings(rendered).stream().anyMatch(s -> s.contains(c.literal())))
                        .as("some string of the rendered tree holds %s literally", c.literal())
                        .isTrue();
            }
            // The case's own secrets may be rendered (a literal env value is the user's choice, warned about);
            // nothing from outside the repo may be.
            String tree = filesText(repo) + RenderedStrings.strings(rendered);
            assertThat(tree).doesNotContain(OUTSIDE_SECRET.substring(0, 30), "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU");
        } else {
            assertThat(out.code())
                    .as("exit code; stdout:%n%s%nstderr:%n%s", out.out(), out.err())
                    .isEqualTo(1);
            assertThat(errors).as("error lines in:%n%s", out.err()).isNotEmpty();
            for (String wanted : c.errors()) {
                assertThat(errors).as("errors:%n%s", out.err()).anyMatch(l -> l.contains(wanted));
            }
            assertThat(TreeSnapshot.of(repo.resolve("rendered")))
                    .as("rendered/ untouched")
                    .isEqualTo(renderedBefore);
            if (!c.files().containsKey(".kubeai-swap") && !c.links().containsKey(".kubeai-swap")) {
                assertThat(repo.resolve(".kubeai-swap")).doesNotExist();
            }
        }
    }

    @TempDir
    static Path shared;

    private static Path renderedBase;
    private static List<String> baseValues;

    /** The base repo, rendered once per run; each case starts from a copy of it. */
    private static synchronized Path renderedBase() throws IOException {
        if (renderedBase == null) {
            Path dir = shared.resolve("base");
            copy(CORPUS.resolve("base"), dir);
            assertThat(cli("generate", dir.toString()).code())
                    .as("the base repo renders")
                    .isZero();
            baseValues = RenderedStrings.values(dir.resolve("rendered"));
            renderedBase = dir;
        }
        return renderedBase;
    }

    /** True when a field's base value shows in the base tree, so that a changed value must show too. */
    private static boolean reaches(String baseValue) {
        return baseValues.stream()
                .anyMatch(v -> v.equals(baseValue) || (baseValue.length() >= 8 && v.contains(baseValue)));
    }

    /** The text of every regular file in the repo, links not followed. */
    private static String filesText(Path repo) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                text.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private static String expand(String text, Path repo, Path outside) {
        return text.replace("{outside}", outside.toString()).replace("{repo}", repo.toString());
    }

    record Output(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    static Output cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        synchronized (HostileCorpusTest.class) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                int code = KubeaiCli.run(args);
                return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
