package io.kubeai.gitops.finetune.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.finetune.ApiException;
import io.kubeai.gitops.finetune.Ids;
import io.kubeai.gitops.finetune.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The files API over the files bucket: {@code files/<id>.jsonl} holds the data, {@code files/<id>.json}
 * the OpenAI file object. Only fine-tuning data is taken, and only after it was checked line by line.
 */
public final class FileService {
    public static final String PREFIX = "file-";
    private static final String PURPOSE = "fine-tune";

    private final ObjectStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<String> log;

    public FileService(ObjectStore store, ObjectMapper json, Clock clock, Consumer<String> log) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.log = log;
    }

    /** Checks an uploaded file and stores it; the file on disk is the caller's to delete. */
    public ObjectNode upload(String purpose, String filename, Path data, long size) throws IOException, ApiException {
        if (!PURPOSE.equals(purpose)) {
            throw ApiException.invalid(
                    "purpose",
                    "invalid_purpose",
                    "purpose must be 'fine-tune' (got '" + purpose + "'); this server keeps fine-tuning data only");
        }
        long examples = TrainingData.check(data);
        String id = Ids.random(PREFIX);
        store.put(dataKey(id), data, "application/jsonl");
        ObjectNode file = json.createObjectNode()
                .put("id", id)
                .put("object", "file")
                .put("bytes", size)
                .put("created_at", clock.millis() / 1000)
                .put("filename", filename.isBlank() ? "upload.jsonl" : filename)
                .put("purpose", PURPOSE)
                .put("status", "processed")
                .putNull("status_details")
                .putNull("expires_at");
        store.put(recordKey(id), json.writeValueAsBytes(file));
        log.accept("stored " + id + " (" + size + " bytes, " + examples + " examples)");
        return file;
    }

    public ObjectNode get(String id) throws IOException, ApiException {
        return find(id).orElseThrow(() -> ApiException.notFound("No such File object: " + id));
    }

    public Optional<ObjectNode> find(String id) throws IOException {
        if (!Ids.valid(PREFIX, id)) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = store.get(recordKey(id));
        return bytes.isEmpty() ? Optional.empty() : Optional.of((ObjectNode) json.readTree(bytes.get()));
    }

    /** The s3:// URL of a stored file, for a FineTuneJob's training_file. */
    public String url(String id) {
        return store.url(dataKey(id));
    }

    public InputStream content(String id) throws IOException, ApiException {
        get(id);
        return store.open(dataKey(id)).orElseThrow(() -> ApiException.notFound("No such File object: " + id));
    }

    public ObjectNode delete(String id) throws IOException, ApiException {
        get(id);
        store.delete(dataKey(id));
        store.delete(recordKey(id));
        log.accept("deleted " + id);
        return json.createObjectNode().put("id", id).put("object", "file").put("deleted", true);
    }

    /** Newest first (or oldest with {@code order=asc}), after the cursor, at most {@code limit}. */
    public ObjectNode list(Optional<String> purpose, Optional<String> after, int limit, boolean ascending)
            throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        for (String key : store.list("files/")) {
            if (key.endsWith(".json")) {
                store.get(key).map(this::parse).ifPresent(all::add);
            }
        }
        Comparator<ObjectNode> order = Comparator.<ObjectNode>comparingLong(
                        f -> f.path("created_at").asLong())
                .thenComparing(f -> f.path("id").asText());
        all.sort(ascending ? order : order.reversed());
        List<ObjectNode> matching = all.stream()
                .filter(f ->
                        purpose.map(p -> p.equals(f.path("purpose").asText())).orElse(true))
                .toList();
        return Pages.page(json, matching, after, limit);
    }

    private ObjectNode parse(byte[] bytes) {
        try {
            return (ObjectNode) json.readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dataKey(String id) {
        return "files/" + id + ".jsonl";
    }

    private static String recordKey(String id) {
        return "files/" + id + ".json";
    }
}
