package io.kubeai.gitops.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.JobListEventsParams;
import com.openai.models.finetuning.jobs.JobListParams;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubeai.gitops.hook.CommitOutcome;
import io.kubeai.gitops.hook.CommitRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program with the official OpenAI SDK, unchanged but for the base URL and key: upload, create,
 * retrieve, list, cancel and events, against the Git, S3 and Kubernetes peers.
 */
@EnableKubernetesMockClient(crud = true)
class FinetuneApiSdkTest {
    static final String CHAT = """
            {"messages": [{"role": "system", "content": "You answer in SQL."}, {"role": "user", "content": "All users?"}, {"role": "assistant", "content": "SELECT * FROM users;"}]}
            {"messages": [{"role": "user", "content": "Count orders"}, {"role": "assistant", "content": "SELECT count(*) FROM orders;"}]}
            """;

    // The simulated training runs after the job was created, as a real one would.
    static final java.time.Instant STARTED =
            java.time.Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final java.time.Instant FINISHED = STARTED.plusSeconds(600);

    KubernetesClient cluster;

    @TempDir
    Path tmp;

    private ApiHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void sdkUploadsAndCreates_jobIsCommitted_andSucceedsOnceTrainedAndAdapterCommitted() throws Exception {
        harness = ApiHarness.start(tmp, cluster);
        OpenAIClient client = harness.client();

        Path data = Files.writeString(tmp.resolve("sql.jsonl"), CHAT);
        FileObject file = client.files()
                .create(FileCreateParams.builder()
                        .file(data)
                        .purpose(FilePurpose.FINE_TUNE)
                        .build());
        assertThat(file.id()).startsWith("file-");
        assertThat(file.filename()).isEqualTo("sql.jsonl");
        assertThat(file.bytes()).isEqualTo(CHAT.getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String(
                        harness.s3.getObject("kubeai", "finetuning-files/files/" + file.id() + ".jsonl"),
                        StandardCharsets.UTF_8))
                .isEqualTo(CHAT);
        assertThat(client.files().retrieve(file.id()).filename()).isEqualTo("sql.jsonl");

        int commitsBefore = harness.commits("main").size();
        FineTuningJob job = client.fineTuning()
                .jobs()
                .create(JobCreateParams.builder()
                        .model(ApiHarness.MODEL)
                        .trainingFile(file.id())
                        .suffix("sql")
                        .seed(7L)
                        .hyperparameters(JobCreateParams.Hyperparameters.builder()
                                .nEpochs(3L)
                                .build())
                        .putAdditionalBodyProperty("storage_url", JsonValue.from("s3://adapters/sql/"))
                        .build());

        assertThat(job.id()).matches("ftjob-[a-z0-9]{24}");
        assertThat(job.model()).isEqualTo(ApiHarness.MODEL);
        assertThat(job.trainingFile()).isEqualTo(file.id());
        assertThat(job.seed()).isEqualTo(7L);
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.QUEUED);
        assertThat(job.fineTunedModel()).isEmpty();

        List<String> commits = harness.commits("main");
        assertThat(commits).hasSize(commitsBefore + 1);
        assertThat(commits.get(0)).startsWith("Add finetuning job " + job.id() + " for model llama-8b");
        String spec = harness.file("main", "finetunes/" + job.id() + ".yaml").orElseThrow();
        assertThat(spec)
                .contains("kind: FineTuneJob")
                .contains("  name: " + job.id())
                .contains("  model: \"llama-8b\"")
                .contains("  training_file: \"s3://kubeai/finetuning-files/files/" + file.id() + ".jsonl\"")
                .contains("    n_epochs: 3")
                .contains("  suffix: \"sql\"")
                .contains("  storage_url: \"s3://adapters/sql/\"")
                .contains("kubeai.org/training-file-id: \"" + file.id() + "\"");
        // Re-rendered in the same commit: the training Job is in the tree Argo CD or Flux applies.
        assertThat(harness.file("main", "rendered/finetunes/" + job.id() + "/job.yaml"))
                .get()
                .asString()
                .contains("kubeai.org/finetune-job: " + job.id());

        cluster.batch()
                .v1()
                .jobs()
                .inNamespace("llm")
                .resource(trainingJob(job.id()))
                .create();
        cluster.batch()
                .v1()
                .jobs()
                .inNamespace("llm")
                .resource(trainingJob(job.id()))
                .updateStatus();
        assertThat(client.fineTuning().jobs().retrieve(job.id()).status()).isEqualTo(FineTuningJob.Status.RUNNING);

        Job finished = trainingJob(job.id());
        finished.getStatus().setActive(0);
        finished.getStatus().setSucceeded(1);
        finished.getStatus().setCompletionTime(FINISHED.toString());
        finished.getStatus()
                .getConditions()
                .add(new io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder()
                        .withType("Complete")
                        .withStatus("True")
                        .build());
        cluster.batch().v1().jobs().inNamespace("llm").resource(finished).updateStatus();
        // Trained, but the hook has not committed the adapter yet: not usable, so not succeeded.
        assertThat(client.fineTuning().jobs().retrieve(job.id()).status()).isEqualTo(FineTuningJob.Status.RUNNING);

