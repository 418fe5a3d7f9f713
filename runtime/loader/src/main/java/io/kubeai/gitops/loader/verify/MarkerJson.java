package io.kubeai.gitops.loader.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code .kubeai/complete.json}. */
public final class MarkerJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MarkerJson() {}

    public static byte[] write(CompletionMarker m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", m.version());
        root.put("source", m.source());
        root.put("revision", m.revision());
        root.put("selection", m.selection());
        root.put("completedAt", m.completedAt());
        root.put("totalBytes", m.totalBytes());
        root.put("fileCount", m.files().size());
        ArrayNode files = root.putArray("files");
        for (FileEntry f : m.files()) {
            ObjectNode entry = files.addObject()
                    .put("path", f.path())
                    .put("size", f.size())
                    .put("sha256", f.sha256());
            if (f.crc32c() != null) {
                entry.put("crc32c", f.crc32c());
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a marker; throws if it is not one (a torn or foreign file). */
    public static CompletionMarker read(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null
                || !root.path("source").isTextual()
                || !root.path("files").isArray()) {
            throw new IOException("not a kubeai completion marker");
        }
        List<FileEntry> files = new ArrayList<>();
        for (JsonNode f : root.path("files")) {
            files.add(new FileEntry(
                    f.path("path").asText(),
                    f.path("size").asLong(),
                    f.path("sha256").asText(),
                    f.path("crc32c").isTextual() ? f.path("crc32c").asText() : null));
        }
        return new CompletionMarker(
                root.path("version").asInt(1),
                root.path("source").asText(),
                root.path("revision").asText(),
                root.path("selection").asText(""),
                root.path("completedAt").asText(),
                root.path("totalBytes").asLong(),
                files);
    }
}
