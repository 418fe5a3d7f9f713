package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One document of a YAML stream: its content as JSON, and SnakeYAML's node tree, kept so that a
 * violation's JSON pointer can be turned into a line and column only when there is a violation.
 *
 * @param index    0-based position in the stream, counting empty documents too
 * @param content  the document as JSON, as the Kubernetes YAML decoder would see it
 * @param source   the node tree the content came from
 * @param problems what was wrong with the YAML itself, such as duplicate keys
 */
record YamlDocument(int index, JsonNode content, Node source, List<Finding> problems) {

    /** 1-based line and column; 0 when unknown. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);

        static Position of(Mark mark) {
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    /**
     * Where the value at {@code pointer} is written: the key for an object member (so an unknown
     * field points at its name), the item for an array element, or the nearest enclosing node that
     * exists when the pointer leads nowhere (a missing required field points at its object).
     */
    Position locate(String pointer) {
        Node node = source;
        List<String> tokens = JsonPointers.tokens(pointer);
        for (int i = 0; i < tokens.size(); i++) {
            if (node instanceof MappingNode mapping) {
                NodeTuple entry = lastEntry(mapping, tokens.get(i));
                if (entry == null) {
                    break;
                }
                node = entry.getValueNode();
                if (i == tokens.size() - 1) {
                    return Position.of(entry.getKeyNode().getStartMark());
                }
            } else if (node instanceof SequenceNode sequence) {
                int item = index(tokens.get(i));
                if (item < 0 || item >= sequence.getValue().size()) {
                    break;
                }
                node = sequence.getValue().get(item);
            } else {
                break;
            }
        }
        return Position.of(node.getStartMark());
    }

    /** The last entry wins, as it does when the content is built, so a duplicate key points at itself. */
    private static NodeTuple lastEntry(MappingNode mapping, String key) {
        NodeTuple found = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar
                    && scalar.getValue().equals(key)) {
                found = tuple;
            }
        }
        return found;
    }

    private static int index(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
