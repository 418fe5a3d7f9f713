package io.kubeai.gitops.hook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.Checkout;
import io.kubeai.gitops.hook.testing.GitOpsFixture;
import io.kubeai.gitops.hook.testing.HookRun;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.git.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code commit-adapter} end to end: the command line against a real Git smart-HTTP server with
 * basic auth, and the real generator re-rendering.
 */
class CommitAdapterCommandTest {

    static final String USER = "kubeai-bot";
    static final String PASSWORD = "s3cret-Token-7f3a9c";
    static final String MODEL_FILE = "models/llama.yaml";

    @TempDir
    Path tmp;

    GitHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), USER, PASSWORD);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static HookEnvironment environment(Map<String, String> env) {
        return new HookEnvironment(
                env,
                new GeneratorRenderer(),
                (dir, url, summary, log) -> {
                    throw new AssertionError("commit-adapter must not publish");
                },
                RetryPolicy.GIT_PUSH.withBackoff(Duration.ofMillis(20), Duration.ofMillis(400)),
                d -> Thread.sleep(d.toMillis()));
    }

    static HookEnvironment environment() {
        return environment(Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", PASSWORD));
    }

    static String[] args(String url, String model, String adapter, String adapterUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "commit-adapter",
                "--repo-url",
                url,
                "--branch",
                "main",
                "--model",
                model,
                "--adapter",
                adapter,
                "--url",
                adapterUrl));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    BareRepo remote() {
        return new BareRepo(server.repositoryDir("gitops"));
    }

    ObjectId head() {
        try (BareRepo repo = remote()) {
            return repo.head("main").orElseThrow();
        }
    }

    // ---- the happy path (needs the real generator) ----

    @Test
    void commitAdapter_appendsTheAdapter_rerendersAndPushesOneCommit() {
        String url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
        String before;
        try (BareRepo repo = remote()) {
            before = repo.read("main", MODEL_FILE).orElseThrow();
        }

        HookRun run = HookRun.of(
                environment(),
                args(
                        url,
                        "llama-8b",
                        "support-v2",
                        "s3://adapters/llama-8b/support-v2",
                        "--trainer-image",
                        "ghcr.io/acme/trainer:1.4",
                        "--author-name",
                        "Finetune Bot",
                        "--author-email",
                        "finetune@example.com"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("pushed ").contains("to main");
        try (BareRepo repo = remote()) {
            String after = repo.read("main", MODEL_FILE).orElseThrow();
            assertThat(after)
                    .isEqualTo(before + "  - name: support-v2\n" + "    url: s3://adapters/llama-8b/support-v2\n");
            RevCommit commit = repo.log("main").get(0);
            assertThat(commit.getFullMessage())
                    .startsWith("Add adapter support-v2 to model llama-8b\n")
                    .contains("The finetuning job support-v2 finished")
                    .contains("Adapter-URL: s3://adapters/llama-8b/support-v2")
                    .contains("Trainer-Image: ghcr.io/acme/trainer:1.4");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Finetune Bot");
            assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("finetune@example.com");
            assertThat(commit.getCommitterIdent().getName()).isEqualTo("Finetune Bot");
            assertThat(repo.changedPaths(commit))
                    .contains(MODEL_FILE)
                    .allMatch(p -> p.equals(MODEL_FILE) || p.startsWith("rendered/"));
            assertThat(repo.changedPaths(commit)).anyMatch(p -> p.startsWith("rendered/"));
        }
        GenerateResult check =
                Checkout.check(Checkout.of(server.repositoryDir("gitops"), "main", tmp.resolve("check")));
        assertThat(check.upToDate())
                .as("kubeai:check on the pushed commit: %s", check)
                .isTrue();
    }

    @Test
    void rerun_withTheSameAdapter_exitsZeroWithoutACommit() {
        String url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
        String[] args = args(url, "llama-8b", "support-v2", "s3://adapters/llama-8b/support-v2");
        HookRun first = HookRun.of(environment(), args);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        ObjectId afterFirst = head();

        HookRun second = HookRun.of(environment(), args);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("nothing to do").contains("already on Model 'llama-8b'");
        assertThat(head()).isEqualTo(afterFirst);
    }

    @Test
    void gitopsRepoInASubfolder_isFoundWithPath() {
        String url = server.seed("gitops", "main", GitOpsFixture.rendered("nested", "deploy/gitops", tmp));

        HookRun run = HookRun.of(
                environment(),
                args(url, "llama-8b", "support-v2", "s3://adapters/llama-8b/support-v2", "--path", "deploy/gitops"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (BareRepo repo = remote()) {
            assertThat(repo.read("main", "deploy/gitops/" + MODEL_FILE).orElseThrow())
                    .endsWith("  resourceProfile: nvidia-gpu-l4:1\n"
                            + "  adapters:\n"
                            + "  - name: support-v2\n"
                            + "    url: s3://adapters/llama-8b/support-v2\n");
            assertThat(repo.changedPaths(repo.log("main").get(0)))
                    .allMatch(p -> p.equals("deploy/gitops/" + MODEL_FILE) || p.startsWith("deploy/gitops/rendered/"));
        }
        GenerateResult check = Checkout.check(Checkout.of(server.repositoryDir("gitops"), "main", tmp.resolve("check"))
                .resolve("deploy/gitops"));
        assertThat(check.upToDate()).as("kubeai:check: %s", check).isTrue();
    }

    @Test
    void branchMode_pushesANewBranchAndLeavesTheBaseAlone() {
        String url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
        ObjectId base = head();
        String[] args = args(url, "llama-8b", "support-v2", "s3://adapters/llama-8b/support-v2", "--mode", "branch");

        HookRun run = HookRun.of(environment(), args);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("to kubeai/adapter-llama-8b-support-v2");
        assertThat(head()).isEqualTo(base);
        try (BareRepo repo = remote()) {
            String branch = "kubeai/adapter-llama-8b-support-v2";
            assertThat(repo.read(branch, MODEL_FILE).orElseThrow()).contains("- name: support-v2");
            assertThat(repo.log(branch).get(1).getId()).isEqualTo(base);
        }

        HookRun again = HookRun.of(environment(), args);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("already proposes adapter 'support-v2'");
    }

    // ---- failures that happen before rendering ----

    @Test
    void adapterAlreadyInTheRepo_exitsZeroWithoutACommit() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        ObjectId before = head();

        HookRun run = HookRun.of(environment(), args(url, "llama-8b", "sarcasm", "hf://myrepo/sarcastic-lora"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("nothing to do: adapter 'sarcasm' with this URL is already on Model"
                        + " 'llama-8b' (models/llama.yaml:16)");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void sameNameWithAnotherUrl_isAnErrorAndNothingIsCommitted() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        ObjectId before = head();

        HookRun run = HookRun.of(environment(), args(url, "llama-8b", "sarcasm", "s3://adapters/other"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .containsExactly("commit-adapter: error: models/llama.yaml:16: adapter 'sarcasm'"
                        + " of Model 'llama-8b' already points at hf://myrepo/sarcastic-lora; refusing to replace it with"
                        + " s3://adapters/other (give the job another name, or remove the old entry first)");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void missingModel_failsInOneLine() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));

        HookRun run = HookRun.of(environment(), args(url, "llama-9000", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .containsExactly("commit-adapter: error: Model 'llama-9000' not found in models/" + " of " + url
                        + " (branch main); check --model and --path");
    }

    @Test
    void wrongPassword_failsClearly_andNeverPrintsIt() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        String wrong = "wrong-Password-91xq";

        HookRun run = HookRun.of(
                environment(Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", wrong)),
                args(url, "llama-8b", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("commit-adapter: error: cloning " + url + " failed: authentication refused");
        assertThat(run.all()).doesNotContain(wrong).doesNotContain(PASSWORD);
        assertThat(server.refusedLogins()).isPositive();
    }

    @Test
    void wrongToken_inAUrlWithUserInfo_isNeverPrinted() {
        server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        String token = "ghp_NotTheRightToken0123456789";
        String url = "http://" + USER + ":" + token + "@127.0.0.1:" + server.port() + "/git/gitops.git";

        HookRun run = HookRun.of(
                environment(Map.of("GIT_TOKEN", token)), args(url, "llama-8b", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("authentication refused");
        assertThat(run.all()).doesNotContain(token);
    }

    @Test
    void passwordFile_winsOverTheEnvironment() throws Exception {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        Path user = Files.writeString(tmp.resolve("username"), USER + "\n");
        Path password = Files.writeString(tmp.resolve("password"), "not-it-either\n");

        HookRun run = HookRun.of(
                environment(),
                args(
                        url,
                        "llama-8b",
                        "sarcasm",
                        "hf://myrepo/sarcastic-lora",
                        "--username-file",
                        user.toString(),
                        "--password-file",
                        password.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("authentication refused");
        assertThat(run.all()).doesNotContain("not-it-either");
    }

    @Test
    void credentialsFromFiles_areUsed() throws Exception {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));
        Path user = Files.writeString(tmp.resolve("username"), USER);
        Path password = Files.writeString(tmp.resolve("password"), PASSWORD + "\n");

        HookRun run = HookRun.of(
                environment(Map.of()),
                args(
                        url,
                        "llama-8b",
                        "sarcasm",
                        "hf://myrepo/sarcastic-lora",
                        "--username-file",
                        user.toString(),
                        "--password-file",
                        password.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("nothing to do");
    }

    @Test
    void credentialsThatMayNotPush_failInOneLine() {
        String url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
        server.denyPushes(true);
        ObjectId before = head();

        HookRun run = HookRun.of(environment(), args(url, "llama-8b", "job-1", "s3://adapters/llama-8b/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("commit-adapter: error: pushing to " + url)
                .contains("the server does not let these credentials push");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void noCredentials_againstAServerThatWantsThem_isAnAuthError() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));

        HookRun run = HookRun.of(environment(Map.of()), args(url, "llama-8b", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("authentication refused");
    }

    @Test
    void missingBranch_failsInOneLine() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));

        HookRun run = HookRun.of(
                environment(),
                "commit-adapter",
                "--repo-url",
                url,
                "--branch",
                "release",
                "--model",
                "llama-8b",
                "--adapter",
                "job-1",
                "--url",
                "s3://adapters/job-1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("branch 'release' not found");
    }

    @Test
    void missingRepository_failsInOneLine() {
        server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));

        HookRun run = HookRun.of(environment(), args(server.url("nope"), "llama-8b", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("repository not found");
    }

    @Test
    void unreachableRepository_isAnIoFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        HookRun run = HookRun.of(
                environment(),
                args("http://127.0.0.1:" + closedPort + "/git/gitops.git", "llama-8b", "job-1", "s3://adapters/job-1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1).first().asString().contains("unreachable");
    }

    // ---- usage ----

    @Test
    void missingRequiredOption_isUsage() {
        HookRun run = HookRun.of(
                environment(),
                "commit-adapter",
                "--repo-url",
                "http://127.0.0.1:1/x.git",
                "--branch",
                "main",
                "--model",
                "m",
                "--adapter",
                "a");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--url=ADAPTER_URL'");
    }

    @Test
    void missingRepoUrl_isUsage() {
        HookRun run = HookRun.of(
                environment(),
                "commit-adapter",
                "--branch",
                "main",
                "--model",
                "m",
                "--adapter",
                "a",
                "--url",
                "s3://x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly("commit-adapter: error: Missing required option: '--repo-url=URL'");
    }

    @Test
    void unknownPlaceholder_inATemplate_isUsage() {
        String url = server.seed("gitops", "main", GitOpsFixture.copy("basic", tmp));

        HookRun run = HookRun.of(
                environment(),
                args(url, "llama-8b", "job-1", "s3://adapters/job-1", "--message-template", "Add {adpater}"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "commit-adapter: error: --message-template uses unknown"
                                + " placeholder(s) {adpater}; known: {adapter}, {branch}, {file}, {job}, {model}, {trainerImage}, {url}");
    }

    @Test
    void sshUrl_isUsage() {
        HookRun run = HookRun.of(environment(), args("git@github.com:acme/gitops.git", "m", "a", "s3://x"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("only http(s) and file URLs are supported");
    }

    @Test
    void pathOutsideTheRepository_isUsage() {
        HookRun run =
                HookRun.of(environment(), args("http://127.0.0.1:1/x.git", "m", "a", "s3://x", "--path", "../up"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--path '../up' must be a folder inside the repository");
    }

    @Test
    void noCommand_isUsage() {
        HookRun run = HookRun.of(environment());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }
}
