package io.kubeai.gitops.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.PlanReport;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repo is generated and committed, then its specs change the way pull requests change them; the plan must
 * name every change, in text and in Markdown, and shout when a volume goes.
 */
class ReviewTest {
    private static final String CONFIG = """
            namespace: kubeai
            s3:
              endpoint: http://seaweedfs.kubeai.svc:8333
            models:
              cache:
                defaultProfile: LocalBucket
                profiles:
                  LocalBucket:
                    bucket:
                      url: s3://kubeai/models/
                  EFS:
                    sharedFilesystem:
                      storageClass: efs-sc
                      baseDir: /models/
                      size: 1Ti
                  HyperDisk:
                    staticVolume:
                      storageClass: hyperdisk-ml
                      snapshotClass: hyperdisk-ml
                      size: 200Gi
            """;

    @TempDir
    Path repo;

    @TempDir
    Path scratch;

    @BeforeEach
    void committedRepo() throws Exception {
        Files.writeString(repo.resolve("kubeai.yaml"), CONFIG);
        model("chat", """
                  url: hf://org/chat
                  resourceProfile: cpu:2
                  args: [--max-model-len=4096]
                  adapters:
                  - name: sql
                    url: hf://org/sql-lora
                  - name: pirate
                    url: hf://org/pirate-lora
                """);
        model("big", "  url: hf://org/big\n  cacheProfile: HyperDisk\n");
        model("qwen", "  url: hf://org/qwen\n");
        model("gemma", "  url: hf://google/gemma\n  cacheProfile: None\n");
        generate(repo.resolve("rendered"));
    }

    /** The plan of {@code repo}'s specs against {@code committed}, as {@code kubeai plan --output} makes it. */
    private PlanReport plan(Path committed) throws IOException {
        return new Generator()
                .plan(GenerateRequest.builder(repo)
                        .outputDir(committed.toAbsolutePath())
                        .build());
    }

