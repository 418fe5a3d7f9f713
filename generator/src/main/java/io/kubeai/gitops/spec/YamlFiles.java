package io.kubeai.gitops.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.api.diagnostic.Excerpt;
import io.kubeai.gitops.wording.ReaderHints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses YAML text into documents with source maps. Bounded so that a hostile file cannot exhaust
 * memory: a size cap, an alias cap (no "billion laughs"), a nesting cap.
 */
public final class YamlFiles {
    /** Spec files are small; anything larger is a mistake or an attack. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = createFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlFiles() {}

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_FILE_BYTES)
                        .build())
                .build();
        factory.setCodec(new ObjectMapper(factory));
        return factory;
    }

    /**
     * Parses every document of {@code text}. A syntax error ends the file: it is reported and the documents
     * before it are returned.
     */
    public static List<YamlDocument> parse(String file, String text, List<Diagnostic> diagnostics) {
        List<YamlDocument> documents = new ArrayList<>();
        if (text.length() > MAX_FILE_BYTES) {
            diagnostics.add(Diagnostics.error(
                    SourcePosition.ofFile(file), ReaderHints.fileTooLarge(MAX_FILE_BYTES / (1024 * 1024))));
            return documents;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            while (token != null) {
                SourceMap map = new SourceMap(file);
                JsonNode root = readValue(parser, "", map);
                if (root.isTextual() && root.textValue().isEmpty()) {
                    root = com.fasterxml.jackson.databind.node.NullNode.getInstance(); // '---' alone: an empty document
                }
                documents.add(new YamlDocument(file, documents.size(), root, map));
                token = parser.nextToken();
            }
        } catch (AliasException e) {
            diagnostics.add(Diagnostics.error(position(file, e.location), ReaderHints.yamlAliases()));
        } catch (JsonProcessingException e) {
            diagnostics.add(
                    Diagnostics.error(position(file, e.getLocation()), ReaderHints.invalidYaml(cleanMessage(e))));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports limits (aliases, size, depth) as unchecked exceptions.
            diagnostics.add(
                    Diagnostics.error(SourcePosition.ofFile(file), ReaderHints.invalidYaml(firstLine(e.getMessage()))));
        }
        return documents;
    }

    private static JsonNode readValue(JsonParser parser, String pointer, SourceMap map) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        map.putValue(pointer, start.getLineNr(), start.getColumnNr());
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Aliases are how YAML bombs multiply; a spec has no need of them.
            throw new AliasException(start);
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = pointer + "/" + escape(name);
                    JsonLocation keyAt = parser.currentTokenLocation();
                    map.putKey(child, keyAt.getLineNr(), keyAt.getColumnNr());
                    parser.nextToken();
                    object.set(name, readValue(parser, child, map));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, pointer + "/" + array.size(), map));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            default:
                // SnakeYAML types plain scalars by YAML 1.1 (NO is false, 0123 is 83); retype the text.
                return CoreScalars.plain(parser.getText() == null ? "" : parser.getText());
        }
    }

    /** Stops parsing at the first alias. */
    private static final class AliasException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation location;

        AliasException(JsonLocation location) {
            super(null, null, false, false);
            this.location = location;
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static SourcePosition position(String file, JsonLocation location) {
        if (location == null) {
            return SourcePosition.ofFile(file);
        }
        return new SourcePosition(file, Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    private static String cleanMessage(JsonProcessingException e) {
        return firstLine(e.getOriginalMessage());
    }

    /** The parser's first line, clipped: parser messages quote the text they stopped at. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        line = line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
        return line.length() > 120 ? Excerpt.clip(line.substring(0, 120)) + "..." : Excerpt.escape(line);
    }
}
