package io.kubeai.gitops.hook.cli;

import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.MODEL_FILE;
import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.PASSWORD;
import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.hook.publish.LoaderPublisher;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.GitOpsFixture;
import io.kubeai.gitops.hook.testing.HookRun;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.git.GitHttpServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code finish}: the loader publishes to a real in-process S3 server, then the hook commits to real Git. */
class FinishCommandTest {

    static S3TestServer s3;

    @TempDir
    Path tmp;

    GitHttpServer git;
    String repoUrl;
    Path adapterDir;

    @BeforeAll
    static void startS3() {
        s3 = S3TestServer.start();
        s3.createBucket("adapters");
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void seed() throws Exception {
        git = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), USER, PASSWORD);
        repoUrl = git.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
        adapterDir = Files.createDirectories(tmp.resolve("out/adapter"));
        Files.writeString(adapterDir.resolve("adapter_config.json"), "{\"r\": 8, \"lora_alpha\": 16}\n");
        Files.write(
                adapterDir.resolve("adapter_model.safetensors"), "not really tensors".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopGit() {
        git.close();
    }

    HookEnvironment environment(Map<String, String> s3Env) {
        Map<String, String> env = new HashMap<>(s3Env);
        env.put("GIT_USERNAME", USER);
        env.put("GIT_PASSWORD", PASSWORD);
        return new HookEnvironment(
                env,
                new GeneratorRenderer(),
                new LoaderPublisher(LoaderEnv.of(s3Env)),
                RetryPolicy.GIT_PUSH,
                d -> Thread.sleep(d.toMillis()));
    }

    String[] finish(String storageUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "finish",
                "--output-dir",
                adapterDir.toString(),
                "--storage-url",
                storageUrl,
                "--repo-url",
                repoUrl,
                "--branch",
                "main",
                "--model",
                "llama-8b",
                "--adapter",
                "job-7"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    ObjectId head() {
        try (BareRepo repo = new BareRepo(git.repositoryDir("gitops"))) {
            return repo.head("main").orElseThrow();
        }
    }

    @Test
    void finish_publishesTheAdapter_thenCommitsItsUrl() {
        HookRun run = HookRun.of(environment(s3.environment()), finish("s3://adapters/llama-8b/job-7"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(s3.listKeys("adapters", "llama-8b/job-7/"))
                .contains(
                        "llama-8b/job-7/adapter_config.json",
                        "llama-8b/job-7/adapter_model.safetensors",
                        "llama-8b/job-7/.kubeai/complete.json");
        try (BareRepo repo = new BareRepo(git.repositoryDir("gitops"))) {
            assertThat(repo.read("main", MODEL_FILE).orElseThrow())
                    .endsWith("  - name: job-7\n    url: s3://adapters/llama-8b/job-7\n");
        }
        assertThat(run.out())
                .contains("publishing " + adapterDir + " to s3://adapters/llama-8b/job-7")
                .contains("pushed ");
    }

    @Test
    void refusedUpload_commitsNothing_andNeverPrintsTheKey() {
        ObjectId before = head();
        Map<String, String> wrongKey = new HashMap<>(s3.environment());
        wrongKey.put("AWS_SECRET_ACCESS_KEY", "wrong-secret-key-5551234");

        HookRun run = HookRun.of(environment(wrongKey), finish("s3://adapters/llama-8b/job-7"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("finish: error: publishing " + adapterDir + " to s3://adapters/llama-8b/job-7 failed: ");
        assertThat(run.all()).doesNotContain("wrong-secret-key-5551234").doesNotContain(s3.secretKey());
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void missingOutputFolder_publishesAndCommitsNothing() throws Exception {
        ObjectId before = head();
        Files.walk(adapterDir)
                .sorted(java.util.Comparator.reverseOrder())
                .forEach(p -> p.toFile().delete());

        HookRun run = HookRun.of(environment(s3.environment()), finish("s3://adapters/llama-8b/job-8"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("is not a folder; did the trainer write its adapter there?");
        assertThat(s3.listKeys("adapters", "llama-8b/job-8/")).isEmpty();
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void withoutGitOptions_finishOnlyPublishes() {
        ObjectId before = head();

        HookRun run = HookRun.of(
                environment(s3.environment()),
                "finish",
                "--output-dir",
                adapterDir.toString(),
                "--storage-url",
                "s3://adapters/llama-8b/job-10",
                "--model",
                "llama-8b",
                "--adapter",
                "job-10",
                "--trainer-image",
                "ghcr.io/acme/trainer:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(s3.listKeys("adapters", "llama-8b/job-10/")).contains("llama-8b/job-10/.kubeai/complete.json");
        assertThat(run.out()).contains("commit-back is off");
        assertThat(head()).isEqualTo(before);
    }

    @Test
    void badGitOptions_areCaughtBeforeTheUpload() {
        HookRun run =
                HookRun.of(environment(s3.environment()), finish("s3://adapters/llama-8b/job-9", "--mode", "merge"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--mode must be push or branch, not 'merge'");
        assertThat(s3.listKeys("adapters", "llama-8b/job-9/")).isEmpty();
    }
}
