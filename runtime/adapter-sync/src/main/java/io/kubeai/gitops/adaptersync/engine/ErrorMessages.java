package io.kubeai.gitops.adaptersync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * Turns any of the bodies vLLM versions send into one line: {@code {"message":..}},
 * {@code {"error":{"message":..}}}, {@code {"error":".."}}, FastAPI's {@code {"detail":..}} (a string or a list
 * of {@code {"msg":..}}), or plain text.
 */
public final class ErrorMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX = 500;

    private ErrorMessages() {}

    public static String extract(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                String found = find(MAPPER.readTree(trimmed));
                if (found != null && !found.isBlank()) {
                    return shorten(found);
                }
            } catch (java.io.IOException e) {
                // not JSON after all: fall through to the raw text
            }
        }
        return shorten(trimmed);
    }

    /** True when the message says the adapter is not there (vLLM's wording varies). */
    public static boolean saysNotFound(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("not found")
                || m.contains("cannot be found")
                || m.contains("does not exist")
                || m.contains("not loaded")
                || m.contains("no such");
    }

    /** True when the message says the adapter is already loaded. */
    public static boolean saysAlreadyLoaded(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("already");
    }

    private static String find(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : node) {
                String s = find(item);
                if (s != null) {
                    b.append(b.length() == 0 ? "" : "; ").append(s);
                }
            }
            return b.length() == 0 ? null : b.toString();
        }
        for (String field : new String[] {"message", "error", "detail", "msg"}) {
            String s = find(node.get(field));
            if (s != null) {
                return s;
            }
        }
        return node.toString();
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "...";
    }
}
