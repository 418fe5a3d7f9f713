package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.kubeai.gitops.finetune.Ids;
import io.kubeai.gitops.finetune.files.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job records and idempotency keys in the files bucket: {@code jobs/<id>.json} and
 * {@code idempotency/<sha256 of the key>}, which holds the id of the job the key created.
 */
final class JobStore {
    static final String PREFIX = "ftjob-";

    private final ObjectStore store;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    JobStore(ObjectStore store) {
        this.store = store;
    }

    Optional<JobRecord> get(String id) {
        if (!Ids.valid(PREFIX, id)) {
            return Optional.empty();
        }
        return store.get(key(id)).map(this::parse);
    }

    void put(JobRecord record) {
        try {
            store.put(key(record.id()), json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String id) {
        store.delete(key(id));
    }

    List<JobRecord> all() {
        List<JobRecord> records = new ArrayList<>();
        for (String key : store.list("jobs/")) {
            if (key.endsWith(".json")) {
                store.get(key).map(this::parse).ifPresent(records::add);
            }
        }
        return records;
    }

    Optional<String> jobFor(String idempotencyKey) {
        return store.get(indexKey(idempotencyKey)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    void remember(String idempotencyKey, String id) {
        store.put(indexKey(idempotencyKey), id.getBytes(StandardCharsets.UTF_8));
    }

    void forget(String idempotencyKey) {
        store.delete(indexKey(idempotencyKey));
    }

    private JobRecord parse(byte[] bytes) {
        try {
            return json.readValue(bytes, JobRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String id) {
        return "jobs/" + id + ".json";
    }

    private static String indexKey(String idempotencyKey) {
        return "idempotency/" + Ids.sha256(idempotencyKey);
    }
}
