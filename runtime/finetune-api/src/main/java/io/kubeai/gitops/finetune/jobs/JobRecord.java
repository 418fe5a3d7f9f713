package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API keeps about a job beside its spec in Git ({@code jobs/<id>.json} in the files bucket):
 * the request as OpenAI describes a job, where it was committed, and its own events. The job's state is
 * never stored: it is read from Git and from the cluster on every request.
 *
 * @param id                the job's id, also the FineTuneJob's name
 * @param createdAtMillis   when it was created
 * @param request           the request's fields as OpenAI echoes them (model, training_file, ...)
 * @param seed              the seed given, or the one chosen for it
 * @param specFile          the FineTuneJob file, relative to the Git repository
 * @param commit            the commit that added it; null until it is pushed
 * @param branch            the branch that commit went to
 * @param proposal          true when that branch is a proposal for review (branch mode)
 * @param cancelledAtMillis when it was cancelled, or null
 * @param events            what happened, oldest first
 */
public record JobRecord(
        String id,
        long createdAtMillis,
        JsonNode request,
        long seed,
        String specFile,
        String commit,
        String branch,
        boolean proposal,
        Long cancelledAtMillis,
        List<Event> events) {

    public JobRecord {
        events = List.copyOf(events);
    }

    /** One line of the job's history. */
    public record Event(long createdAtMillis, String level, String message) {}

    public String model() {
        return request.path("model").asText();
    }

    public JobRecord committed(String commit, String branch, boolean proposal, Event event) {
        return new JobRecord(
                id, createdAtMillis, request, seed, specFile, commit, branch, proposal, cancelledAtMillis, plus(event));
    }

    public JobRecord cancelled(long atMillis, Event event) {
        return new JobRecord(
                id, createdAtMillis, request, seed, specFile, commit, branch, proposal, atMillis, plus(event));
    }

    private List<Event> plus(Event event) {
        List<Event> all = new ArrayList<>(events);
        all.add(event);
        return all;
    }

    /** Metadata as given with the request. */
    public Map<String, String> metadata() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        request.path("metadata")
                .fields()
                .forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }
}
