package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** OpenAI's {@code fine_tuning.job} and {@code fine_tuning.job.event} objects, from a record and its state. */
final class JobObjects {
    private static final String ORGANIZATION = "kubeai";

    private final ObjectMapper json;

    JobObjects(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode job(JobRecord record, JobState state) {
        JsonNode request = record.request();
        ObjectNode job = json.createObjectNode()
                .put("object", "fine_tuning.job")
                .put("id", record.id())
                .put("model", record.model())
                .put("created_at", record.createdAtMillis() / 1000);
        if (state.finishedAt() == null) {
            job.putNull("finished_at");
        } else {
            job.put("finished_at", state.finishedAt());
        }
        if (state.status().equals("succeeded")) {
            // KubeAI's naming: clients ask for <model>_<adapter>, and the adapter is named after the job.
            job.put("fine_tuned_model", record.model() + "_" + record.id());
        } else {
            job.putNull("fine_tuned_model");
        }
        job.put("organization_id", ORGANIZATION);
        job.putArray("result_files");
        job.put("status", state.status());
        job.put("training_file", request.path("training_file").asText());
        text(job, "validation_file", request.path("validation_file"));
        ObjectNode hyperparameters = hyperparameters(request.path("hyperparameters"));
        job.set("hyperparameters", hyperparameters);
        job.putNull("trained_tokens");
        if (state.errorMessage() == null) {
            job.putNull("error");
        } else {
            job.putObject("error")
                    .put("code", "training_failed")
                    .put("message", state.errorMessage())
                    .putNull("param");
        }
        job.put("seed", record.seed());
        ObjectNode metadata = json.createObjectNode();
        record.metadata().forEach(metadata::put);
        if (metadata.isEmpty()) {
            job.putNull("metadata");
        } else {
            job.set("metadata", metadata);
        }
        job.putNull("estimated_finish");
        job.putArray("integrations");
        ObjectNode method = job.putObject("method").put("type", "supervised");
        method.putObject("supervised").set("hyperparameters", hyperparameters.deepCopy());
        text(job, "user_provided_suffix", request.path("suffix"));
        return job;
    }

    /** The job's history, newest first: its own events and what Git and the cluster tell. */
    List<ObjectNode> events(JobRecord record, JobState state) {
        List<ObjectNode> events = new ArrayList<>();
        String base = "ftevent-" + record.id().substring(JobStore.PREFIX.length());
        for (int i = 0; i < record.events().size(); i++) {
            JobRecord.Event e = record.events().get(i);
            events.add(event(base + "-" + i, e.createdAtMillis(), e.level(), e.message()));
        }
        TrainingRuns.Run run = state.run();
        if (run != null && run.startMillis() != null) {
            events.add(event(base + "-started", run.startMillis(), "info", "Training started"));
        }
        if (run != null && run.finishMillis() != null) {
            boolean failed = run.phase() == TrainingRuns.Phase.FAILED;
            events.add(event(
                    base + "-finished",
                    run.finishMillis(),
                    failed ? "error" : "info",
                    failed ? "Training failed: " + run.message() : "Training finished; publishing the adapter"));
        }
        if (state.status().equals("succeeded")) {
            long at = run != null && run.finishMillis() != null ? run.finishMillis() + 1 : record.createdAtMillis() + 1;
            events.add(event(
                    base + "-succeeded",
                    at,
                    "info",
                    "New fine-tuned model created: " + record.model() + "_" + record.id()
                            + " (its adapter is committed to the Model)"));
        }
        events.sort(Comparator.<ObjectNode>comparingLong(
                        e -> e.path("created_at_millis").asLong())
                .reversed());
        events.forEach(e -> e.remove("created_at_millis"));
        return events;
    }

    private ObjectNode event(String id, long atMillis, String level, String message) {
        ObjectNode event = json.createObjectNode()
                .put("object", "fine_tuning.job.event")
                .put("id", id)
                .put("created_at", atMillis / 1000)
                .put("level", level)
                .put("message", message)
                .put("type", "message")
                .put("created_at_millis", atMillis);
        event.putObject("data");
        return event;
    }

    private ObjectNode hyperparameters(JsonNode given) {
        ObjectNode values = json.createObjectNode();
        for (String name : List.of("n_epochs", "batch_size", "learning_rate_multiplier")) {
            JsonNode value = given.path(name);
            if (value.isMissingNode() || value.isNull()) {
                values.put(name, "auto");
            } else {
                values.set(name, value);
            }
        }
        return values;
    }

    private static void text(ObjectNode node, String name, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            node.putNull(name);
        } else {
            node.put(name, value.asText());
        }
    }
}
