package io.kubeai.gitops.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** OpenAI's cursor pages: {@code {"object": "list", "data": [...], "has_more", "first_id", "last_id"}}. */
public final class Pages {
    private Pages() {}

    /** The items after the one whose id is {@code after} (from the start when absent or unknown). */
    public static ObjectNode page(ObjectMapper json, List<ObjectNode> sorted, Optional<String> after, int limit) {
        int start = 0;
        if (after.isPresent()) {
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).path("id").asText().equals(after.get())) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(sorted.size(), start + limit);
        ArrayNode data = json.createArrayNode();
        sorted.subList(start, end).forEach(data::add);
        ObjectNode page = json.createObjectNode().put("object", "list");
        page.set("data", data);
        page.put("has_more", end < sorted.size());
        if (data.isEmpty()) {
            page.putNull("first_id").putNull("last_id");
        } else {
            page.put("first_id", data.get(0).path("id").asText())
                    .put("last_id", data.get(data.size() - 1).path("id").asText());
        }
        return page;
    }
}
