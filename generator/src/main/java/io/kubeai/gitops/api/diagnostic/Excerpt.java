package io.kubeai.gitops.api.diagnostic;

/**
 * How a user's value appears in a message: short, on one line, with control characters spelled out.
 * A value is echoed so the user can find it, never in full (it may be a secret read by mistake), and never
 * raw (a newline or an escape code in a name could forge a line of CI output).
 */
public final class Excerpt {
    /** Enough to recognise a value; too little to carry a key. */
    static final int MAX = 48;

    private Excerpt() {}

    /** {@code value} quoted, clipped to {@link #MAX} characters, control characters escaped. */
    public static String quote(String value) {
        return "'" + clip(value) + "'";
    }

    /** {@code value} clipped to {@link #MAX} characters, with control characters escaped. */
    public static String clip(String value) {
        if (value == null) {
            return "";
        }
        int end = value.offsetByCodePoints(0, Math.min(MAX, value.codePointCount(0, value.length())));
        String head = escape(value.substring(0, end));
        return end < value.length() ? head + "..." : head;
    }

    /** Control characters (C0, DEL, C1) as {@code \n}, {@code \t} or {@code \\uXXXX}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
