package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one OpenAPI definition into a JSON Schema (draft 7) that is as strict as the API server:
 *
 * <ul>
 *   <li>an object with {@code properties} rejects other members ({@code additionalProperties: false})
 *       unless it says {@code x-kubernetes-preserve-unknown-fields: true};</li>
 *   <li>{@code format: int-or-string} and {@code x-kubernetes-int-or-string} accept an integer or a string,
 *       and a Quantity a string or a number;</li>
 *   <li>{@code $ref}s stay references into a {@code definitions} section, so recursive types
 *       (JSONSchemaProps) are neither inlined forever nor cut off;</li>
 *   <li>the names under {@code properties} are copied as names, so a property called {@code $ref}
 *       or {@code description} is not mistaken for a keyword;</li>
 *   <li>everything that does not validate (descriptions, defaults, {@code format}s, CEL rules) is left out.</li>
 * </ul>
 *
 * <p>Inside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}, properties are value checks on an
 * object declared elsewhere, so no {@code additionalProperties: false} is added there.
 */
final class SchemaConverter {
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";
    static final List<String> COPIED = List.of(
            "required",
            "enum",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "uniqueItems",
            "multipleOf");
    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");

    /**
     * A converted definition.
     *
     * @param schema     the JSON Schema
     * @param references the names of the definitions it refers to
     */
    record Converted(ObjectNode schema, Set<String> references) {}

    private final boolean objectMetaDefined;

    SchemaConverter(boolean objectMetaDefined) {
        this.objectMetaDefined = objectMetaDefined;
    }

    /** The {@code $ref} value that points at a definition in the generated {@code definitions} section. */
    static String pointerTo(String definitionName) {
        return "#/definitions/" + JsonPointers.escape(definitionName);
    }

    /** The definition an OpenAPI {@code $ref} names, or {@code null} for a reference outside the document. */
    static String definitionName(String ref) {
        for (String prefix : List.of("#/definitions/", "#/components/schemas/")) {
            if (ref.startsWith(prefix)) {
                return JsonPointers.tokens("/" + ref.substring(prefix.length())).get(0);
            }
        }
        return null;
    }

    Converted convert(SchemaLibrary.Definition definition) {
        Set<String> references = new LinkedHashSet<>();
        ObjectNode schema;
        if (QUANTITY.equals(definition.name())) {
            // Declared as a string, but the API server also takes numbers: "cpu: 1", "memory: 1073741824".
            schema = JSON.objectNode().set("type", types("string", "number"));
        } else {
            schema = new Walk(references).schema(definition.schema(), false);
        }
        if (definition.customResource()) {
            implyObjectFields(schema, definition.schema(), references);
        }
        return new Converted(schema, references);
    }

    /**
     * The API server gives every custom resource apiVersion, kind and a full ObjectMeta whatever
     * the CRD says; most CRDs only say {@code metadata: {type: object}}.
     */
    private void implyObjectFields(ObjectNode root, JsonNode raw, Set<String> references) {
        if (!(root.get("properties") instanceof ObjectNode properties)) {
            return;
        }
        ObjectNode string = JSON.objectNode().put("type", "string");
        properties.putIfAbsent("apiVersion", string);
        properties.putIfAbsent("kind", string);
        JsonNode declared = raw.path("properties").path("metadata");
        ObjectNode metadata;
        if (objectMetaDefined) {
            references.add(SchemaLibrary.OBJECT_META);
            metadata = JSON.objectNode().put("$ref", pointerTo(SchemaLibrary.OBJECT_META));
            if (declared.path("properties").size() > 0) {
                // Extra rules on name or labels apply on top of ObjectMeta, not instead of it.
                ArrayNode both = JSON.arrayNode().add(metadata).add(new Walk(references).schema(declared, true));
                metadata = JSON.objectNode().set("allOf", both);
            }
        } else {
            metadata = new Walk(references).schema(declared, true);
        }
        properties.set("metadata", metadata);
    }

    private static ArrayNode types(String... names) {
        ArrayNode array = JSON.arrayNode();
        for (String name : names) {
            array.add(name);
        }
        return array;
    }

    /** One definition's walk; collects the definitions it refers to. */
    private record Walk(Set<String> references) {

