package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A fast answer to "is this document valid?" for the common case, where it is: a direct walk of the
 * converted schema over the document, without the JSON Schema library's bookkeeping. It only ever
 * answers yes when the full validator would: on any failure, and on any keyword it does not model
 * ({@code oneOf}, {@code not}, {@code uniqueItems}, {@code multipleOf}), it answers no and the caller
 * runs the full validator, which finds and words the violations. A run that validates thousands of
 * rendered documents (generate does, before writing) so costs a walk per document.
 */
final class QuickCheck {
    private static final Set<String> MODELLED = Set.of(
            "$ref",
            "$schema",
            "type",
            "properties",
            "additionalProperties",
            "items",
            "required",
            "enum",
            "pattern",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "allOf",
            "anyOf");

    private final Function<String, JsonNode> definitions;
    private final Map<String, Rule> byName = new ConcurrentHashMap<>();

    /** @param definitions a converted definition by name, or {@code null} when there is none */
    QuickCheck(Function<String, JsonNode> definitions) {
        this.definitions = definitions;
    }

    /** Whether {@code document} certainly matches the definition {@code root}. */
    boolean passes(String root, JsonNode document) {
        Rule rule = named(root);
        return rule != null && rule.passes(document);
    }

    private Rule named(String name) {
        Rule rule = byName.get(name);
        if (rule == null) {
            JsonNode schema = definitions.apply(name);
            if (schema == null) {
                return null;
            }
            // Recursive definitions meet their own placeholder, filled in below.
            Rule placeholder = new Rule();
            Rule raced = byName.putIfAbsent(name, placeholder);
            if (raced != null) {
                return raced;
            }
            placeholder.compile(schema, this);
            rule = placeholder;
        }
        return rule;
    }

    /** One schema, compiled for walking. Immutable once {@link #compile} returns. */
    private static final class Rule {
        private static final int OBJECT = 1;
        private static final int ARRAY = 2;
        private static final int STRING = 4;
        private static final int INTEGER = 8;
        private static final int NUMBER = 16;
        private static final int BOOLEAN = 32;
        private static final int NULL = 64;
        private static final Map<String, Integer> TYPES = Map.of(
                "object", OBJECT,
                "array", ARRAY,
                "string", STRING,
                "integer", INTEGER,
                "number", NUMBER,
                "boolean", BOOLEAN,
                "null", NULL);

        private volatile boolean ready;
        private boolean unmodelled;
        private String ref;
        private QuickCheck owner;
        private int types = -1;
        private Map<String, Rule> properties;
        private boolean closed;
        private Rule additional;
        private List<String> required = List.of();
        private Set<JsonNode> values;
        private Rule items;
        private Pattern pattern;
        private BigDecimal minimum;
        private BigDecimal maximum;
        private BigDecimal exclusiveMinimum;
        private BigDecimal exclusiveMaximum;
        /** Whether any of the four bounds is set: a number is read as a BigDecimal only then. */
        private boolean bounded;

        private int minLength = -1;
        private int maxLength = -1;
        private int minItems = -1;
        private int maxItems = -1;
        private int minProperties = -1;
        private int maxProperties = -1;
        private List<Rule> allOf = List.of();
        private List<Rule> anyOf = List.of();

        void compile(JsonNode schema, QuickCheck owner) {
            this.owner = owner;
            schema.fieldNames().forEachRemaining(keyword -> unmodelled |= !MODELLED.contains(keyword));
            if (schema.has("$ref")) {
                String pointer = schema.get("$ref").asText();
                unmodelled |= !pointer.startsWith("#/definitions/");
                ref = JsonPointers.tokens(pointer.substring(1)).get(1);
            }
            JsonNode type = schema.get("type");
            if (type != null) {
                types = 0;
                for (JsonNode name : type.isArray() ? type : List.of(type)) {
                    types |= TYPES.getOrDefault(name.asText(), 0);
                }
            }
            JsonNode declared = schema.path("properties");
            if (declared.isObject()) {
                properties = new HashMap<>();
                declared.properties().forEach(p -> properties.put(p.getKey(), inline(p.getValue(), owner)));
            }
            JsonNode more = schema.get("additionalProperties");
            if (more != null) {
                closed = more.isBoolean() && !more.asBoolean();
                additional = more.isObject() ? inline(more, owner) : null;
            }
            JsonNode names = schema.path("required");
            if (names.isArray()) {
                List<String> list = new ArrayList<>();
                names.forEach(name -> list.add(name.asText()));
                required = List.copyOf(list);
            }
            JsonNode allowed = schema.path("enum");
            if (allowed.isArray()) {
                values = new HashSet<>();
                allowed.forEach(values::add);
            }
            JsonNode item = schema.get("items");
            if (item != null) {
                unmodelled |= !item.isObject();
                items = item.isObject() ? inline(item, owner) : null;
            }
            if (schema.has("pattern")) {
                pattern = Pattern.compile(schema.get("pattern").asText());
            }
            minimum = decimal(schema, "minimum");
            maximum = decimal(schema, "maximum");
            exclusiveMinimum = decimal(schema, "exclusiveMinimum");
            exclusiveMaximum = decimal(schema, "exclusiveMaximum");
            bounded = minimum != null || maximum != null || exclusiveMinimum != null || exclusiveMaximum != null;
            minLength = schema.path("minLength").asInt(-1);
            maxLength = schema.path("maxLength").asInt(-1);
            minItems = schema.path("minItems").asInt(-1);
            maxItems = schema.path("maxItems").asInt(-1);
            minProperties = schema.path("minProperties").asInt(-1);
            maxProperties = schema.path("maxProperties").asInt(-1);
            allOf = each(schema.get("allOf"), owner);
            anyOf = each(schema.get("anyOf"), owner);
            ready = true;
        }

