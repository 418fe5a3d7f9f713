package io.kubeai.gitops.loader.dest.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.loader.api.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .kubeai/verified.jsonl}: one line per file verified and moved into place, with the source
 * identity it was verified against. A torn last line (a kill mid-write) is ignored.
 */
final class Journal {
    record Entry(String path, long size, String sha256, String crc32c, String identity) {
        Entry(FileEntry f, String identity) {
            this(f.path(), f.size(), f.sha256(), f.crc32c(), identity);
        }

        FileEntry file() {
            return new FileEntry(path, size, sha256, crc32c);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, Entry> entries = new HashMap<>();

    Journal(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    try {
                        JsonNode n = JSON.readTree(line);
                        Entry e = new Entry(
                                n.path("path").asText(),
                                n.path("size").asLong(),
                                n.path("sha256").asText(),
                                n.path("crc32c").isTextual() ? n.path("crc32c").asText() : null,
                                n.path("identity").asText());
                        entries.put(e.path(), e);
                    } catch (IOException torn) {
                        // A line cut short by a kill: that file is checked again.
                    }
                }
            } catch (IOException e) {
                // Unreadable: every file is checked again.
            }
        }
    }

    synchronized Entry get(String path) {
        return entries.get(path);
    }

    synchronized void append(Entry e) throws IOException {
        var node = JSON.createObjectNode()
                .put("path", e.path())
                .put("size", e.size())
                .put("sha256", e.sha256());
        if (e.crc32c() != null) {
            node.put("crc32c", e.crc32c());
        }
        String line = node.put("identity", e.identity()).toString() + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        entries.put(e.path(), e);
    }
}
