package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.finetune.ApiException;
import io.kubeai.gitops.finetune.Ids;
import io.kubeai.gitops.finetune.Pages;
import io.kubeai.gitops.finetune.files.FileService;
import io.kubeai.gitops.finetune.files.ObjectStore;
import io.kubeai.gitops.hook.CommitOutcome;
import io.kubeai.gitops.hook.CommitRequest;
import io.kubeai.gitops.hook.GitTarget;
import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.SpecCommitter;
import io.kubeai.gitops.hook.SpecEdit;
import io.kubeai.gitops.hook.render.GeneratorRenderer;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Fine-tuning jobs: a create becomes {@code finetunes/<id>.yaml} committed with the commit-back library
 * (validated and re-rendered by the generator, retried when other writers race), a cancel a commit that
 * removes it; reads combine the job's record with Git and the cluster.
 */
public final class JobService implements AutoCloseable {
    private static final int LOCK_STRIPES = 64;

    private final JobStore store;
    private final FileService files;
    private final GitTarget git;
    private final String branchTemplate;
    private final SpecCommitter committer;
    private final GitView gitView;
    private final TrainingRuns runs;
    private final JobObjects objects;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<String> log;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Set<String> committing = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    // One commit at a time from this process: racing our own pushes would only cost retries and backoff.
    // Other writers (the hooks, people) are still handled by the committer's retries.
    private final ReentrantLock commits = new ReentrantLock(true);

