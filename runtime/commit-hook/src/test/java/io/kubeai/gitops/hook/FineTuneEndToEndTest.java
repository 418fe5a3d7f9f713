package io.kubeai.gitops.hook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.hook.e2e.ContainerRun;
import io.kubeai.gitops.hook.e2e.FakeTrainer;
import io.kubeai.gitops.hook.e2e.LocalPod;
import io.kubeai.gitops.hook.e2e.PodTemplate;
import io.kubeai.gitops.hook.e2e.PodTemplate.Container;
import io.kubeai.gitops.hook.testing.BareRepo;
import io.kubeai.gitops.hook.testing.UnifiedDiff;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.git.GitHttpServer;
import io.kubeai.gitops.testing.hf.HfTestServer;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * End to end without a cluster: a FineTuneJob spec is generated into a Job; the Job's containers run
 * here in order (the loader for real against an in-process Hub and S3, a fake trainer, the commit-back
 * hook against an in-process Git server); and a fresh generate from the commit the hook pushed serves the
 * new adapter. Only the container paths are mapped to folders: every URL, argument and variable is the
 * rendered one, and the Secrets the Job references hold the servers' credentials.
 */
class FineTuneEndToEndTest {

    private static final String GIT_USER = "kubeai-finetune-bot";
    private static final String GIT_PASSWORD = "git-push-secret-e2e";
    private static final String HF_TOKEN = "hf_e2e_read_token";
    private static final String TRAINER_IMAGE = "example/trainer:1";
    private static final String LOADER_IMAGE = "ghcr.io/kubeai-gitops/kubeai-loader";
    private static final String HOOK_IMAGE = "ghcr.io/kubeai-gitops/kubeai-commit-hook";
    private static final String ADAPTER_URL = "s3://adapters/base-model/sql-v1";

