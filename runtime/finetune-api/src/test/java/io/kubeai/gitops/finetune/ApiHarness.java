package io.kubeai.gitops.finetune;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeai.gitops.finetune.http.FinetuneApi;
import io.kubeai.gitops.hook.AdapterCommitter;
import io.kubeai.gitops.hook.CommitOutcome;
import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.GitTarget;
import io.kubeai.gitops.hook.edit.Adapter;
import io.kubeai.gitops.hook.git.GitCredentials;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import io.kubeai.gitops.testing.git.GitHttpServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The API with real peers: the in-process S3 server (files bucket), the Git smart-HTTP server with basic
 * auth (the GitOps repo, seeded from src/test/resources/gitops) and a Kubernetes client, all on
 * 127.0.0.1 and ports chosen at run time. Every log line the API writes is kept.
 */
final class ApiHarness implements AutoCloseable {
    static final String KEY = "sk-kubeai-test-7f3c9a1b2d4e";
    static final String GIT_USER = "finetune-bot";
    static final String GIT_PASSWORD = "git-pass-5b8e2d9c";
    static final String FILES_URL = "s3://kubeai/finetuning-files/";
    static final String MODEL = "llama-8b";

    final S3TestServer s3;
    final GitHttpServer git;
    final FinetuneApi api;
    final GitTarget target;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private ApiHarness(Path tmp, KubernetesClient cluster, CommitRequest.Mode mode, long maxUploadBytes)
            throws IOException {
        s3 = S3TestServer.start();
        s3.createBucket("kubeai");
        git = GitHttpServer.start(tmp.resolve("git"), GIT_USER, GIT_PASSWORD);
        String url = git.seed("gitops", "main", Path.of("src/test/resources/gitops"));
        target = new GitTarget(
                url,
                "main",
                "",
                mode,
                "main",
                "kubeai-finetune-api",
                "finetune-api@example.org",
                RetryPolicy.GIT_PUSH,
                Optional.of(new GitCredentials(GIT_USER, GIT_PASSWORD)));
        ApiSettings settings = new ApiSettings(
                0,
                List.of(KEY),
                FILES_URL,
                target,
                ApiSettings.DEFAULT_BRANCH_TEMPLATE,
                "llm",
                maxUploadBytes,
                ApiSettings.DEFAULT_MAX_REQUEST_BYTES,
                Duration.ZERO);
        api = new FinetuneApi(settings, new InetSocketAddress("127.0.0.1", 0), s3.client(), cluster, log::add);
    }

    static ApiHarness start(Path tmp, KubernetesClient cluster) throws IOException {
        return new ApiHarness(tmp, cluster, CommitRequest.Mode.PUSH, ApiSettings.DEFAULT_MAX_UPLOAD_BYTES);
    }

    static ApiHarness start(Path tmp, KubernetesClient cluster, CommitRequest.Mode mode, long maxUploadBytes)
            throws IOException {
        return new ApiHarness(tmp, cluster, mode, maxUploadBytes);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + api.port() + "/v1";
    }

    /** A user's program: the official SDK, nothing changed but the base URL and the key. */
    OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl()).apiKey(KEY).build();
    }

    /** A file of a branch of the GitOps repo, read from the server's bare repository. */
    Optional<String> file(String branch, String path) throws IOException {
        try (Repository repo = Git.open(git.repositoryDir("gitops").toFile()).getRepository()) {
            ObjectId head = repo.resolve("refs/heads/" + branch);
            if (head == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(head);
                try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                    return tree == null
                            ? Optional.empty()
                            : Optional.of(
                                    new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The messages of a branch's commits, newest first. */
    List<String> commits(String branch) throws Exception {
        try (Git g = Git.open(git.repositoryDir("gitops").toFile())) {
            ObjectId head = g.getRepository().resolve("refs/heads/" + branch);
            List<String> messages = new ArrayList<>();
            if (head != null) {
                g.log().add(head).call().forEach(c -> messages.add(c.getFullMessage()));
            }
            return messages;
        }
    }

    /** What the training Job's commit-back hook does when the adapter is published: the real library. */
    CommitOutcome commitAdapter(String job, String adapterUrl) throws Exception {
        CommitRequest request = CommitRequest.builder(target.repoUrl(), "main", MODEL, new Adapter(job, adapterUrl))
                .credentials(new GitCredentials(GIT_USER, GIT_PASSWORD))
                .build();
        return new AdapterCommitter(new GeneratorRenderer(), line -> {}).commit(request);
    }

    @Override
    public void close() {
        api.close();
        git.close();
        s3.close();
    }
}
