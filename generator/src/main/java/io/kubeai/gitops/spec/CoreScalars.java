package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Plain scalars typed by the YAML 1.2 core schema, the rules Kubernetes and KubeAI's Go reader use,
 * instead of SnakeYAML's YAML 1.1 ones: {@code NO} and {@code yes} stay strings, {@code 0123} is 123
 * and not octal 83, {@code 1_000} is a string. Numbers and booleans remember their text as written, so a
 * field read as a string gets {@code 0123}, not {@code 123}.
 */
final class CoreScalars {
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private CoreScalars() {}

    /** The value of a plain scalar the YAML parser did not read as a string. */
    static JsonNode plain(String text) {
        if (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL")) {
            return NullNode.getInstance();
        }
        if (BOOL.matcher(text).matches()) {
            return new WrittenBoolean(text.charAt(0) == 't' || text.charAt(0) == 'T', text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new WrittenInteger(new BigInteger(text), text);
        }
        if (OCTAL.matcher(text).matches()) {
            return new WrittenInteger(new BigInteger(text.substring(2), 8), text);
        }
        if (HEX.matcher(text).matches()) {
            return new WrittenInteger(new BigInteger(text.substring(2), 16), text);
        }
        if (FLOAT.matcher(text).matches()) {
            return new WrittenDecimal(new BigDecimal(text), text);
        }
        if (INFINITY.matcher(text).matches()) {
            return new WrittenDouble(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, text);
        }
        if (NAN.matcher(text).matches()) {
            return new WrittenDouble(Double.NaN, text);
        }
        return TextNode.valueOf(text);
    }

    /** An integer that reads back as a string the way it was written. */
    static final class WrittenInteger extends BigIntegerNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenInteger(BigInteger value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** A decimal number that reads back as a string the way it was written. */
    static final class WrittenDecimal extends DecimalNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenDecimal(BigDecimal value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** Infinity or NaN, as written. */
    static final class WrittenDouble extends DoubleNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenDouble(double value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /** A boolean that reads back as a string the way it was written ({@code True}, not {@code true}). */
    static final class WrittenBoolean extends BooleanNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenBoolean(boolean value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }
}
