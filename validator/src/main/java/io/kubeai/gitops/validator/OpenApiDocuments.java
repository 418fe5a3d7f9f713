package io.kubeai.gitops.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads OpenAPI documents into a {@link SchemaLibrary}: swagger 2.0 ({@code definitions}, as a
 * cluster serves at {@code /openapi/v2}) and OpenAPI 3 ({@code components.schemas}).
 *
 * <p>Which definitions are kinds: those with {@code x-kubernetes-group-version-kind}; in a document
 * where no definition has it (CRDs exported as OpenAPI, such as the snapshot one), those with
 * {@code apiVersion} and {@code kind} properties whose name is {@code <reversed group>.<version>.<Kind>};
 * and a few well-known types that carry no group/version/kind at all.
 */
final class OpenApiDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GVK_EXTENSION = "x-kubernetes-group-version-kind";
    /** {@code <reversed group>.<version>.<Kind>}, as in {@code io.k8s.storage.snapshot.v1.VolumeSnapshot}. */
    private static final Pattern DERIVED_NAME = Pattern.compile(
            "^([a-z0-9-]+(?:\\.[a-z0-9-]+)*)\\.(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)\\.([A-Z][A-Za-z0-9]*)$");

    /** kustomize.json describes kustomization.yaml files but says nothing of their apiVersion and kind. */
    private static final Map<String, List<GroupVersionKind>> WELL_KNOWN = Map.of(
            "io.k8s.sigs.kustomize.api.types.Kustomization",
            List.of(
                    new GroupVersionKind("kustomize.config.k8s.io", "v1beta1", "Kustomization"),
                    new GroupVersionKind("kustomize.config.k8s.io", "v1alpha1", "Component")));

    private OpenApiDocuments() {}

    static void load(Path file, SchemaLibrary library) throws IOException {
        load(read(file), file.toString(), library);
    }

    /** Loads a document already parsed; {@code origin} names it in messages. */
    static void load(JsonNode document, String origin, SchemaLibrary library) throws IOException {
        JsonNode definitions = document.has("definitions")
                ? document.get("definitions")
                : document.path("components").path("schemas");
        if (!definitions.isObject()) {
            throw new IOException(origin + ": not an OpenAPI document: it has neither 'definitions' (OpenAPI v2)"
                    + " nor 'components.schemas' (OpenAPI v3)");
        }
        boolean declaresKinds = false;
        for (JsonNode schema : definitions) {
            declaresKinds |= schema.has(GVK_EXTENSION);
        }
        for (Entry<String, JsonNode> entry : definitions.properties()) {
            String name = entry.getKey();
            JsonNode schema = entry.getValue();
            library.define(new SchemaLibrary.Definition(name, schema, origin, false));
            for (GroupVersionKind kind : kindsOf(name, schema, declaresKinds)) {
                library.bind(kind, name);
            }
        }
    }

    static JsonNode read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            try (InputStream in = Files.newInputStream(file)) {
                return JSON.readTree(in);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new IOException(file + ":" + line + ": invalid JSON: " + e.getOriginalMessage(), e);
            }
        }
        YamlStream.Result yaml = YamlStream.read(Files.readString(file));
        if (yaml.error() != null) {
            throw new IOException(file + ":" + yaml.error().position().line() + ": "
                    + yaml.error().message());
        }
        if (yaml.documents().isEmpty()) {
            throw new IOException(file + ": empty document");
        }
        return yaml.documents().get(0).content();
    }

    private static List<GroupVersionKind> kindsOf(String name, JsonNode schema, boolean declaresKinds) {
        List<GroupVersionKind> kinds = new ArrayList<>(WELL_KNOWN.getOrDefault(name, List.of()));
        for (JsonNode gvk : schema.path(GVK_EXTENSION)) {
            kinds.add(new GroupVersionKind(
                    gvk.path("group").asText(""),
                    gvk.path("version").asText(),
                    gvk.path("kind").asText()));
        }
        if (!declaresKinds
                && schema.path("properties").has("apiVersion")
                && schema.path("properties").has("kind")) {
            Matcher matcher = DERIVED_NAME.matcher(name);
            if (matcher.matches()) {
                kinds.add(new GroupVersionKind(reversed(matcher.group(1)), matcher.group(2), matcher.group(3)));
            }
        }
        return kinds;
    }

    /** {@code io.k8s.storage.snapshot} is the group {@code snapshot.storage.k8s.io}. */
    static String reversed(String dotted) {
        List<String> parts = new ArrayList<>(List.of(dotted.split("\\.")));
        java.util.Collections.reverse(parts);
        return String.join(".", parts);
    }
}
