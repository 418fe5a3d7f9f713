package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every schema the user gave, still in OpenAPI form: one pool of named definitions shared by all
 * documents (the snapshot CRDs and kustomize.json refer to ObjectMeta, which only the Kubernetes
 * document defines), and which definition each group/version/kind starts from.
 *
 * <p>A later source replaces an earlier one's definition or kind of the same name, so a user can
 * override a built-in kind with their own CRD.
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

    private final Map<String, Definition> definitions = new HashMap<>();
    private final Map<GroupVersionKind, String> kinds = new LinkedHashMap<>();

    void define(Definition definition) {
        definitions.put(definition.name(), definition);
    }

    void bind(GroupVersionKind kind, String definitionName) {
        kinds.put(kind, definitionName);
    }

    Definition definition(String name) {
        return definitions.get(name);
    }

    Iterable<Definition> definitions() {
        return definitions.values();
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
