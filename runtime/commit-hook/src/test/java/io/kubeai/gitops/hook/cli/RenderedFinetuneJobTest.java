package io.kubeai.gitops.hook.cli;

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
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The contract with the generator: the publish container it renders into a finetuning Job runs this
 * CLI. Its args, with only the endpoints swapped for in-process ones, must publish and commit.
 */
class RenderedFinetuneJobTest {

    @TempDir
    Path tmp;

    @Test
    void thePublishContainerTheGeneratorRenders_publishesAndCommits() throws Exception {
        Path repo = GitOpsFixture.rendered("finetune", "", tmp);
        Map<String, Object> publish = publishContainer(repo.resolve("rendered"));
        @SuppressWarnings("unchecked")
        List<String> args = new ArrayList<>((List<String>) publish.get("args"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> env = (List<Map<String, Object>>) publish.get("env");

        assertThat(args.get(0)).isEqualTo("finish");
        assertThat(env).extracting(e -> e.get("name")).contains("GIT_USERNAME", "GIT_PASSWORD");
        String storageUrl = valueOf(args, "--storage-url");
        assertThat(storageUrl).isEqualTo("s3://adapters/llama-8b/llama-sql-v1");

        Path adapter = Files.createDirectories(tmp.resolve("output"));
        Files.writeString(adapter.resolve("adapter_config.json"), "{\"r\": 8}\n");
        try (GitHttpServer git = GitHttpServer.start(Files.createDirectory(tmp.resolve("server")), USER, PASSWORD);
                S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("adapters");
            String url = git.seed("gitops", "main", repo);
            replace(args, "--repo-url", url);
            replace(args, "--output-dir", adapter.toString());
            Map<String, String> vars = new HashMap<>(s3.environment());
            vars.put("GIT_USERNAME", USER);
            vars.put("GIT_PASSWORD", PASSWORD);
            HookEnvironment environment = new HookEnvironment(
                    vars,
                    new GeneratorRenderer(),
                    new LoaderPublisher(LoaderEnv.of(s3.environment())),
                    RetryPolicy.GIT_PUSH,
                    d -> Thread.sleep(d.toMillis()));

            HookRun run = HookRun.of(environment, args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(s3.listKeys("adapters", "llama-8b/llama-sql-v1/"))
                    .contains(
                            "llama-8b/llama-sql-v1/adapter_config.json", "llama-8b/llama-sql-v1/.kubeai/complete.json");
            try (BareRepo remote = new BareRepo(git.repositoryDir("gitops"))) {
                assertThat(remote.read("main", "models/llama.yaml").orElseThrow())
                        .endsWith(
                                "  adapters:\n  - name: llama-sql-v1\n    url: s3://adapters/llama-8b/llama-sql-v1\n");
                assertThat(remote.log("main").get(0).getFullMessage())
                        .contains("Trainer-Image: ghcr.io/example-org/peft-lora-trainer:1.0");
            }
        }
    }

    /** The container named "publish" of the one finetuning Job in the rendered tree. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> publishContainer(Path rendered) throws IOException {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rendered)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        if (doc instanceof Map<?, ?> map && "Job".equals(map.get("kind"))) {
                            Map<String, Object> pod = (Map<String, Object>)
                                    ((Map<String, Object>) ((Map<String, Object>) map.get("spec")).get("template"))
                                            .get("spec");
                            for (Map<String, Object> c : (List<Map<String, Object>>) pod.get("containers")) {
                                if ("publish".equals(c.get("name"))) {
                                    found.add(c);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("finetuning Jobs with a publish container in " + rendered)
                .hasSize(1);
        return found.get(0);
    }

    private static String valueOf(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    private static void replace(List<String> args, String option, String value) {
        int at = args.indexOf(option);
        assertThat(at).as(option + " in " + args).isNotNegative();
        args.set(at + 1, value);
    }
}
