package io.kubeai.gitops.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${json(x)}} in a template: any value, safely quoted, in one line. Two modes with the same
 * result. Inline writes JSON text, which is also YAML. Deferred, the fast path, writes a placeholder
 * and keeps the value as a tree that {@link #substitute} puts in its place after the template's output is
 * parsed: the nested Kubernetes structures (env, volumes, containers) then never go through YAML text.
 */
final class JsonMethod implements TemplateMethodModelEx {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern PLACEHOLDER = Pattern.compile("@@kubeai-json-(\\d+)@@");

    private final boolean deferred;
    private final List<JsonNode> values = new ArrayList<>();

    JsonMethod(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("json(value) takes exactly one argument");
        }
        Object value = DeepUnwrap.unwrap((TemplateModel) arguments.get(0));
        try {
            if (deferred) {
                values.add(MAPPER.valueToTree(value));
                return "\"@@kubeai-json-" + (values.size() - 1) + "@@\"";
            }
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TemplateModelException(
                    "json(): cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Puts every deferred value in place of its placeholder. Returns false when a placeholder stands
     * inside a longer string (a template that used json() inside text): then the caller renders inline.
     */
    boolean substitute(JsonNode node) {
        if (node.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            for (var it = object.fields(); it.hasNext(); ) {
                var field = it.next();
                JsonNode replacement = replacement(field.getValue());
                if (replacement == null) {
                    return false;
                }
                if (replacement != field.getValue()) {
                    field.setValue(replacement);
                } else if (!substitute(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replacement = replacement(array.get(i));
                if (replacement == null) {
                    return false;
                }
                if (replacement != array.get(i)) {
                    array.set(i, replacement);
                } else if (!substitute(array.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value a placeholder stands for, the node itself if it is none, or null for a misplaced one. */
    private JsonNode replacement(JsonNode node) {
        if (!node.isTextual() || !node.textValue().contains("@@kubeai-json-")) {
            return node;
        }
        Matcher m = PLACEHOLDER.matcher(node.textValue());
        return m.matches() ? values.get(Integer.parseInt(m.group(1))) : null;
    }
}
