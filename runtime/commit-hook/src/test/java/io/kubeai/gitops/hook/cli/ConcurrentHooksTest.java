package io.kubeai.gitops.hook.cli;

import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.MODEL_FILE;
import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.PASSWORD;
import static io.kubeai.gitops.hook.cli.CommitAdapterCommandTest.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.Checkout;
import io.kubeai.gitops.hook.testing.GitOpsFixture;
import io.kubeai.gitops.hook.testing.HookRun;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.git.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Twenty finetuning Jobs finishing at once: twenty adapters, none lost, one commit each. */
class ConcurrentHooksTest {

    static final int HOOKS = 20;

    @TempDir
    Path tmp;

    @Test
    // A bound against a hang, not a speed target: 20 JVM-less hooks take ~10 s alone, and a loaded
    // 2-core machine has been measured at more than 90 s. Tests must not fail for a slow machine.
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void twentyHooksRacingOnOneBranch_leaveTwentyAdaptersAndTwentyCommits() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), USER, PASSWORD)) {
            String url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
            String original;
            int seedCommits;
            try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
                original = repo.read("main", MODEL_FILE).orElseThrow();
                seedCommits = repo.log("main").size();
            }

            List<HookRun> runs = race(url);

            assertThat(runs)
                    .allSatisfy(
                            run -> assertThat(run.exitCode()).as(run.toString()).isZero());
            try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
                String model = repo.read("main", MODEL_FILE).orElseThrow();
                for (int i = 0; i < HOOKS; i++) {
                    assertThat(model)
                            .contains("  - name: job-" + i + "\n    url: s3://adapters/llama-8b/job-" + i + "\n");
                }
                // Every other byte is the original's: removing the added entries gives it back.
                String stripped =
                        model.replaceAll("  - name: job-\\d+\n    url: s3://adapters/llama-8b/job-\\d+\n", "");
                assertThat(stripped).isEqualTo(original);

                List<RevCommit> added =
                        repo.log("main").subList(0, repo.log("main").size() - seedCommits);
                assertThat(added).hasSize(HOOKS);
                assertThat(added)
                        .extracting(RevCommit::getShortMessage)
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, HOOKS)
                                .mapToObj(i -> "Add adapter job-" + i + " to model llama-8b")
                                .toList());
                assertThat(added)
                        .allSatisfy(c -> assertThat(repo.changedPaths(c))
                                .allMatch(p -> p.equals(MODEL_FILE) || p.startsWith("rendered/")));
            }
            GenerateResult check =
                    Checkout.check(Checkout.of(server.repositoryDir("gitops"), "main", tmp.resolve("check")));
            assertThat(check.upToDate())
                    .as("rendered/ after the race matches a fresh generate: %s", check)
                    .isTrue();
        }
    }

    private static List<HookRun> race(String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(HOOKS);
        // The production retry policy: the point is that its defaults absorb twenty simultaneous Jobs.
        HookEnvironment base = CommitAdapterCommandTest.environment();
        HookEnvironment environment = new HookEnvironment(
                base.env(), base.renderer(), base.publisher(), RetryPolicy.GIT_PUSH, base.sleeper());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HookRun>> futures = new ArrayList<>();
            for (int i = 0; i < HOOKS; i++) {
                String job = "job-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return HookRun.of(
                            environment,
                            CommitAdapterCommandTest.args(url, "llama-8b", job, "s3://adapters/llama-8b/" + job));
                }));
            }
            start.countDown();
            List<HookRun> runs = new ArrayList<>();
            for (Future<HookRun> future : futures) {
                runs.add(future.get(80, TimeUnit.SECONDS));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