        assertThat(harness.commitAdapter(job.id(), "s3://adapters/sql/" + job.id()))
                .isInstanceOf(CommitOutcome.Committed.class);
        FineTuningJob done = client.fineTuning().jobs().retrieve(job.id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        assertThat(done.fineTunedModel()).contains("llama-8b_" + job.id());
        assertThat(done.finishedAt()).contains(FINISHED.getEpochSecond());

        List<String> events = new ArrayList<>();
        client.fineTuning()
                .jobs()
                .listEvents(job.id(), JobListEventsParams.builder().limit(2L).build())
                .autoPager()
                .forEach(e -> events.add(e.message()));
        assertThat(events.get(0)).startsWith("New fine-tuned model created: llama-8b_" + job.id());
        assertThat(events).anyMatch(e -> e.startsWith("Committed finetunes/" + job.id() + ".yaml to main"));
        assertThat(events).contains("Training started", "Created fine-tuning job: " + job.id());

        assertThat(String.join("\n", harness.log))
                .doesNotContain(ApiHarness.KEY)
                .doesNotContain(ApiHarness.GIT_PASSWORD);
    }

    @Test
    void listPages_newestFirst_andCancelCommitsTheRemoval() throws Exception {
        harness = ApiHarness.start(tmp, cluster);
        OpenAIClient client = harness.client();
        FileObject file = client.files()
                .create(FileCreateParams.builder()
                        .file(CHAT.getBytes(StandardCharsets.UTF_8))
                        .purpose(FilePurpose.FINE_TUNE)
                        .build());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(client.fineTuning()
                    .jobs()
                    .create(JobCreateParams.builder()
                            .model(ApiHarness.MODEL)
                            .trainingFile(file.id())
                            .suffix("run-" + i)
                            .build())
                    .id());
        }

        var firstPage = client.fineTuning()
                .jobs()
                .list(JobListParams.builder().limit(2L).build());
        assertThat(firstPage.data()).hasSize(2);
        assertThat(firstPage.hasNextPage()).isTrue();
        List<String> all = StreamSupport.stream(
                        client.fineTuning()
                                .jobs()
                                .list(JobListParams.builder().limit(2L).build())
                                .autoPager()
                                .spliterator(),
                        false)
                .map(FineTuningJob::id)
                .toList();
        assertThat(all).containsExactly(created.get(2), created.get(1), created.get(0));

        String victim = created.get(1);
        FineTuningJob cancelled = client.fineTuning().jobs().cancel(victim);
        assertThat(cancelled.status()).isEqualTo(FineTuningJob.Status.CANCELLED);
        assertThat(harness.file("main", "finetunes/" + victim + ".yaml")).isEmpty();
        assertThat(harness.file("main", "rendered/finetunes/" + victim + "/job.yaml"))
                .isEmpty();
        assertThat(harness.commits("main").get(0)).startsWith("Cancel finetuning job " + victim);
        assertThat(client.fineTuning().jobs().retrieve(victim).status()).isEqualTo(FineTuningJob.Status.CANCELLED);
        assertThat(client.fineTuning().jobs().retrieve(created.get(0)).status()).isEqualTo(FineTuningJob.Status.QUEUED);
        List<FineTuningJobEvent> events =
                client.fineTuning().jobs().listEvents(victim).data();
        assertThat(events.get(0).message()).startsWith("Job cancelled");
    }

    @Test
    void branchMode_proposesTheJobForReview_queuedOnceMerged() throws Exception {
        harness = ApiHarness.start(tmp, cluster, CommitRequest.Mode.BRANCH, ApiSettings.DEFAULT_MAX_UPLOAD_BYTES);
        OpenAIClient client = harness.client();
        int mainBefore = harness.commits("main").size();
        FineTuningJob job = client.fineTuning()
                .jobs()
                .create(JobCreateParams.builder()
                        .model(ApiHarness.MODEL)
                        .trainingFile("s3://datasets/sql/train.jsonl")
                        .build());
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.VALIDATING_FILES);
        assertThat(harness.commits("main")).hasSize(mainBefore);
        String proposal = "kubeai/finetune-" + job.id();
        assertThat(harness.file(proposal, "finetunes/" + job.id() + ".yaml"))
                .get()
                .asString()
                .contains("  training_file: \"s3://datasets/sql/train.jsonl\"");

        // A reviewer merges the pull request: main now carries the proposal's commit.
        try (var git = org.eclipse.jgit.api.Git.open(
                harness.git.repositoryDir("gitops").toFile())) {
            var update = git.getRepository().updateRef("refs/heads/main");
            update.setNewObjectId(git.getRepository().resolve("refs/heads/" + proposal));
            update.update();
        }
        assertThat(client.fineTuning().jobs().retrieve(job.id()).status()).isEqualTo(FineTuningJob.Status.QUEUED);
    }

    static Job trainingJob(String name) {
        return new JobBuilder()
                .withNewMetadata()
                .withName("finetune-" + name + "-abc123")
                .withNamespace("llm")
                .addToLabels("kubeai.org/finetune-job", name)
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withActive(1)
                .withStartTime(STARTED.toString())
                .endStatus()
                .build();
    }
}
