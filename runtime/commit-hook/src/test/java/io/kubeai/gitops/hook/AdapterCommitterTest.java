package io.kubeai.gitops.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.hook.edit.Adapter;
import io.kubeai.gitops.hook.git.GitCredentials;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.hook.render.Renderer;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.Checkout;
import io.kubeai.gitops.hook.testing.GitOpsFixture;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.git.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry loop, made deterministic: another writer pushes while the hook renders, so the hook's
 * push loses exactly as often as the test says.
 */
class AdapterCommitterTest {

    static final String USER = "kubeai-bot";
    static final String PASSWORD = "another-s3cret-4821";

    @TempDir
    Path tmp;

    GitHttpServer server;
    String url;
    final List<String> log = new ArrayList<>();
    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        server = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), USER, PASSWORD);
        url = server.seed("gitops", "main", GitOpsFixture.rendered("basic", "", tmp));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CommitRequest.Builder request(String adapter) {
        return CommitRequest.builder(url, "main", "llama-8b", new Adapter(adapter, "s3://adapters/llama-8b/" + adapter))
                .credentials(new GitCredentials(USER, PASSWORD))
                .retry(RetryPolicy.GIT_PUSH
                        .withMaxAttempts(5)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    AdapterCommitter committer(Renderer renderer) {
        return new AdapterCommitter(renderer, log::add, waits::add, RandomGenerator.getDefault());
    }

    /** Renders for real, but first lets another writer push a commit, {@code times} times in all. */
    Renderer interferingRenderer(int times) {
        AtomicInteger left = new AtomicInteger(times);
        GeneratorRenderer real = new GeneratorRenderer();
        return dir -> {
            if (left.getAndDecrement() > 0) {
                pushUnrelatedCommit(times - left.get());
            }
            return real.render(dir);
        };
    }

    void pushUnrelatedCommit(int n) throws java.io.IOException {
        Path work = Files.createTempDirectory(tmp, "other-writer");
        try (Git git = Git.cloneRepository()
                .setURI(url)
                .setDirectory(work.toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, PASSWORD))
                .call()) {
            Files.writeString(work.resolve("NOTES.md"), "note " + n + "\n");
            git.add().addFilepattern("NOTES.md").call();
            git.commit().setMessage("Other writer " + n).setSign(false).call();
            git.push()
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, PASSWORD))
                    .call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new java.io.IOException(e);
        }
    }

    @Test
    void lostRace_isRetriedOnTheNewHead_andKeepsTheOtherWritersCommit() throws Exception {
        CommitOutcome outcome =
                committer(interferingRenderer(2)).commit(request("support-v2").build());

        assertThat(outcome).isInstanceOf(CommitOutcome.Committed.class);
        assertThat(((CommitOutcome.Committed) outcome).attempts()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(log).filteredOn(l -> l.startsWith("branch main moved")).hasSize(2);
        try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
            List<RevCommit> history = repo.log("main");
            assertThat(history.get(0).getShortMessage()).isEqualTo("Add adapter support-v2 to model llama-8b");
            assertThat(history.get(1).getShortMessage()).isEqualTo("Other writer 2");
            assertThat(history.get(2).getShortMessage()).isEqualTo("Other writer 1");
            assertThat(repo.read("main", "NOTES.md")).contains("note 2\n");
            assertThat(repo.read("main", "models/llama.yaml").orElseThrow()).contains("- name: support-v2");
        }
        assertThat(Checkout.check(Checkout.of(server.repositoryDir("gitops"), "main", tmp.resolve("check")))
                        .upToDate())
                .isTrue();
    }

    @Test
    void raceLostEveryTime_givesUpAfterMaxAttempts() throws Exception {
        ObjectId before;
        try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
            before = repo.head("main").orElseThrow();
        }

        assertThatThrownBy(() -> committer(interferingRenderer(100))
                        .commit(request("support-v2")
                                .retry(RetryPolicy.GIT_PUSH
                                        .withMaxAttempts(3)
                                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40)))
                                .build()))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HookException.Kind.USER);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "gave up after 3 attempts: branch 'main' of " + url
                                            + " kept moving under us (retries exhausted; re-run the hook or raise --max-attempts)");
                });
        try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
            assertThat(repo.log("main"))
                    .extracting(RevCommit::getShortMessage)
                    .doesNotContain("Add adapter support-v2 to model llama-8b")
                    .contains("Other writer 3");
            assertThat(repo.log("main")).extracting(RevCommit::getId).contains(before);
        }
    }

    @Test
    void renderErrors_failTheHookWithTheDiagnostics_andPushNothing() throws Exception {
        ObjectId before;
        try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
            before = repo.head("main").orElseThrow();
        }
        Renderer broken = dir -> new io.kubeai.gitops.hook.render.Rendering(
                dir.resolve("rendered"),
                List.of("models/llama.yaml:17:5: error: adapters are not supported here"),
                List.of());

        assertThatThrownBy(() -> committer(broken).commit(request("support-v2").build()))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HookException.Kind.USER);
                    assertThat(e.getMessage())
                            .isEqualTo("re-rendering the repo failed with 1 error(s); nothing was pushed");
                    assertThat(e.details())
                            .containsExactly("models/llama.yaml:17:5: error: adapters are not supported here");
                });
        try (BareRepo repo = new BareRepo(server.repositoryDir("gitops"))) {
            assertThat(repo.head("main")).contains(before);
        }
    }

    @Test
    void generatorDiagnostics_fromARepoTheGeneratorRejects_failTheHook() throws Exception {
        Path repoWithBadModel = GitOpsFixture.copy("basic", tmp.resolve("bad"));
        GitOpsFixture.write(repoWithBadModel, "models/broken.yaml", """
                apiVersion: kubeai.org/v1
                kind: Model
                metadata:
                  name: Not_A_Valid_Name
                spec:
                  url: hf://acme/model
                """);
        url = server.seed("bad", "main", repoWithBadModel);

        assertThatThrownBy(() -> committer(new GeneratorRenderer())
                        .commit(request("support-v2").build()))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HookException.Kind.USER);
                    assertThat(e.getMessage()).startsWith("re-rendering the repo failed with ");
                    assertThat(e.details())
                            .anyMatch(d -> d.startsWith("models/broken.yaml:4:") && d.contains("error:"));
                });
    }
}