    public JobService(
            ObjectStore store,
            FileService files,
            GitTarget git,
            String branchTemplate,
            Duration gitRefresh,
            TrainingRuns runs,
            ObjectMapper json,
            Clock clock,
            Consumer<String> log) {
        this.store = new JobStore(store);
        this.files = files;
        this.git = git;
        this.branchTemplate = branchTemplate;
        this.committer = new SpecCommitter(new GeneratorRenderer(), log);
        this.gitView = new GitView(git, gitRefresh, clock);
        this.runs = runs;
        this.objects = new JobObjects(json);
        this.json = json;
        this.clock = clock;
        this.log = log;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Creates a job, or returns the one this request already created: the same {@code Idempotency-Key},
     * or without one the same request while its job has not finished.
     */
    public ObjectNode create(JobRequest request, Optional<String> idempotencyKey) throws IOException, ApiException {
        String key = idempotencyKey.map(k -> "key:" + k).orElseGet(() -> "request:" + request.canonical(json));
        JobRecord record;
        JobSpec spec;
        synchronized (locks[Math.floorMod(key.hashCode(), locks.length)]) {
            Optional<JobRecord> earlier = store.jobFor(key).flatMap(store::get);
            if (earlier.isPresent()) {
                JobState state = state(earlier.get());
                if (idempotencyKey.isPresent() || !state.finished()) {
                    log.accept("create of " + earlier.get().id() + " repeated; answering with the same job");
                    return replay(earlier.get(), request);
                }
            }
            String id = Ids.random(JobStore.PREFIX);
            spec = spec(id, request);
            long now = clock.millis();
            record = new JobRecord(
                    id,
                    now,
                    echo(request),
                    request.seed().orElseGet(() -> (long) random.nextInt(Integer.MAX_VALUE)),
                    spec.file(),
                    null,
                    null,
                    false,
                    null,
                    List.of(new JobRecord.Event(now, "info", "Created fine-tuning job: " + id)));
            store.put(record);
            store.remember(key, id);
            committing.add(id);
        }
        try {
            record = commit(record, spec);
        } catch (ApiException | RuntimeException e) {
            store.forget(key);
            store.delete(record.id());
            throw e;
        } finally {
            committing.remove(record.id());
        }
        return objects.job(record, state(record));
    }

    /** A repeated create: the job as it is, committed now if a crash interrupted the first attempt. */
    private ObjectNode replay(JobRecord record, JobRequest request) throws IOException, ApiException {
        if (record.commit() == null && committing.add(record.id())) {
            try {
                record = commit(record, spec(record.id(), request));
            } finally {
                committing.remove(record.id());
            }
        }
        return objects.job(record, state(record));
    }

    public ObjectNode get(String id) throws ApiException {
        JobRecord record = find(id);
        return objects.job(record, state(record));
    }

    public ObjectNode list(Optional<String> after, int limit) throws ApiException {
        GitView.Snapshot snapshot = gitView.snapshot();
        Map<String, TrainingRuns.Run> byJob = runs.byJob();
        List<JobRecord> records = new ArrayList<>(store.all());
        records.sort(Comparator.comparingLong(JobRecord::createdAtMillis)
                .thenComparing(JobRecord::id)
                .reversed());
        List<ObjectNode> jobs = new ArrayList<>();
        for (JobRecord r : records) {
            jobs.add(objects.job(r, JobState.of(r, snapshot, byJob.get(r.id()))));
        }
        return Pages.page(json, jobs, after, limit);
    }

    public ObjectNode events(String id, Optional<String> after, int limit) throws ApiException {
        JobRecord record = find(id);
        List<ObjectNode> events = objects.events(record, state(record));
        return Pages.page(json, events, after, limit);
    }

    /** Cancels a job that has not finished: a commit removes its spec, so the GitOps engine prunes the Job. */
    public ObjectNode cancel(String id) throws ApiException {
        JobRecord record = find(id);
        synchronized (locks[Math.floorMod(id.hashCode(), locks.length)]) {
            record = find(id);
            JobState state = state(record);
            if (state.status().equals("cancelled")) {
                return objects.job(record, state);
            }
            if (state.finished()) {
                throw ApiException.invalid(
                        null,
                        "job_finished",
                        "Job " + id + " has already " + state.status() + "; it cannot be cancelled");
            }
            String message = "Cancel finetuning job " + id + " for model " + record.model()
                    + "\n\nCancelled through the finetuning API: the spec is removed, so the GitOps engine"
                    + "\nprunes the training Job.\n\nJob: " + id + "\nModel: " + record.model();
            String done;
            if (git.mode() == CommitRequest.Mode.BRANCH
                    && !gitView.snapshot().jobs().contains(id)) {
                // Never merged: nothing in the branch to remove. The proposal is left to be closed.
                done = "Job cancelled before its proposal on " + record.branch() + " was merged; close that"
                        + " pull request";
            } else {
                GitTarget target =
                        git.mode() == CommitRequest.Mode.PUSH ? git : git.withPushBranch(branch(id) + "-cancel");
                CommitOutcome outcome = push(target, SpecFile.delete(record.specFile(), message));
                done = "Job cancelled: " + outcome.summary();
            }
            record = record.cancelled(clock.millis(), new JobRecord.Event(clock.millis(), "warn", done));
            store.put(record);
            gitView.invalidate();
            log.accept(id + ": " + done);
            return objects.job(record, state(record));
        }
    }

    private JobRecord commit(JobRecord record, JobSpec spec) throws ApiException {
        boolean proposal = git.mode() == CommitRequest.Mode.BRANCH;
        GitTarget target = proposal ? git.withPushBranch(branch(record.id())) : git;
        String message = "Add finetuning job " + record.id() + " for model " + record.model()
                + "\n\nCreated through the finetuning API (POST /v1/fine_tuning/jobs).\n\nJob: " + record.id()
                + "\nModel: " + record.model() + "\nTraining-File: "
                + record.request().path("training_file").asText();
        CommitOutcome outcome;
        commits.lock();
        try {
            outcome = committer.commit(target, SpecFile.write(spec, message));
        } catch (HookException e) {
            throw Rejections.of(e, spec);
        } finally {
            commits.unlock();
        }
        String commit = outcome instanceof CommitOutcome.Committed c ? c.commitId() : "unchanged";
        String what = proposal
                ? "Proposed " + spec.file() + " for review on branch " + target.pushBranch()
                : "Committed " + spec.file() + " to " + target.pushBranch();
        JobRecord committed = record.committed(
                commit,
                target.pushBranch(),
                proposal,
                new JobRecord.Event(clock.millis(), "info", what + " (" + outcome.summary() + ")"));
        store.put(committed);
        gitView.invalidate();
        log.accept(record.id() + ": " + outcome.summary());
        return committed;
    }

    private CommitOutcome push(GitTarget target, SpecEdit edit) throws ApiException {
        commits.lock();
        try {
            return committer.commit(target, edit);
        } catch (HookException e) {
            throw ApiException.server("committing to the GitOps repo failed: " + e.getMessage());
        } finally {
            commits.unlock();
        }
    }

    private String branch(String id) {
        return branchTemplate.replace("{job}", id);
    }

    private JobRecord find(String id) throws ApiException {
        return store.get(id).orElseThrow(() -> ApiException.notFound("No such fine-tuning job: " + id));
    }

    private JobState state(JobRecord record) throws ApiException {
        return JobState.of(record, gitView.snapshot(), runs.byJob().get(record.id()));
    }

    /** The spec file of a request, with its file ids resolved. */
    private JobSpec spec(String id, JobRequest request) throws IOException, ApiException {
        String training = resolve("training_file", request.trainingFile());
        Optional<String> validation = request.validationFile().isPresent()
                ? Optional.of(
                        resolve("validation_file", request.validationFile().get()))
                : Optional.empty();
        return JobSpec.of(json, id, request, training, validation);
    }

    /** A training or validation file: a file id becomes its s3:// URL; a URL is left to the generator. */
    private String resolve(String param, String value) throws IOException, ApiException {
        if (value.startsWith(FileService.PREFIX)) {
            if (files.find(value).isEmpty()) {
                throw ApiException.invalid(param, "file_not_found", "invalid " + param + ": no such file: " + value);
            }
            return files.url(value);
        }
        return value;
    }

    /** The request's fields as a job echoes them. */
    private ObjectNode echo(JobRequest request) {
        ObjectNode node = json.createObjectNode().put("model", request.model());
        node.put("training_file", request.trainingFile());
        request.validationFile().ifPresent(v -> node.put("validation_file", v));
        ObjectNode hp = node.putObject("hyperparameters");
        request.hyperparameters().forEach(hp::set);
        request.suffix().ifPresent(v -> node.put("suffix", v));
        request.storageUrl().ifPresent(v -> node.put("storage_url", v));
        ObjectNode metadata = node.putObject("metadata");
        request.metadata().forEach(metadata::put);
        return node;
    }

    @Override
    public void close() {
        gitView.close();
    }
}
