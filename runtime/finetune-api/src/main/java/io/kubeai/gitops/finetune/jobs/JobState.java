package io.kubeai.gitops.finetune.jobs;

/**
 * A job's OpenAI status, derived on every read from its record, the GitOps repo and the cluster:
 *
 * <ul>
 *   <li>{@code cancelled}: cancelled through the API, or its spec was removed from the branch;
 *   <li>{@code succeeded}: the hook committed its adapter to the base Model;
 *   <li>{@code failed}: the training Job failed;
 *   <li>{@code running}: the training Job started (or finished and the adapter is being committed);
 *   <li>{@code queued}: the spec is in the branch and waits for Argo CD or Flux and a node;
 *   <li>{@code validating_files}: not in the branch yet: proposed for review, or being committed.
 * </ul>
 *
 * @param status       the OpenAI status
 * @param finishedAt   seconds since the epoch, or null while it runs
 * @param errorMessage why it failed, or null
 * @param run          the training Job's state, or null when there is none
 */
record JobState(String status, Long finishedAt, String errorMessage, TrainingRuns.Run run) {

    static JobState of(JobRecord record, GitView.Snapshot git, TrainingRuns.Run run) {
        Long finished = run == null || run.finishMillis() == null ? null : run.finishMillis() / 1000;
        if (record.cancelledAtMillis() != null) {
            return new JobState("cancelled", record.cancelledAtMillis() / 1000, null, run);
        }
        if (git.hasAdapter(record.model(), record.id())) {
            return new JobState("succeeded", finished, null, run);
        }
        if (run != null && run.phase() == TrainingRuns.Phase.FAILED) {
            return new JobState("failed", finished, run.message(), run);
        }
        if (run != null && run.phase() != TrainingRuns.Phase.PENDING) {
            return new JobState("running", null, null, run);
        }
        if (git.jobs().contains(record.id())) {
            return new JobState("queued", null, null, run);
        }
        boolean pending =
                record.commit() == null || (record.proposal() && git.branches().contains(record.branch()));
        return pending ? new JobState("validating_files", null, null, run) : new JobState("cancelled", null, null, run);
    }

    boolean finished() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }
}
