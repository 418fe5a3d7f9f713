package io.kubeai.gitops.finetune.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.finetune.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks that an upload is fine-tuning data as OpenAI defines it: JSON Lines, each line either a chat
 * example ({@code {"messages": [{"role", "content"}, ...]}} with at least one assistant message) or a
 * prompt/completion pair. The first bad line is reported with its number, so a user can fix it.
 */
public final class TrainingData {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingData() {}

    /** The number of examples; a bad file is a 400 naming the line. */
    public static long check(Path file) throws IOException, ApiException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long examples = 0;
        long number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String problem = problem(line);
                if (problem != null) {
                    throw bad("line " + number + ": " + problem);
                }
                examples++;
            }
        } catch (CharacterCodingException e) {
            throw bad("line " + (number + 1) + ": not UTF-8 text; save the file as UTF-8");
        }
        if (examples == 0) {
            throw bad("the file has no examples; each line must be one JSON object");
        }
        return examples;
    }

    private static String problem(String line) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "not valid JSON (" + e.getOriginalMessage() + "); each line must be one JSON object";
        }
        if (node == null || !node.isObject()) {
            return "expected a JSON object";
        }
        if (node.has("messages")) {
            return chatProblem(node.get("messages"));
        }
        if (node.has("prompt") || node.has("completion")) {
            if (!node.path("prompt").isTextual() || !node.path("completion").isTextual()) {
                return "a prompt/completion example needs both \"prompt\" and \"completion\" as strings";
            }
            return null;
        }
        return "expected a chat example {\"messages\": [...]} or {\"prompt\": ..., \"completion\": ...}";
    }

    private static String chatProblem(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            return "\"messages\" must be a non-empty list";
        }
        boolean assistant = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!ROLES.contains(role)) {
                return "messages[" + i + "].role must be one of system, developer, user, assistant, tool, got '" + role
                        + "'";
            }
            JsonNode content = message.get("content");
            boolean hasCalls = message.has("tool_calls") || message.has("function_call");
            if ((content == null || content.isNull()) && !hasCalls) {
                return "messages[" + i + "] has no \"content\"";
            }
            if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
                return "messages[" + i + "].content must be a string or a list of parts";
            }
            assistant |= role.equals("assistant");
        }
        return assistant ? null : "a chat example needs at least one assistant message to learn from";
    }

    private static ApiException bad(String message) {
        return ApiException.invalid("file", "invalid_file_format", "invalid training file: " + message);
    }
}