    @Test
    void unchangedSpecs_haveNoChanges() throws Exception {
        PlanReport plan = plan(repo.resolve("rendered"));

        assertThat(plan.hasErrors()).isFalse();
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.deletesVolumes()).isFalse();
        assertThat(plan.toText()).isEqualTo("kubeai plan: no changes: the specs render what is committed\n");
        assertThat(plan.toMarkdown())
                .contains("<!-- kubeai-plan -->", "**No changes: the specs render what is committed**");
    }

    @Test
    void pullRequest_namesEveryModelJobCacheAndVolumeChange() throws Exception {
        model("chat", """
                  url: hf://org/chat
                  resourceProfile: cpu:2
                  image: vllm/vllm-openai:v0.11.0
                  replicas: 2
                  env:
                    LOG_LEVEL: debug
                  args: [--max-model-len=8192]
                  adapters:
                  - name: sql
                    url: hf://org/sql-lora
                  - name: french
                    url: hf://org/french-lora
                """);
        Files.delete(repo.resolve("models/big.yaml"));
        Files.delete(repo.resolve("models/gemma.yaml"));
        model("qwen", "  url: hf://org/qwen\n  cacheProfile: EFS\n");
        model("phi", "  url: hf://microsoft/phi-3\n");

        PlanReport plan = plan(repo.resolve("rendered"));
        String text = plan.toText();

        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.deletesVolumes()).isTrue();
        assertThat(text)
                .startsWith("kubeai plan: 1 Model added, 2 Models removed, 2 Models changed, 3 Jobs will run, "
                        + "3 cache entries left behind, 1 volume object created, 3 volume objects DELETED\n");
        assertThat(text)
                .contains("+ `phi` added: VLLM, image ", "model `hf://microsoft/phi-3`, cache profile `localbucket`")
                .contains(
                        "- `big` removed: was VLLM",
                        "model `hf://org/big`, cache its own volume (storage class " + "`hyperdisk-ml`)")
                .contains("- `gemma` removed: was VLLM", "model `google/gemma`, cache none")
                .contains("~ `chat` changed (pod template changed: every replica restarts)")
                .contains("    - image: `", "` → `vllm/vllm-openai:v0.11.0`")
                // The new image streams from the bucket (Run:ai), where the CPU image had the model copied in.
                .contains("    - args: added `--load-format=runai_streamer`, `--max-model-len=8192`; removed"
                        + " `--max-model-len=4096`")
                .contains("    - env: ", "LOG_LEVEL added `debug`")
                .contains("    - adapters: added `french` from `hf://org/french-lora`; removed `pirate`")
                .contains("    - replicas: `1` → `2`")
                .contains("~ `qwen` changed", "    - cache: profile `localbucket` → profile `efs`");
        assertThat(section(text, "Caches to load"))
                .contains("+ `caches/localbucket`: `hf://microsoft/phi-3` → `s3://kubeai/models/", ", for `phi`")
                .contains(
                        "+ `caches/localbucket`: `hf://org/french-lora` → `s3://kubeai/models/french-lora-",
                        ", for `chat`)")
                .contains("+ `caches/efs`: `hf://org/qwen` → `/cache/models/", ", for `qwen`");
        assertThat(section(text, "Cache entries left behind"))
                .contains(
                        "- `caches/localbucket`: `hf://org/qwen` at `s3://kubeai/models/",
                        "for `qwen`); the copy stays in the cache until deleted by hand")
                .contains("- `caches/localbucket`: `hf://org/pirate-lora`")
                .contains("- `models/big`: `hf://org/big`", "the copy is on the Model's own volume (see Volumes)")
                .doesNotContain("sql-lora", "phi-3");
        assertThat(section(text, "Volumes"))
                .contains("+ PersistentVolumeClaim `kubeai/kubeai-cache-efs` created in `caches/efs/pvc.yaml`: 1Ti, "
                        + "storage class `efs-sc`, ReadWriteMany")
                .contains("- PersistentVolumeClaim `kubeai/big-cache-", " DELETED, data loss in `models/big/pvc-big-")
                .contains("- VolumeSnapshot `kubeai/big-cache-");
        assertThat(text)
                .contains(
                        "!! DATA LOSS: 3 volume objects will be deleted",
                        "!! - PersistentVolumeClaim `kubeai/big-cache-",
                        "storage class `hyperdisk-ml`");

        String markdown = plan.toMarkdown();
        assertThat(markdown)
                .startsWith("<!-- kubeai-plan -->\n### kubeai plan\n\n**1 Model added, 2 Models removed")
                .contains("> **⚠️ Data loss:** 3 volume objects will be deleted\n>\n> - PersistentVolumeClaim "
                        + "`kubeai/big-cache-")
                .contains("#### Models\n\n- ➕ `phi` **added**: VLLM", "- ➖ `big` **removed**: was VLLM")
                .contains("- ✏️ `chat` **changed** (pod template changed: every replica restarts)\n  - image: `")
                .contains("  - adapters: added `french` from `hf://org/french-lora`; removed `pirate`")
                .contains("#### Caches to load (loader Jobs that run on sync)\n\n- ➕ `caches/")
                .contains("#### Volumes\n\n", "- ➖ PersistentVolumeClaim `kubeai/big-cache-", "**DELETED, data loss**");
        validate(scratch.resolve("after"));
    }

    @Test
    void onlyAdapters_changeTheAdapterList_withoutRestartingPods() throws Exception {
        model("chat", """
                  url: hf://org/chat
                  resourceProfile: cpu:2
                  args: [--max-model-len=4096]
                  adapters:
                  - name: sql
                    url: hf://org/sql-lora-v2
                  - name: pirate
                    url: hf://org/pirate-lora
                """);

        String text = plan(repo.resolve("rendered")).toText();

        assertThat(text)
                .contains("~ `chat` changed (no restart)\n"
                        + "    - adapters: `sql` re-pointed `hf://org/sql-lora` → `hf://org/sql-lora-v2`\n");
        assertThat(section(text, "Caches to load")).contains("`hf://org/sql-lora-v2`");
        assertThat(section(text, "Cache entries left behind")).contains("`hf://org/sql-lora` at");
    }

    @Test
    void staticAdapters_areReadFromTheInitContainers() throws Exception {
        model("gemma", """
                  url: hf://google/gemma
                  cacheProfile: None
                  adapterLoading: Static
                  adapters:
                  - name: pirate
                    url: s3://adapters/pirate
                """);
        generate(repo.resolve("rendered"));
        model("gemma", """
                  url: hf://google/gemma
                  cacheProfile: None
                  adapterLoading: Static
                  adapters:
                  - name: french
                    url: s3://adapters/french
                """);

        String text = plan(repo.resolve("rendered")).toText();

        assertThat(text)
                .contains("~ `gemma` changed (pod template changed: every replica restarts)\n"
                        + "    - adapters: added `french` from `s3://adapters/french`; removed `pirate`\n");
        assertThat(text).doesNotContain("lora-modules", "DATA LOSS");
    }

    @Test
    void modelSourceAndResources_areNamed() throws Exception {
        model("gemma", "  url: hf://google/gemma-2\n  cacheProfile: None\n  resourceProfile: cpu:4\n");

        String text = plan(repo.resolve("rendered")).toText();

        assertThat(text)
                .contains(
                        "~ `gemma` changed (pod template changed: every replica restarts)",
                        "    - model: `google/gemma` → `google/gemma-2`",
                        "    - resources: requests.cpu `1` → `4`");
    }

    @Test
    void changesNoRuleNames_areListedByJsonPointer_andAutoscalingByItsBounds() throws Exception {
        model("gemma", "  url: hf://google/gemma\n  cacheProfile: None\n  priorityClassName: high\n");
        model("qwen", "  url: hf://org/qwen\n  minReplicas: 1\n  maxReplicas: 4\n");

        String text = plan(repo.resolve("rendered")).toText();

        assertThat(text)
                .contains("~ `gemma` changed (pod template changed: every replica restarts)\n"
                        + "    - Deployment `/spec/template/spec/priorityClassName`: added `high`\n");
        assertThat(text).contains("~ `qwen` changed", "    - autoscaling: none → 1–4 replicas");
    }

    @Test
    void missingCommittedTree_showsEverythingAsNew() throws Exception {
        PlanReport plan = plan(repo.resolve("no-such-dir"));

        assertThat(plan.toText())
                .startsWith("kubeai plan: 4 Models added, ")
                .contains("+ `big` added", "+ PersistentVolumeClaim `kubeai/big-cache-")
                .doesNotContain("DATA LOSS");
    }

    @Test
    void specErrors_comeBackAsDiagnostics_andNoPlan() throws Exception {
        model("qwen", "  url: hf://org/qwen\n  cacheProfile: Nope\n");

        PlanReport plan = plan(repo.resolve("rendered"));

        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.diagnostics()).extracting(Diagnostic::format).anyMatch(d -> d.startsWith("models/qwen.yaml:"));
        assertThat(plan.toText())
                .startsWith("kubeai plan: the specs have 1 error; nothing was compared\n\n  models/qwen.yaml:");
        assertThat(plan.toMarkdown()).contains("```\nmodels/qwen.yaml:");
    }

    @Test
    void nothingInTheRepoIsWritten() throws Exception {
        model("phi", "  url: hf://microsoft/phi-3\n");
        String before = listing(repo);

        plan(repo.resolve("rendered"));

        assertThat(listing(repo)).isEqualTo(before);
    }

    private void model(String name, String spec) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("models/" + name + ".yaml"),
                "kind: Model\nmetadata:\n  name: " + name + "\nspec:\n" + spec);
    }

    private void generate(Path output) throws Exception {
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(repo).outputDir(output).build());
        assertThat(result.diagnostics()).extracting(Diagnostic::format).noneMatch(d -> d.contains("error"));
        RenderedTreeChecks.assertValid(output);
    }

    /** The after-state is rendered once more on its own, so its documents are validated too. */
    private void validate(Path output) throws Exception {
        generate(output);
    }

    /** The lines of one section: from its heading to the next unindented line. */
    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading);
        assertThat(start).as("section %s in:%n%s", heading, text).isNotNegative();
        StringBuilder lines = new StringBuilder();
        for (String line : text.substring(start + 1).lines().skip(1).toList()) {
            if (!line.startsWith(" ")) {
                break;
            }
            lines.append(line).append('\n');
        }
        return lines.toString();
    }

    private static String listing(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                out.append(dir.relativize(p))
                        .append(Files.isRegularFile(p) ? " " + Files.size(p) : "")
                        .append('\n');
            }
        }
        return out.toString();
    }
}
