package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a multi-document YAML stream the way the Kubernetes YAML decoder does (YAML 1.1 scalars,
 * so {@code yes} is a boolean and {@code 0644} is octal; merge keys), reporting duplicate keys as
 * {@code kubeconform -strict} does instead of silently keeping one of them.
 *
 * <p>SnakeYAML is used directly rather than through Jackson because only its node tree keeps the
 * scalar styles and the line of every node.
 */
final class YamlStream {
    /** Rendered trees put thousands of documents in one file; the default limit (3 MB) is too small. */
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private static final int MAX_DEPTH = 200;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** YAML 1.1 implicit types; only read after construction, so one serves every thread. */
    private static final Resolver RESOLVER = new Resolver();

    /**
     * What a stream held.
     *
     * @param documents every document before the syntax error, if any
     * @param error     the syntax error that ended the stream, or {@code null}
     */
    record Result(List<YamlDocument> documents, SyntaxError error) {}

    /** A syntax error; the documents after it cannot be read reliably. */
    record SyntaxError(int documentIndex, YamlDocument.Position position, String message) {}

    private YamlStream() {}

    static Result read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        List<YamlDocument> documents = new ArrayList<>();
        // The composer alone: new Yaml() would also build a constructor and a representer for every file.
        Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                List<Finding> problems = new ArrayList<>();
                JsonNode content = new Converter(problems).convert(node, new Crumb(null, null), 0);
                documents.add(new YamlDocument(documents.size(), content, node, problems));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            YamlDocument.Position position =
                    mark == null ? YamlDocument.Position.UNKNOWN : YamlDocument.Position.of(mark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            return new Result(documents, new SyntaxError(documents.size(), position, "invalid YAML: " + problem));
        } catch (YAMLException e) {
            // Limits (size, aliases, depth) are reported without a mark.
            return new Result(
                    documents,
                    new SyntaxError(
                            documents.size(), YamlDocument.Position.UNKNOWN, "invalid YAML: " + e.getMessage()));
        }
        return new Result(documents, null);
    }

    /**
     * Where the converter is, as a chain from the root: a JSON pointer string per node would cost more
     * than the whole conversion on a large CRD, and is needed only for the rare problem.
     */
    private record Crumb(Crumb parent, String token) {
        String pointer() {
            return parent == null ? "" : JsonPointers.append(parent.pointer(), token);
        }
    }

    /** Builds JSON from a node tree, collecting what is wrong with the YAML on the way. */
    private record Converter(List<Finding> problems) {

        JsonNode convert(Node node, Crumb at, int depth) {
            if (depth > MAX_DEPTH) {
                problems.add(new Finding(at.pointer(), "nested more than " + MAX_DEPTH + " levels deep"));
                return JSON.nullNode();
            }
            if (node instanceof MappingNode mapping) {
                return object(mapping, at, depth);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JSON.arrayNode(sequence.getValue().size());
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    array.add(convert(items.get(i), new Crumb(at, Integer.toString(i)), depth + 1));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private ObjectNode object(MappingNode mapping, Crumb at, int depth) {
            ObjectNode object = JSON.objectNode();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                if (!(keyNode instanceof ScalarNode key)) {
                    problems.add(new Finding(at.pointer(), "a mapping key must be a scalar"));
                    continue;
                }
                String name = key.getValue();
                Crumb member = new Crumb(at, name);
                if (object.has(name)) {
                    problems.add(new Finding(member.pointer(), "duplicate key '" + name + "'"));
                }
                object.set(name, convert(tuple.getValueNode(), member, depth + 1));
            }
            for (Node merge : merges) {
                merge(object, merge, at, depth);
            }
            return object;
        }

        /** {@code <<: *base}: the mapping's own keys win, then earlier merged mappings over later ones. */
        private void merge(ObjectNode object, Node merge, Crumb at, int depth) {
            List<Node> sources = merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
            for (Node source : sources) {
                if (!(source instanceof MappingNode mapping)) {
                    problems.add(new Finding(at.pointer(), "a merge key '<<' must refer to a mapping"));
                    continue;
                }
                for (var entry : object(mapping, at, depth).properties()) {
                    if (!object.has(entry.getKey())) {
                        object.set(entry.getKey(), entry.getValue());
                    }
                }
            }
        }
    }

    /** Plain scalars are typed by SnakeYAML's YAML 1.1 resolver; quoted ones are always strings. */
    static JsonNode scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = scalar.getValue();
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String lower = value.toLowerCase(Locale.ROOT);
            return JSON.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
        }
        if (Tag.INT.equals(tag)) {
            JsonNode number = integer(value);
            return number != null ? number : JSON.textNode(value);
        }
        if (Tag.FLOAT.equals(tag)) {
            JsonNode number = floating(value);
            return number != null ? number : JSON.textNode(value);
        }
        return JSON.textNode(value);
    }

    private static JsonNode integer(String text) {
        String digits = text.replace("_", "");
        if (digits.indexOf(':') >= 0) {
            // Base 60 (1:30) is YAML 1.1 but not in the Kubernetes decoder: it stays a string.
            return null;
        }
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        try {
            BigInteger number = new BigInteger(digits, radix);
            number = negative ? number.negate() : number;
            if (number.bitLength() < 32) {
                return JSON.numberNode(number.intValue());
            }
            return number.bitLength() < 64 ? JSON.numberNode(number.longValue()) : JSON.numberNode(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode floating(String text) {
        String value = text.replace("_", "").toLowerCase(Locale.ROOT);
        switch (value) {
            case ".inf", "+.inf":
                return JSON.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf":
                return JSON.numberNode(Double.NEGATIVE_INFINITY);
            case ".nan":
                return JSON.numberNode(Double.NaN);
            default:
                try {
                    return value.indexOf(':') >= 0 ? null : JSON.numberNode(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }
}