    private static final Map<String, byte[]> BASE_MODEL = new TreeMap<>(Map.of(
            "config.json", "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 64}\n".getBytes(UTF_8),
            "tokenizer_config.json", "{\"model_max_length\": 2048}\n".getBytes(UTF_8),
            "model.safetensors", bytes(4096, 7)));
    private static final byte[] TRAINING_DATA =
            ("{\"prompt\": \"count users\", \"completion\": \"SELECT count(*) FROM users;\"}\n"
                            + "{\"prompt\": \"list tables\", \"completion\": \"SHOW TABLES;\"}\n")
                    .getBytes(UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    // A bound against a hang, not a speed target: ~20 s alone, over 60 s on a loaded 2-core machine.
    @Timeout(600)
    void fineTuneJob_runAsLocalProcesses_publishesCommitsAndIsServedByAFreshRender() throws Exception {
        try (HfTestServer hub = HfTestServer.start();
                S3TestServer s3 = S3TestServer.start();
                GitHttpServer git =
                        GitHttpServer.start(Files.createDirectory(tmp.resolve("git-server")), GIT_USER, GIT_PASSWORD)) {
            hub.addRepo("org/base-model", BASE_MODEL);
            hub.requireToken(HF_TOKEN);
            // The training data is one object; its neighbour must not be fetched with it.
            s3.createBucket("datasets")
                    .putObject("datasets", "sql/train.jsonl", TRAINING_DATA)
                    .putObject("datasets", "sql/eval.jsonl", TRAINING_DATA)
                    .createBucket("adapters");

            // 1. The GitOps repo, generated and pushed as a user would.
            Path repo = gitopsRepo(git.url("gitops"), s3.endpoint());
            GenerateResult generated =
                    new Generator().generate(GenerateRequest.builder(repo).build());
            assertThat(generated.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            RenderedTreeChecks.assertValid(repo.resolve("rendered"));
            String modelFile = Files.readString(repo.resolve("models/base-model.yaml"));
            String jobYaml = Files.readString(repo.resolve("rendered/finetunes/sql-v1/job.yaml"));
            git.seed("gitops", "main", repo);

            // 2 and 3. The Job's pod, one container after the other, each to success.
            PodTemplate pod = PodTemplate.read(repo.resolve("rendered/finetunes/sql-v1/job.yaml"));
            assertThat(pod.initContainers())
                    .extracting(Container::name)
                    .containsExactly("fetch-base-model", "fetch-training-data", "trainer");
            assertThat(pod.containers()).extracting(Container::name).containsExactly("publish");
            LocalPod local = new LocalPod(
                    pod,
                    Files.createDirectory(tmp.resolve("pod")),
                    Map.of(
                            "aws", Map.of("accessKeyID", s3.accessKey(), "secretAccessKey", s3.secretKey()),
                            "huggingface", Map.of("token", HF_TOKEN),
                            "kubeai-git", Map.of("username", GIT_USER, "password", GIT_PASSWORD)),
                    // The Job has no place for a Hub mirror: the cluster's nodes would provide it.
                    Map.of("HF_ENDPOINT", hub.endpoint().toString()));
            FakeTrainer trainer = new FakeTrainer();
            for (Container container : concat(pod.initContainers(), pod.containers())) {
                ContainerRun run = local.run(container, c -> runContainer(c, trainer));
                assertThat(run.exitCode()).as(run.toString()).isZero();
            }

            FakeTrainer.Inputs seen = trainer.inputs();
            assertThat(withoutMarker(seen.baseModel())).containsOnlyKeys(BASE_MODEL.keySet());
            BASE_MODEL.forEach((name, content) ->
                    assertThat(seen.baseModel().get(name)).as(name).isEqualTo(content));
            assertThat(withoutMarker(seen.trainingData())).containsOnlyKeys("train.jsonl");
            assertThat(seen.trainingData().get("train.jsonl")).isEqualTo(TRAINING_DATA);
            assertThat(seen.hyperparameters().path("n_epochs").asInt()).isEqualTo(2);
            assertThat(seen.modelName()).isEqualTo("base-model");
            assertThat(seen.jobName()).isEqualTo("sql-v1");

            // 4. The adapter is in the bucket, verified and marked complete.
            assertThat(s3.listKeys("adapters", "base-model/sql-v1/"))
                    .containsExactlyInAnyOrder(
                            "base-model/sql-v1/adapter_config.json",
                            "base-model/sql-v1/adapter_model.safetensors",
                            "base-model/sql-v1/.kubeai/complete.json");
            trainer.adapter()
                    .forEach((name, content) -> assertThat(s3.getObject("adapters", "base-model/sql-v1/" + name))
                            .as(name)
                            .isEqualTo(content));

            // One commit on top of the seed, with the Model edit and its re-render and nothing else: the
            // Job that ran and the serving Deployment are unchanged, so nothing retrains or restarts.
            try (BareRepo remote = new BareRepo(git.repositoryDir("gitops"))) {
                List<RevCommit> log = remote.log("main");
                assertThat(log).hasSize(2);
                RevCommit head = log.get(0);
                assertThat(head.getFullMessage()).contains("sql-v1", "Trainer-Image: " + TRAINER_IMAGE);
                assertThat(remote.changedPaths(head))
                        .containsExactlyInAnyOrder(
                                "models/base-model.yaml", "rendered/models/base-model/configmap-adapters.yaml");
            }

            // A fresh clone of the head is up to date, and its Model gained exactly the adapter lines.
            Path clone = tmp.resolve("clone");
            Git.cloneRepository()
                    .setURI(git.url("gitops"))
                    .setBranch("main")
                    .setDirectory(clone.toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider(GIT_USER, GIT_PASSWORD))
                    .call()
                    .close();
            GenerateResult check = new Generator()
                    .generate(GenerateRequest.builder(clone).check(true).build());
            assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            assertThat(check.upToDate())
                    .as("the pushed rendered/ is what the pushed specs render: " + check)
                    .isTrue();
            String expectedModel = modelFile + "  adapters:\n  - name: sql-v1\n    url: " + ADAPTER_URL + "\n";
            String committedModel = Files.readString(clone.resolve("models/base-model.yaml"));
            assertThat(committedModel)
                    .as(UnifiedDiff.of("expected", expectedModel, "committed", committedModel))
                    .isEqualTo(expectedModel);
            assertThat(Files.readString(clone.resolve("rendered/finetunes/sql-v1/job.yaml")))
                    .isEqualTo(jobYaml);

            // A fresh generate from that commit serves the adapter.
            Path fresh = tmp.resolve("fresh-render");
            GenerateResult render = new Generator()
                    .generate(GenerateRequest.builder(clone).outputDir(fresh).build());
            assertThat(render.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            RenderedTreeChecks.assertValid(fresh);
            String configMap = Files.readString(fresh.resolve("models/base-model/configmap-adapters.yaml"));
            assertThat(configMap).contains("\"name\" : \"sql-v1\"");
            JsonNode adapters = JSON.readTree(adaptersJson(configMap));
            assertThat(adapters.path("model").asText()).isEqualTo("base-model");
            assertThat(adapters.path("adapters")).singleElement().satisfies(a -> {
                assertThat(a.path("name").asText()).isEqualTo("sql-v1");
                assertThat(a.path("url").asText()).isEqualTo(ADAPTER_URL);
            });
        }
    }

    /** Runs a container as the program its image holds; a container this test does not know fails it. */
    private static ContainerRun runContainer(LocalPod.Prepared prepared, FakeTrainer trainer) {
        Container c = prepared.container();
        List<String> args = prepared.args();
        assertThat(c.command()).as(c.name() + " runs its image's entry point").isEmpty();
        String command = args.isEmpty() ? "" : args.get(0);
        if (c.image().startsWith(LOADER_IMAGE + ":") && List.of("load", "wait").contains(command)) {
            return ContainerRun.loader(c.name(), args, prepared.env());
        }
        if (c.image().equals(TRAINER_IMAGE) && c.name().equals("trainer") && args.isEmpty()) {
            return trainer.run(c.name(), prepared.env());
        }
        if (c.image().startsWith(HOOK_IMAGE + ":") && c.name().equals("publish") && command.equals("finish")) {
            return ContainerRun.hook(c.name(), args, prepared.env());
        }
        return fail("a container this test does not know how to run: " + c);
    }

    private Path gitopsRepo(String gitUrl, URI s3Endpoint) throws IOException {
        Path repo = tmp.resolve("gitops");
        write(repo.resolve("kubeai.yaml"), """
                # Every URL points at a server the test started.
                s3:
                  endpoint: %s
                  pathStyle: true
                finetuning:
                  storage:
                    defaultURLTemplate: "s3://adapters/{model}/{job}"
                  image: %s
                  git:
                    repository: %s
                    branch: main
                """.formatted(s3Endpoint, TRAINER_IMAGE, gitUrl));
        write(repo.resolve("models/base-model.yaml"), """
                # The base model; the hook appends each finished adapter below.
                apiVersion: kubeai.org/v1
                kind: Model
                metadata:
                  name: base-model
                spec:
                  url: hf://org/base-model
                  engine: VLLM
                  features: [TextGeneration]
                  resourceProfile: nvidia-gpu-l4:1
                  cacheProfile: None
                """);
        write(repo.resolve("finetunes/job.yaml"), """
                apiVersion: kubeai.org/v1
                kind: FineTuneJob
                metadata:
                  name: sql-v1
                spec:
                  model: base-model
                  training_file: s3://datasets/sql/train.jsonl
                  hyperparameters:
                    n_epochs: 2
                """);
        return repo;
    }

    private static String adaptersJson(String configMapYaml) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(configMapYaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) doc.get("data");
        return (String) data.get("adapters.json");
    }

    /** The files a trainer reads, without the loader's bookkeeping. */
    private static Map<String, byte[]> withoutMarker(Map<String, byte[]> files) {
        Map<String, byte[]> data = new TreeMap<>(files);
        data.keySet().removeIf(path -> path.startsWith(".kubeai/"));
        return data;
    }

    private static List<Container> concat(List<Container> first, List<Container> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
