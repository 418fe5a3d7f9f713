package io.kubeai.gitops.hook.edit;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * A YAML node with its place in the text. {@code start} and {@code end} are char indexes; {@code end}
 * is the end of the node's last real content (a scalar, an alias or a closing bracket), never the
 * comments and blank lines that a block collection's end token drags along.
 */
sealed interface YamlNode {

    int start();

    int end();

    /** A scalar as written: its value, quoting style and whether it is plain without an explicit tag. */
    record Scalar(String value, ScalarStyle style, boolean plainImplicit, int start, int end) implements YamlNode {

        /** An untagged plain {@code null}, {@code ~} or nothing at all. */
        boolean isNull() {
            return plainImplicit
                    && (value.isEmpty()
                            || value.equals("~")
                            || value.equals("null")
                            || value.equals("Null")
                            || value.equals("NULL"));
        }
    }

    /** A {@code *alias}; its target is not followed, so it never matches a name. */
    record Alias(int start, int end) implements YamlNode {}

    record Entry(YamlNode key, YamlNode value) {}

    record Mapping(List<Entry> entries, boolean flow, int start, int end) implements YamlNode {

        Optional<Entry> entry(String key) {
            return entries.stream()
                    .filter(e -> e.key() instanceof Scalar s && s.value().equals(key))
                    .findFirst();
        }

        Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        Optional<String> scalar(String key) {
            return get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).value());
        }
    }

    record Sequence(List<YamlNode> items, boolean flow, int start, int end) implements YamlNode {}
}
