package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One compiled JSON Schema per kind, built on first use and kept: compiling is what costs, so a run
 * over thousands of Deployments compiles the Deployment schema once.
 *
 * <p>Each kind's schema is a self-contained draft 7 document: a {@code $ref} to the kind's root
 * definition and a {@code definitions} section holding exactly the definitions reachable from it.
 * Every definition is converted once, when the library is loaded, and the converted trees are
 * shared (read-only) between the kinds that reach them.
 */
final class KindSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            // Formats (int32, date-time, byte) are not checked, as kubeconform does not check them.
            .formatAssertionsEnabled(false)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final SchemaLibrary library;
    private final SchemaConverter converter;
    /** Definitions converted so far; a kind's first use converts what it reaches. */
    private final Map<String, SchemaConverter.Converted> converted = new ConcurrentHashMap<>();

    private final Map<GroupVersionKind, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final QuickCheck quick = new QuickCheck(name -> {
        SchemaConverter.Converted definition = converted(name);
        return definition == null ? null : definition.schema();
    });

    private KindSchemas(SchemaLibrary library) {
        this.library = library;
        this.converter = new SchemaConverter(library.has(SchemaLibrary.OBJECT_META));
    }

    /**
     * Checks that every reference of the kinds the user's files describe resolves, so that a missing
     * document is reported once, when loading, rather than as a failure of every document. The
     * catalog's own kinds are not walked here: a test checks they all resolve, and skipping them
     * keeps loading quick.
     *
     * @throws IllegalStateException naming the unresolved references and a kind that needs them
     */
    static KindSchemas of(SchemaLibrary library) {
        KindSchemas schemas = new KindSchemas(library);
        Map<String, String> missing = new TreeMap<>();
        for (var kind : library.kinds().entrySet()) {
            if (!library.isEager(kind.getValue())) {
                continue;
            }
            for (String name : schemas.reachable(kind.getValue())) {
                if (schemas.converted(name) == null) {
                    missing.putIfAbsent(
                            name,
                            kind.getKey() + " in "
                                    + library.definition(kind.getValue()).origin());
                }
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder("no schema document given defines ");
            missing.forEach((name, user) -> message.append('\'')
                    .append(name)
                    .append("' (needed by ")
                    .append(user)
                    .append("), "));
            message.setLength(message.length() - 2);
            throw new IllegalStateException(message
                    + "; give the document that defines it too (for ObjectMeta, the Kubernetes OpenAPI document)");
        }
        return schemas;
    }

    /** A definition in JSON Schema form, converted on first use; {@code null} when none has that name. */
    private SchemaConverter.Converted converted(String name) {
        SchemaConverter.Converted done = converted.get(name);
        if (done != null) {
            return done;
        }
        SchemaLibrary.Definition definition = library.definition(name);
        return definition == null ? null : converted.computeIfAbsent(name, unused -> converter.convert(definition));
    }

    /**
     * The compiled schema for a kind, or {@code null} when no source describes it.
     *
     * @throws IllegalStateException when the kind's schema cannot be compiled (a broken CRD, say)
     */
    JsonSchema schemaFor(GroupVersionKind kind) {
        String root = library.rootOf(kind);
        if (root == null) {
            return null;
        }
        return compiled.computeIfAbsent(kind, unused -> compile(kind, root));
    }

    private JsonSchema compile(GroupVersionKind kind, String root) {
        try {
            JsonSchema schema = FACTORY.getSchema(document(root), CONFIG);
            // Resolve every $ref now, so the first document of a kind is not the slow one.
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the schema for " + kind + " from "
                            + library.definition(root).origin() + " cannot be compiled: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Whether a document of a kind is certainly valid, found quickly; when not, {@link #schemaFor}'s
     * full validation finds what is wrong (or that nothing is).
     */
    boolean quicklyPasses(GroupVersionKind kind, JsonNode document) {
        String root = library.rootOf(kind);
        return root != null && quick.passes(root, document);
    }

    /** The JSON Schema document for a root definition, as it is compiled. */
    ObjectNode document(String root) {
        ObjectNode definitions = JSON.objectNode();
        for (String name : reachable(root)) {
            SchemaConverter.Converted definition = converted(name);
            if (definition == null) {
                throw new IllegalStateException("no schema defines '" + name + "', which " + root + " refers to");
            }
            definitions.set(name, definition.schema());
        }
        ObjectNode document = JSON.objectNode();
        document.put("$schema", "http://json-schema.org/draft-07/schema#");
        document.put("$ref", SchemaConverter.pointerTo(root));
        document.set("definitions", definitions);
        return document;
    }

    /** The root and every definition it refers to, directly or not; names without a definition included. */
    private Set<String> reachable(String root) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            String name = queue.poll();
            SchemaConverter.Converted definition = seen.add(name) ? converted(name) : null;
            if (definition != null) {
                queue.addAll(definition.references());
            }
        }
        return seen;
    }
}
