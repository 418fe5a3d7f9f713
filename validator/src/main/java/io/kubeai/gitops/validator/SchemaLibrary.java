package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every schema the user gave, still in OpenAPI form: one pool of named definitions shared by all
 * documents (the snapshot CRDs and kustomize.json refer to ObjectMeta, which only the Kubernetes
 * document defines), and which definition each group/version/kind starts from.
 *
 * <p>A later source replaces an earlier one's definition or kind of the same name, so a user can
 * override a built-in kind with their own CRD. Definitions from the schema catalog are registered
 * unparsed and read on first use, so a run that checks five kinds reads only what those reach.
 */
final class SchemaLibrary {
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /**
     * A named OpenAPI schema.
     *
     * @param name           its name in the pool, the target of {@code $ref}s
     * @param schema         the OpenAPI schema object
     * @param origin         the file it came from, for messages
     * @param customResource whether it is the root schema of a CRD version (metadata, apiVersion and kind implied)
     */
    record Definition(String name, JsonNode schema, String origin, boolean customResource) {}

    /** A definition not read yet: {@code schema} parses it. */
    private record Pending(String origin, boolean customResource, Supplier<JsonNode> schema) {}

    /** Written while loading (one thread), then filled in by lookups from any thread. */
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<GroupVersionKind, String> kinds = new LinkedHashMap<>();

    void define(Definition definition) {
        pending.remove(definition.name());
        definitions.put(definition.name(), definition);
    }

    /** Registers a definition that {@code schema} parses when something first needs it. */
    void defineLazily(String name, String origin, boolean customResource, Supplier<JsonNode> schema) {
        definitions.remove(name);
        pending.put(name, new Pending(origin, customResource, schema));
    }

    void bind(GroupVersionKind kind, String definitionName) {
        kinds.put(kind, definitionName);
    }

    /** The definition of that name, read now if it was registered lazily; {@code null} when none is. */
    Definition definition(String name) {
        Definition definition = definitions.get(name);
        if (definition != null) {
            return definition;
        }
        Pending later = pending.get(name);
        if (later == null) {
            return null;
        }
        return definitions.computeIfAbsent(
                name, unused -> new Definition(name, later.schema().get(), later.origin(), later.customResource()));
    }

    boolean has(String name) {
        return definitions.containsKey(name) || pending.containsKey(name);
    }

    /** Whether a definition came from a file given to the builder, which is checked when loading. */
    boolean isEager(String name) {
        return definitions.containsKey(name) && !pending.containsKey(name);
    }

    /** The definition a kind starts from, or {@code null} when no source describes the kind. */
    String rootOf(GroupVersionKind kind) {
        return kinds.get(kind);
    }

    Map<GroupVersionKind, String> kinds() {
        return kinds;
    }

    /** The apiVersions that do have a schema for {@code kind}, for a hint when a document uses another. */
    List<String> apiVersionsOf(String kind) {
        List<String> versions = new ArrayList<>();
        for (GroupVersionKind known : kinds.keySet()) {
            if (known.kind().equals(kind)) {
                versions.add(known.apiVersion());
            }
        }
        return List.copyOf(new TreeSet<>(versions));
    }
}
