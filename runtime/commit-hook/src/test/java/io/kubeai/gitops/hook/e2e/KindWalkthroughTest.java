package io.kubeai.gitops.hook.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.hook.cli.HookEnvironment;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.HookRun;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.git.GitHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What e2e/kind.sh does that can run without Docker or a cluster: the script parses and passes shellcheck,
 * every program, module and file of this repo it calls exists, its GitOps repo (e2e/kind-repo) renders
 * valid objects, and its commit step, the commit hook's {@code commit-adapter} with the script's own
 * arguments on a {@code file://} remote, pushes a commit that changes the adapters ConfigMap and not the
 * Deployment: the new adapter reaches the running pod without a restart.
 */
class KindWalkthroughTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("e2e/kind.sh");
    private static final Path KIND_REPO = ROOT.resolve("e2e/kind-repo");

    @TempDir
    Path tmp;

    @Test
    void script_parses() throws Exception {
        Run run = run(List.of("bash", "-n", SCRIPT.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void script_passesShellcheck() throws Exception {
        assumeTrue(onPath("shellcheck"), "shellcheck is not installed (apt-get install shellcheck): not checked");
        Run run = run(List.of("shellcheck", "--severity=style", SCRIPT.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void everythingTheScriptCallsInThisRepo_exists() throws Exception {
        String script = Files.readString(SCRIPT);
        assertThat(ROOT.resolve("kubeai")).isExecutable();
        assertThat(KIND_REPO.resolve("kubeai.yaml")).isRegularFile();
        // The images are loaded from where Jib's buildTar writes them, for the modules the loop names.
        assertThat(script).contains("runtime/${module}/target/jib-image.tar");
        Matcher modules = Pattern.compile("for module in ([a-z -]+); do").matcher(script);
        assertThat(modules.find()).isTrue();
        for (String module : modules.group(1).trim().split(" ")) {
            Path pom = ROOT.resolve("runtime").resolve(module).resolve("pom.xml");
            assertThat(pom).isRegularFile();
            assertThat(Files.readString(pom)).contains("<artifactId>jib-maven-plugin</artifactId>");
        }
        Matcher pl = Pattern.compile("-pl ([a-z/,-]+)").matcher(script);
        assertThat(pl.find()).isTrue();
        for (String module : pl.group(1).split(",")) {
            assertThat(ROOT.resolve(module).resolve("pom.xml")).isRegularFile();
        }
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<artifactId>jib-maven-plugin</artifactId>");
    }

    @Test
    void theCommitHookFlagsTheScriptUses_exist() {
        String script = readScript();
        int start = script.indexOf("commit-adapter ");
        String call = script.substring(start, script.indexOf('\n', script.indexOf("--url", start)));
        Set<String> flags = new LinkedHashSet<>();
        Matcher flag = Pattern.compile("(--[a-z-]+)").matcher(call);
        while (flag.find()) {
            flags.add(flag.group(1));
        }
        HookRun help = HookRun.of(environment(), "commit-adapter", "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(flags).isNotEmpty().allSatisfy(f -> assertThat(help.out()).contains(f));
    }

    @Test
    void kindRepo_rendersValidObjects_withTheLocallyBuiltImagesNeverPulled() throws Exception {
        Path repo = renderedKindRepo();
        Path model = repo.resolve("rendered/models/tinyllama-chat");

        String deployment = Files.readString(model.resolve("deployment.yaml"));
        assertThat(deployment)
                .contains("image: ghcr.io/kubeai-gitops/kubeai-adapter-sync:kind")
                .contains("imagePullPolicy: Never")
                .contains("--enable-lora")
                .contains("VLLM_ALLOW_RUNTIME_LORA_UPDATING");
        assertThat(Files.readString(model.resolve("configmap-adapters.yaml")))
                .contains("hf://jashing/tinyllama-colorist-lora");
    }

    @Test
    void commitStep_changesTheAdaptersConfigMap_notThePodTemplate() throws Exception {
        Path repo = renderedKindRepo();
        String deploymentBefore = Files.readString(repo.resolve("rendered/models/tinyllama-chat/deployment.yaml"));
        Path remote;
        try (GitHttpServer server = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), "u", "p")) {
            server.seed("gitops", "main", repo);
            remote = server.repositoryDir("gitops");
        }

        // The script's own arguments, against a file:// remote as the script uses.
        HookRun run = HookRun.of(
                environment(),
                "commit-adapter",
                "--repo-url",
                "file://" + remote,
                "--branch",
                "main",
                "--model",
                "tinyllama-chat",
                "--adapter",
                "energy",
                "--url",
                "hf://jashing/tinyllama-energy-lora");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (BareRepo bare = new BareRepo(remote)) {
            RevCommit commit = bare.log("main").get(0);
            assertThat(bare.changedPaths(commit))
                    .contains("models/tinyllama.yaml", "rendered/models/tinyllama-chat/configmap-adapters.yaml")
                    .doesNotContain("rendered/models/tinyllama-chat/deployment.yaml");
            assertThat(bare.read("main", "rendered/models/tinyllama-chat/configmap-adapters.yaml")
                            .orElseThrow())
                    .contains("hf://jashing/tinyllama-energy-lora");
            assertThat(bare.read("main", "rendered/models/tinyllama-chat/deployment.yaml")
                            .orElseThrow())
                    .isEqualTo(deploymentBefore);
        }
    }

    private Path renderedKindRepo() throws IOException, InterruptedException {
        Path repo = tmp.resolve("repo");
        try (Stream<Path> files = Files.walk(KIND_REPO)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = repo.resolve(KIND_REPO.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
        RenderedTreeChecks.assertValid(repo.resolve("rendered"));
        return repo;
    }

    private static HookEnvironment environment() {
        return new HookEnvironment(
                Map.of(),
                new GeneratorRenderer(),
                (dir, url, summary, log) -> {
                    throw new AssertionError("commit-adapter must not publish");
                },
                RetryPolicy.GIT_PUSH.withBackoff(Duration.ofMillis(20), Duration.ofMillis(400)),
                d -> Thread.sleep(d.toMillis()));
    }

    private static String readScript() {
        try {
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
