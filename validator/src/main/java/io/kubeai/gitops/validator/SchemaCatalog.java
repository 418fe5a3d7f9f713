package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema catalog this jar carries: every Kubernetes 1.35 kind, VolumeSnapshot, kustomize's
 * Kustomization and the CRDs the generator renders or users deploy beside it (Argo CD, Flux,
 * InferencePool, HTTPRoute, KEDA), structure only. {@link SchemaCatalogTool} writes it from the
 * source documents; this reads it.
 *
 * <p>Each catalog file keeps its source's form (an OpenAPI document, a CRD) with only the keywords
 * validation reads, so a user's copy of it goes through the ordinary loaders. Reading the whole
 * catalog as JSON would take most of a second in a fresh JVM, so this reader relies on the layout
 * the tool writes instead: one definition (or CRD version) per line, registered unparsed and parsed
 * when a kind first reaches it, and {@code kinds.txt} binding each kind to its definition.
 * {@code index.txt} lists the files, because a jar cannot be listed.
 */
final class SchemaCatalog {
    static final String RESOURCES = "io/kubeai/gitops/validator/catalog/";
    static final String INDEX = "index.txt";
    static final String KINDS = "kinds.txt";
    static final String CRDS = "crds/";
    /** How the tool starts each CRD version's line, so the version can be read without parsing the schema. */
    static final String VERSION_PREFIX = "{\"name\":\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCatalog() {}

    static void load(SchemaLibrary library) throws IOException {
        for (String file : files()) {
            String origin = "the schema catalog's " + file;
            List<String> lines = read(file).lines().toList();
            if (file.startsWith(CRDS)) {
                crd(lines, origin, library);
            } else {
                openApi(lines, origin, library);
            }
        }
        for (String line : read(KINDS).lines().toList()) {
            String[] fields = line.split(" ");
            if (fields.length == 3) {
                library.bind(GroupVersionKind.of(fields[0], fields[1]), fields[2]);
            }
        }
    }

    /** The catalog's files, relative to its folder, in load order. */
    static List<String> files() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : read(INDEX).lines().toList()) {
            // Each line: the file, then the SHA-256 of the source it was made from.
            String file = line.strip().split(" ")[0];
            if (!file.isEmpty() && !file.startsWith("#")) {
                files.add(file);
            }
        }
        return files;
    }

    /** Between the head and the closing line, each line is {@code "name":{schema}} and a comma. */
    private static void openApi(List<String> lines, String origin, SchemaLibrary library) throws IOException {
        for (String line : lines.subList(1, lines.size() - 1)) {
            String entry = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            int colon = entry.indexOf("\":");
            if (!entry.startsWith("\"") || colon < 0) {
                throw new IOException(origin + ": not a line the catalog tool writes: "
                        + entry.substring(0, Math.min(80, entry.length())));
            }
            String name = JSON.readValue(entry.substring(0, colon + 1), String.class);
            String schema = entry.substring(colon + 2);
            library.defineLazily(name, origin, false, () -> parse(schema, origin));
        }
    }

    /** A head line with the group and kind, one line per served version, and the closing line. */
    private static void crd(List<String> lines, String origin, SchemaLibrary library) throws IOException {
        JsonNode head = JSON.readTree(lines.get(0) + "]}}");
        if (!head.path("kind").asText().equals("CustomResourceDefinition")) {
            // Several CRDs in one source make a List: rare enough to read whole.
            CustomResourceDefinitions.load(JSON.readTree(String.join("\n", lines)), origin, library);
            return;
        }
        String group = head.path("spec").path("group").asText();
        String kind = head.path("spec").path("names").path("kind").asText();
        for (String line : lines.subList(1, lines.size() - 1)) {
            String version = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            if (!version.startsWith(VERSION_PREFIX)) {
                throw new IOException(origin + ": a CRD version line must start with " + VERSION_PREFIX);
            }
            String name = version.substring(VERSION_PREFIX.length(), version.indexOf('"', VERSION_PREFIX.length()));
            library.defineLazily(
                    CustomResourceDefinitions.definitionName(group, name, kind),
                    origin,
                    true,
                    () -> CustomResourceDefinitions.schemaOf(parse(version, origin), null));
        }
    }

    private static JsonNode parse(String json, String origin) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": broken catalog line: " + e.getMessage(), e);
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IOException("the schema catalog has no " + file + " (a broken build of kubeai-validator?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
