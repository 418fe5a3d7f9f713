package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.api.diagnostic.Excerpt;
import io.kubeai.gitops.wording.ReaderHints;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the fields of one YAML mapping while collecting diagnostics. Every accessor remembers the name
 * it was asked for, so {@link #finish()} can report the fields nobody asked for as unknown, with the
 * nearest known name as a hint. Wrong types are reported and read as absent: one run finds them all.
 */
public final class Fields {
    private final YamlDocument doc;
    private final String pointer;
    private final JsonNode node;
    private final List<Diagnostic> diagnostics;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(YamlDocument doc, String pointer, JsonNode node, List<Diagnostic> diagnostics) {
        this.doc = doc;
        this.pointer = pointer;
        this.node = node;
        this.diagnostics = diagnostics;
    }

    /** The mapping at {@code pointer}; a non-mapping is reported and read as empty. */
    public static Fields at(YamlDocument doc, String pointer, JsonNode node, List<Diagnostic> diagnostics) {
        Fields fields = new Fields(doc, pointer, node == null || node.isNull() ? null : node, diagnostics);
        if (fields.node != null && !fields.node.isObject()) {
            fields.error(pointer, ReaderHints.expectedMapping(describe(fields.node)));
            return new Fields(doc, pointer, null, diagnostics);
        }
        return fields;
    }

    public String pointer() {
        return pointer;
    }

    public YamlDocument document() {
        return doc;
    }

    public boolean isPresent() {
        return node != null;
    }

    public boolean has(String name) {
        known.add(name);
        return node != null && node.has(name) && !node.get(name).isNull();
    }

    public String child(String name) {
        return pointer + "/" + YamlFiles.escape(name);
    }

    public SourcePosition positionOf(String name) {
        return doc.map().value(child(name));
    }

    public SourcePosition position() {
        return doc.map().value(pointer);
    }

    public Optional<String> string(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            error(child(name), ReaderHints.mustBeString(name, describe(value)));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    public Optional<Integer> integer(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(child(name), ReaderHints.mustBeWholeNumber(name, describe(value)));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            error(child(name), ReaderHints.mustBeBoolean(name, describe(value)));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    public List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        for (Item item : items(name)) {
            if (item.node().isContainerNode()) {
                error(item.pointer(), ReaderHints.itemsMustBeStrings(name, describe(item.node())));
            } else {
                result.add(item.node().asText());
            }
        }
        return result;
    }

    /** A mapping of strings, sorted by key so that output is stable. */
    public Map<String, String> stringMap(String name) {
        Map<String, String> result = new TreeMap<>();
        Fields map = object(name);
        if (map.node == null) {
            return result;
        }
        map.node.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                map.error(
                        map.child(e.getKey()),
                        ReaderHints.mustBeString(name + "." + Excerpt.clip(e.getKey()), describe(e.getValue())));
            } else {
                result.put(e.getKey(), e.getValue().asText());
            }
        });
        return result;
    }

    /** A nested mapping; absent reads as an empty one. */
    public Fields object(String name) {
        return at(doc, child(name), get(name), diagnostics);
    }

    /** The keys of a nested mapping, each with its own reader, in file order. */
    public List<Map.Entry<String, Fields>> entries(String name) {
        Fields map = object(name);
        List<Map.Entry<String, Fields>> result = new ArrayList<>();
        if (map.node != null) {
            map.node
                    .fields()
                    .forEachRemaining(e -> result.add(
                            Map.entry(e.getKey(), at(doc, map.child(e.getKey()), e.getValue(), diagnostics))));
        }
        return result;
    }

    /** The items of a sequence; a non-sequence is reported and read as empty. */
    public List<Item> items(String name) {
        JsonNode value = get(name);
        List<Item> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            error(child(name), ReaderHints.mustBeList(name, describe(value)));
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            result.add(new Item(child(name) + "/" + i, value.get(i)));
        }
        return result;
    }

    /** The mapping one item of a sequence holds. */
    public Fields item(Item item) {
        return at(doc, item.pointer(), item.node(), diagnostics);
    }

    /** The mappings of a sequence of mappings. */
    public List<Fields> objects(String name) {
        List<Fields> result = new ArrayList<>();
        for (Item item : items(name)) {
            result.add(at(doc, item.pointer(), item.node(), diagnostics));
        }
        return result;
    }

    /** A value passed through as it is (Kubernetes types the strict validator checks later). */
    public Optional<JsonNode> raw(String name) {
        return Optional.ofNullable(get(name));
    }

    /** Marks names as known without reading them. */
    public Fields allow(String... names) {
        known.addAll(List.of(names));
        return this;
    }

    /** Reports every field of this mapping that no accessor asked for. */
    public void finish() {
        if (node == null) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String hint = NearestName.find(name, known)
                        .map(n -> "; did you mean '" + n + "'?")
                        .orElse("; known fields: " + String.join(", ", known));
                diagnostics.add(Diagnostics.error(doc.map().key(child(name)), ReaderHints.unknownField(name, hint)));
            }
        });
    }

    public void error(String at, String message) {
        diagnostics.add(Diagnostics.error(doc.map().value(at), message));
    }

    public void errorAt(String name, String message) {
        error(child(name), message);
    }

    public void warningAt(String name, String message) {
        diagnostics.add(Diagnostics.warning(doc.map().key(child(name)), message));
    }

    private JsonNode get(String name) {
        known.add(name);
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        switch (type) {
            case OBJECT:
                return "a mapping";
            case ARRAY:
                return "a list";
            case STRING:
                return "the string " + Excerpt.quote(value.asText());
            case BOOLEAN:
                return value.asText();
            case NUMBER:
                return "the number " + Excerpt.clip(value.asText());
            default:
                return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One item of a sequence with its pointer. */
    public record Item(String pointer, JsonNode node) {}
}
