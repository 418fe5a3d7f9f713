package io.kubeai.gitops.finetune.jobs;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The training Jobs the rendered FineTuneJobs became, read from the cluster by their
 * {@code kubeai.org/finetune-job} label (the API's RBAC is get, list and watch on Jobs of its namespace).
 */
public final class TrainingRuns {
    static final String LABEL = "kubeai.org/finetune-job";

    /** Where a training Job is. */
    enum Phase {
        PENDING,
        RUNNING,
        COMPLETE,
        FAILED
    }

    /**
     * A training Job's state.
     *
     * @param startMillis    when its first pod started, or null
     * @param finishMillis   when it completed or failed, or null
     * @param message        the failure's reason and message, or null
     */
    record Run(Phase phase, Long startMillis, Long finishMillis, String message) {}

    private final KubernetesClient client;
    private final String namespace;
    private final Consumer<String> log;

    public TrainingRuns(KubernetesClient client, String namespace, Consumer<String> log) {
        this.client = client;
        this.namespace = namespace;
        this.log = log;
    }

    /** Every training Job by its FineTuneJob's name; empty (and logged) when the cluster cannot be read. */
    Map<String, Run> byJob() {
        Map<String, Run> runs = new HashMap<>();
        if (client == null) {
            return runs;
        }
        List<Job> jobs;
        try {
            jobs = client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withLabel(LABEL)
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            log.accept("listing training Jobs in " + namespace + " failed: " + e.getMessage());
            return runs;
        }
        for (Job job : jobs) {
            String name = job.getMetadata().getLabels().get(LABEL);
            // A changed spec renders a new Job name; the newest one tells the current state.
            Run run = of(job.getStatus());
            runs.merge(name, run, (a, b) -> newer(a, b));
        }
        return runs;
    }

    private static Run newer(Run a, Run b) {
        long ta = a.startMillis() == null ? Long.MAX_VALUE : a.startMillis();
        long tb = b.startMillis() == null ? Long.MAX_VALUE : b.startMillis();
        return tb >= ta ? b : a;
    }

    static Run of(JobStatus status) {
        if (status == null) {
            return new Run(Phase.PENDING, null, null, null);
        }
        Long start = millis(status.getStartTime());
        for (JobCondition condition :
                status.getConditions() == null ? List.<JobCondition>of() : status.getConditions()) {
            if (!"True".equals(condition.getStatus())) {
                continue;
            }
            if ("Failed".equals(condition.getType())) {
                String message = (condition.getReason() == null ? "" : condition.getReason() + ": ")
                        + (condition.getMessage() == null ? "the training Job failed" : condition.getMessage());
                return new Run(Phase.FAILED, start, millis(condition.getLastTransitionTime()), message);
            }
            if ("Complete".equals(condition.getType())) {
                return new Run(Phase.COMPLETE, start, millis(status.getCompletionTime()), null);
            }
        }
        boolean started = start != null || (status.getActive() != null && status.getActive() > 0);
        return new Run(started ? Phase.RUNNING : Phase.PENDING, start, null, null);
    }

    private static Long millis(String time) {
        return time == null ? null : Instant.parse(time).toEpochMilli();
    }
}
