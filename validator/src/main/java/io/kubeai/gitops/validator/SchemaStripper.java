package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps what validation reads from an OpenAPI schema and drops the rest, so the catalog carries
 * structure only: descriptions, defaults, examples, patch strategies and CEL rules (which this
 * validator does not evaluate) go. Exactly the keywords {@link SchemaConverter} reads stay, so a
 * kind converted from the catalog is the same JSON Schema as one converted from its source.
 */
final class SchemaStripper {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> KEPT = kept();

    private SchemaStripper() {}

    /** What {@link SchemaConverter} copies as it is, and what it reads to build the rest. */
    private static Set<String> kept() {
        Set<String> kept = new HashSet<>(SchemaConverter.COPIED);
        kept.addAll(List.of(
                "$ref",
                "type",
                "format",
                "properties",
                "additionalProperties",
                "items",
                "pattern",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "allOf",
                "anyOf",
                "oneOf",
                "not",
                "nullable",
                "x-kubernetes-preserve-unknown-fields",
                "x-kubernetes-int-or-string",
                "x-kubernetes-embedded-resource",
                // On a definition: the kinds it describes.
                "x-kubernetes-group-version-kind",
                // Not checked yet, but they are rules the API server applies, and they are small.
                "x-kubernetes-list-type",
                "x-kubernetes-list-map-keys"));
        return Set.copyOf(kept);
    }

    static JsonNode schema(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JSON.objectNode();
        for (var field : schema.properties()) {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (!KEPT.contains(keyword)) {
                continue;
            }
            switch (keyword) {
                case "properties" -> {
                    // Names under properties are field names, never keywords: keep every one.
                    ObjectNode properties = out.putObject(keyword);
                    value.properties()
                            .forEach(property -> properties.set(property.getKey(), schema(property.getValue())));
                }
                case "allOf", "anyOf", "oneOf" -> out.set(keyword, each(value));
                case "items" -> out.set(keyword, value.isArray() ? each(value) : schema(value));
                case "not", "additionalProperties" -> out.set(keyword, schema(value));
                default -> out.set(keyword, value);
            }
        }
        return out;
    }

    private static JsonNode each(JsonNode array) {
        if (!array.isArray()) {
            return array;
        }
        ArrayNode out = JSON.arrayNode();
        array.forEach(item -> out.add(schema(item)));
        return out;
    }
}
