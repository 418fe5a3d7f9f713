package io.kubeai.gitops.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the schema catalog ({@link SchemaCatalog}) from its source documents, by hand, when a source
 * changes:
 *
 * <pre>
 * mvn -B -ntp -pl validator compile exec:java@schema-catalog
 * </pre>
 *
 * <p>which runs {@code SchemaCatalogTool SOURCES_DIR CATALOG_DIR} with {@code SOURCES_DIR} holding
 * {@code kubernetes-openapi/} (OpenAPI documents) and {@code crds/} (CRD files), as {@code ../shared}
 * does. Each source becomes one catalog file with only the keywords validation reads
 * ({@link SchemaStripper}), written one definition (or one CRD version) per line so a change to a
 * source reads as a small diff. The output depends on the sources alone: running it twice writes the
 * same bytes, which is how a test tells that the catalog is current.
 */
public final class SchemaCatalogTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCatalogTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SchemaCatalogTool SOURCES_DIR CATALOG_DIR");
            System.exit(2);
        }
        Path catalog = Path.of(args[1]);
        Map<String, String> files = render(Path.of(args[0]));
        write(files, catalog);
        long bytes = 0;
        for (String content : files.values()) {
            bytes += content.length();
        }
        System.out.println("wrote " + files.size() + " files, " + bytes + " bytes, to " + catalog);
    }

    /** The catalog's files, by path relative to its folder (index.txt included), made from {@code sources}. */
    static Map<String, String> render(Path sources) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder(
                "# The schema catalog, in load order: file, then the SHA-256 of its source. Written by SchemaCatalogTool.\n");
        for (Path source :
                SourceFiles.expand(List.of(sources.resolve("kubernetes-openapi")), ".json", ".yaml", ".yml")) {
            String file = "kubernetes-openapi/" + baseName(source) + ".json";
            files.put(file, openApi(OpenApiDocuments.read(source)));
            index.append(file).append(' ').append(sha256(source)).append('\n');
        }
        for (Path source : SourceFiles.expand(List.of(sources.resolve("crds")), ".yaml", ".yml", ".json")) {
            String file = SchemaCatalog.CRDS + baseName(source) + ".json";
            files.put(file, crds(source));
            index.append(file).append(' ').append(sha256(source)).append('\n');
        }
        files.put(SchemaCatalog.INDEX, index.toString());
        files.put(SchemaCatalog.KINDS, kinds(files));
        return files;
    }

    /**
     * Which definition each kind starts from, found by loading the catalog's files the ordinary way,
     * so that the quick reader needs no parsing to know the kinds.
     */
    private static String kinds(Map<String, String> files) throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        for (var file : files.entrySet()) {
            if (file.getKey().startsWith(SchemaCatalog.CRDS)) {
                CustomResourceDefinitions.load(JSON.readTree(file.getValue()), file.getKey(), library);
            } else if (file.getKey().endsWith(".json")) {
                OpenApiDocuments.load(JSON.readTree(file.getValue()), file.getKey(), library);
            }
        }
        StringBuilder kinds = new StringBuilder();
        library.kinds()
                .forEach((kind, definition) -> kinds.append(kind.apiVersion())
                        .append(' ')
                        .append(kind.kind())
                        .append(' ')
                        .append(definition)
                        .append('\n'));
        return kinds.toString();
    }

    /** Writes the files and removes any other file the folder held, so a removed source leaves nothing behind. */
    static void write(Map<String, String> files, Path catalog) throws IOException {
        if (Files.isDirectory(catalog)) {
            try (Stream<Path> walk = Files.walk(catalog)) {
                for (Path old : walk.filter(Files::isRegularFile).toList()) {
                    if (!files.containsKey(catalog.relativize(old).toString().replace('\\', '/'))) {
                        Files.delete(old);
                    }
                }
            }
        }
        for (var file : files.entrySet()) {
            Path target = catalog.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    /** An OpenAPI v2 or v3 document: its definitions, stripped, sorted by name, one per line. */
    private static String openApi(JsonNode document) throws JsonProcessingException {
        boolean v2 = document.has("definitions");
        JsonNode definitions =
                v2 ? document.get("definitions") : document.path("components").path("schemas");
        Map<String, JsonNode> sorted = new TreeMap<>();
        definitions.properties().forEach(entry -> sorted.put(entry.getKey(), SchemaStripper.schema(entry.getValue())));
        List<String> lines = new ArrayList<>();
        for (var entry : sorted.entrySet()) {
            lines.add(JSON.writeValueAsString(entry.getKey()) + ":" + JSON.writeValueAsString(entry.getValue()));
        }
        String head = v2
                ? "{\"swagger\":\"2.0\",\"definitions\":{\n"
                : "{\"openapi\":\"3.0.0\",\"components\":{\"schemas\":{\n";
        return head + String.join(",\n", lines) + (v2 ? "\n}}\n" : "\n}}}\n");
    }

    /** A CRD file: each CRD's identity and its served versions' schemas, one version per line; several make a List. */
    private static String crds(Path source) throws IOException {
        YamlStream.Result yaml = YamlStream.read(Files.readString(source));
        if (yaml.error() != null) {
            throw new IOException(source + ":" + yaml.error().position().line() + ": "
                    + yaml.error().message());
        }
        List<String> crds = new ArrayList<>();
        for (YamlDocument document : yaml.documents()) {
            collect(document.content(), crds);
        }
        if (crds.size() == 1) {
            return crds.get(0) + "\n";
        }
        return "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n" + String.join(",\n", crds) + "\n]}\n";
    }

    private static void collect(JsonNode document, List<String> crds) throws JsonProcessingException {
        String kind = document.path("kind").asText("");
        if (kind.equals("List")) {
            for (JsonNode item : document.path("items")) {
                collect(item, crds);
            }
        } else if (kind.equals("CustomResourceDefinition")) {
            crds.add(crd(document));
        }
    }

    private static String crd(JsonNode crd) throws JsonProcessingException {
        JsonNode spec = crd.path("spec");
        List<String> versions = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.isMissingNode()) {
                schema = spec.path("validation").path("openAPIV3Schema");
            }
            ObjectNode stripped = JSON.createObjectNode();
            stripped.put("name", version.path("name").asText());
            stripped.put("served", true);
            if (schema.isObject()) {
                stripped.putObject("schema").set("openAPIV3Schema", SchemaStripper.schema(schema));
            }
            versions.add(JSON.writeValueAsString(stripped));
        }
        ObjectNode head = JSON.createObjectNode();
        head.put("apiVersion", "apiextensions.k8s.io/v1");
        head.put("kind", "CustomResourceDefinition");
        head.putObject("metadata").put("name", crd.path("metadata").path("name").asText());
        ObjectNode headSpec = head.putObject("spec");
        headSpec.put("group", spec.path("group").asText());
        headSpec.putObject("names").put("kind", spec.path("names").path("kind").asText());
        String prefix = JSON.writeValueAsString(head);
        // {"...","spec":{"group":..,"names":{..}}} -> the same with "versions":[...] before the last two braces.
        return prefix.substring(0, prefix.length() - 2) + ",\"versions\":[\n" + String.join(",\n", versions) + "\n]}}";
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
