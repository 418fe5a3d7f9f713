package io.kubeai.gitops.hook.edit;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a string as a YAML scalar in the style its neighbours use, falling back to double quotes
 * whenever the preferred style could not carry the value unchanged.
 */
final class ScalarFormatter {

    private static final Resolver RESOLVER = new Resolver();
    private static final String PLAIN_FIRST_FORBIDDEN = "-?:,[]{}#&*!|>'\"%@`";

    private ScalarFormatter() {}

    static String format(String value, ScalarStyle preferred, boolean inFlow) {
        if (preferred == ScalarStyle.SINGLE_QUOTED && printable(value)) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (preferred != ScalarStyle.DOUBLE_QUOTED
                && preferred != ScalarStyle.SINGLE_QUOTED
                && plainSafe(value, inFlow)) {
            return value;
        }
        return doubleQuoted(value);
    }

    /** True when the value reads back as the same string written plain, in block or flow context. */
    static boolean plainSafe(String value, boolean inFlow) {
        if (value.isEmpty() || !printable(value) || value.strip().length() != value.length()) {
            return false;
        }
        if (PLAIN_FIRST_FORBIDDEN.indexOf(value.charAt(0)) >= 0 || value.endsWith(":")) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.contains("\t")) {
            return false;
        }
        if (inFlow && value.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0)) {
            return false;
        }
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    private static boolean printable(String value) {
        return value.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfeff);
    }

    private static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfeff) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
