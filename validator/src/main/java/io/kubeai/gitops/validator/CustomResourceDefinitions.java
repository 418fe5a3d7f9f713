package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads CustomResourceDefinitions into a {@link SchemaLibrary}: each served version's
 * {@code openAPIV3Schema} describes {@code <spec.group>/<version>}, kind {@code spec.names.kind}.
 * Files may hold several documents and {@code List}s (as {@code kubectl get crd -o yaml} writes);
 * documents that are not CRDs are skipped, so a directory can hold a kustomization.yaml too.
 */
final class CustomResourceDefinitions {

    private CustomResourceDefinitions() {}

    static void load(Path file, SchemaLibrary library) throws IOException {
        YamlStream.Result yaml = YamlStream.read(Files.readString(file));
        if (yaml.error() != null) {
            throw new IOException(file + ":" + yaml.error().position().line() + ": "
                    + yaml.error().message());
        }
        for (YamlDocument document : yaml.documents()) {
            load(document.content(), file.toString(), library);
        }
    }

    /** Loads one parsed document (a CRD, a List of them, or anything else, which is skipped); {@code origin} names it. */
    static void load(JsonNode document, String origin, SchemaLibrary library) throws IOException {
        String kind = document.path("kind").asText("");
        if (kind.equals("List")) {
            for (JsonNode item : document.path("items")) {
                load(item, origin, library);
            }
        } else if (kind.equals("CustomResourceDefinition")) {
            register(document, origin, library);
        }
    }

    private static void register(JsonNode crd, String origin, SchemaLibrary library) throws IOException {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        if (group.isEmpty() || kind.isEmpty()) {
            throw new IOException(origin + ": CustomResourceDefinition '"
                    + crd.path("metadata").path("name").asText() + "' has no spec.group or spec.names.kind");
        }
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            String versionName = version.path("name").asText();
            String name = definitionName(group, versionName, kind);
            library.define(new SchemaLibrary.Definition(name, schemaOf(version, spec), origin, true));
            library.bind(new GroupVersionKind(group, versionName, kind), name);
        }
    }

    /** The pool name of one CRD version's schema. */
    static String definitionName(String group, String version, String kind) {
        return "crd." + group + "." + version + "." + kind;
    }

    /** A version's schema; apiextensions.k8s.io/v1beta1 could give one in {@code spec} for every version. */
    static JsonNode schemaOf(JsonNode version, JsonNode spec) {
        JsonNode schema = version.path("schema").path("openAPIV3Schema");
        if (schema.isMissingNode() && spec != null) {
            schema = spec.path("validation").path("openAPIV3Schema");
        }
        return schema.isObject() ? schema : unchecked();
    }

    /** A version without a schema accepts any object, as the API server does. */
    private static ObjectNode unchecked() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.put("x-kubernetes-preserve-unknown-fields", true);
        return schema;
    }
}
