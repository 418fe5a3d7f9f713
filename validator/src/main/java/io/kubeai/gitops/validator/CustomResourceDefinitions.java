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
            add(document.content(), file, library);
        }
    }

    private static void add(JsonNode document, Path file, SchemaLibrary library) throws IOException {
        String kind = document.path("kind").asText("");
        if (kind.equals("List")) {
            for (JsonNode item : document.path("items")) {
                add(item, file, library);
            }
        } else if (kind.equals("CustomResourceDefinition")) {
            register(document, file, library);
        }
    }

    private static void register(JsonNode crd, Path file, SchemaLibrary library) throws IOException {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String kind = spec.path("names").path("kind").asText("");
        if (group.isEmpty() || kind.isEmpty()) {
            throw new IOException(file + ": CustomResourceDefinition '"
                    + crd.path("metadata").path("name").asText() + "' has no spec.group or spec.names.kind");
        }
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            // apiextensions.k8s.io/v1beta1 could give one schema for every version.
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.isMissingNode()) {
                schema = spec.path("validation").path("openAPIV3Schema");
            }
            String versionName = version.path("name").asText();
            String name = "crd." + group + "." + versionName + "." + kind;
            library.define(new SchemaLibrary.Definition(
                    name, schema.isObject() ? schema : unchecked(), file.toString(), true));
            library.bind(new GroupVersionKind(group, versionName, kind), name);
        }
    }

    /** A version without a schema accepts any object, as the API server does. */
    private static ObjectNode unchecked() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.put("x-kubernetes-preserve-unknown-fields", true);
        return schema;
    }
}