        /** {@code lenient}: inside a combinator, where properties are checks rather than declarations. */
        ObjectNode schema(JsonNode raw, boolean lenient) {
            ObjectNode out = JSON.objectNode();
            if (!raw.isObject()) {
                return out;
            }
            JsonNode ref = raw.get("$ref");
            if (ref != null && ref.isTextual()) {
                // OpenAPI v2 ignores a $ref's siblings (description, default), and so does this.
                return reference(ref.asText());
            }
            boolean preserve = raw.path(PRESERVE).asBoolean(false);
            boolean intOrString = raw.path("x-kubernetes-int-or-string").asBoolean(false)
                    || "int-or-string".equals(raw.path("format").asText(""));
            if (intOrString) {
                out.set("type", types("integer", "string"));
            } else if (raw.has("type")) {
                out.set("type", raw.get("type"));
            }
            JsonNode properties = raw.get("properties");
            if (properties != null && properties.isObject()) {
                ObjectNode converted = out.putObject("properties");
                for (var property : properties.properties()) {
                    converted.set(property.getKey(), schema(property.getValue(), lenient));
                }
            }
            JsonNode additional = raw.get("additionalProperties");
            if (additional != null && additional.isBoolean()) {
                out.set("additionalProperties", additional);
            } else if (additional != null && additional.isObject()) {
                out.set("additionalProperties", schema(additional, lenient));
            } else if (properties != null && !preserve && !lenient) {
                out.put("additionalProperties", false);
            }
            if (raw.path("x-kubernetes-embedded-resource").asBoolean(false) && out.has("properties")) {
                ObjectNode declared = (ObjectNode) out.get("properties");
                declared.putIfAbsent("apiVersion", JSON.objectNode().put("type", "string"));
                declared.putIfAbsent("kind", JSON.objectNode().put("type", "string"));
                declared.putIfAbsent("metadata", JSON.objectNode().put("type", "object"));
            }
            JsonNode items = raw.get("items");
            if (items != null && items.isObject()) {
                out.set("items", schema(items, lenient));
            }
            for (String keyword : COPIED) {
                if (raw.has(keyword)) {
                    out.set(keyword, raw.get(keyword));
                }
            }
            exclusiveBounds(raw, out);
            String pattern = raw.path("pattern").asText(null);
            if (pattern != null && compiles(pattern)) {
                out.put("pattern", pattern);
            }
            for (String combinator : COMBINATORS) {
                if (raw.get(combinator) instanceof ArrayNode branches && !(intOrString && typesOnly(branches))) {
                    ArrayNode converted = out.putArray(combinator);
                    branches.forEach(branch -> converted.add(schema(branch, true)));
                }
            }
            if (raw.has("not")) {
                out.set("not", schema(raw.get("not"), true));
            }
            if (raw.path("nullable").asBoolean(false)) {
                allowNull(out);
            }
            return out;
        }

        private ObjectNode reference(String ref) {
            String name = definitionName(ref);
            if (name == null) {
                references.add(ref);
                return JSON.objectNode();
            }
            references.add(name);
            return JSON.objectNode().put("$ref", pointerTo(name));
        }

        /** OpenAPI 3.0 (like draft 4) makes exclusiveMinimum a flag on minimum; draft 7 makes it the bound. */
        private static void exclusiveBounds(JsonNode raw, ObjectNode out) {
            for (String bound : List.of("minimum", "maximum")) {
                String exclusive = "exclusive" + Character.toUpperCase(bound.charAt(0)) + bound.substring(1);
                JsonNode flag = raw.get(exclusive);
                if (flag != null && flag.isBoolean() && flag.asBoolean() && raw.has(bound)) {
                    out.remove(bound);
                    out.set(exclusive, raw.get(bound));
                } else if (flag != null && flag.isNumber()) {
                    out.set(exclusive, flag);
                }
            }
        }

        /** {@code anyOf: [{type: integer}, {type: string}]} says no more than the int-or-string type does. */
        private static boolean typesOnly(ArrayNode branches) {
            for (JsonNode branch : branches) {
                if (branch.size() != 1 || !branch.has("type")) {
                    return false;
                }
            }
            return true;
        }

        /** CRD patterns are Go (RE2) expressions; the rare one Java cannot compile is skipped, not fatal. */
        private static boolean compiles(String pattern) {
            try {
                Pattern.compile(pattern);
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        }

        private static void allowNull(ObjectNode out) {
            JsonNode type = out.get("type");
            if (type != null && type.isTextual()) {
                out.set("type", types(type.asText(), "null"));
            } else if (type instanceof ArrayNode list) {
                list.add("null");
            }
            if (out.get("enum") instanceof ArrayNode values) {
                ArrayNode withNull = values.deepCopy();
                withNull.addNull();
                out.set("enum", withNull);
            }
        }
    }
}