        boolean passes(JsonNode node) {
            if (!ready || unmodelled) {
                return false;
            }
            if (ref != null) {
                Rule target = owner.named(ref);
                return target != null && target.passes(node);
            }
            if (types != -1 && (types & typeOf(node)) == 0) {
                return false;
            }
            if (values != null && !values.contains(node)) {
                return false;
            }
            if (node.isObject() && !object(node)) {
                return false;
            }
            if (node.isArray() && !array(node)) {
                return false;
            }
            if (node.isTextual() && !string(node.asText())) {
                return false;
            }
            if (node.isNumber() && bounded && !number(node.decimalValue())) {
                return false;
            }
            // Indexed loops: every node of every document comes through here, and an iterator is an allocation.
            for (int i = 0; i < allOf.size(); i++) {
                if (!allOf.get(i).passes(node)) {
                    return false;
                }
            }
            if (anyOf.isEmpty()) {
                return true;
            }
            for (int i = 0; i < anyOf.size(); i++) {
                if (anyOf.get(i).passes(node)) {
                    return true;
                }
            }
            return false;
        }

        private boolean object(JsonNode node) {
            for (int i = 0; i < required.size(); i++) {
                if (!node.has(required.get(i))) {
                    return false;
                }
            }
            if ((minProperties >= 0 && node.size() < minProperties)
                    || (maxProperties >= 0 && node.size() > maxProperties)) {
                return false;
            }
            for (var member : node.properties()) {
                Rule declared = properties == null ? null : properties.get(member.getKey());
                if (declared != null) {
                    if (!declared.passes(member.getValue())) {
                        return false;
                    }
                } else if (closed || (additional != null && !additional.passes(member.getValue()))) {
                    return false;
                }
            }
            return true;
        }

        private boolean array(JsonNode node) {
            if ((minItems >= 0 && node.size() < minItems) || (maxItems >= 0 && node.size() > maxItems)) {
                return false;
            }
            if (items != null) {
                for (JsonNode item : node) {
                    if (!items.passes(item)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean string(String text) {
            int length = minLength >= 0 || maxLength >= 0 ? text.codePointCount(0, text.length()) : 0;
            return (minLength < 0 || length >= minLength)
                    && (maxLength < 0 || length <= maxLength)
                    && (pattern == null || pattern.matcher(text).find());
        }

        private boolean number(BigDecimal value) {
            return (minimum == null || value.compareTo(minimum) >= 0)
                    && (maximum == null || value.compareTo(maximum) <= 0)
                    && (exclusiveMinimum == null || value.compareTo(exclusiveMinimum) > 0)
                    && (exclusiveMaximum == null || value.compareTo(exclusiveMaximum) < 0);
        }

        /** Integers only as integer nodes: whether 1.0 is an integer is the full validator's call. */
        private static int typeOf(JsonNode node) {
            if (node.isObject()) {
                return OBJECT;
            }
            if (node.isArray()) {
                return ARRAY;
            }
            if (node.isTextual()) {
                return STRING;
            }
            if (node.isIntegralNumber()) {
                return INTEGER | NUMBER;
            }
            if (node.isNumber()) {
                return NUMBER;
            }
            if (node.isBoolean()) {
                return BOOLEAN;
            }
            return node.isNull() ? NULL : 0;
        }

        private static Rule inline(JsonNode schema, QuickCheck owner) {
            Rule rule = new Rule();
            rule.compile(schema, owner);
            return rule;
        }

        private static List<Rule> each(JsonNode schemas, QuickCheck owner) {
            if (schemas == null || !schemas.isArray()) {
                return List.of();
            }
            List<Rule> rules = new ArrayList<>();
            schemas.forEach(schema -> rules.add(inline(schema, owner)));
            return List.copyOf(rules);
        }

        private static BigDecimal decimal(JsonNode schema, String keyword) {
            JsonNode value = schema.get(keyword);
            return value != null && value.isNumber() ? value.decimalValue() : null;
        }
    }
}
