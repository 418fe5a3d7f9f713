package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How values appear in a report: as code spans, which Markdown renders as code and which read as quotes in
 * plain text. Long values are cut, so a changed ConfigMap cannot flood a pull-request comment.
 */
final class Text {
    static final int MAX_VALUE = 100;
    static final String ARROW = " → ";

    private Text() {}

    static String code(String value) {
        String v = cut(value == null ? "" : value.replace("\n", "\\n"));
        // A backtick inside needs a longer fence (CommonMark), and spaces so the fence is not part of it.
        return v.contains("`") ? "`` " + v + " ``" : "`" + v + "`";
    }

    static String code(JsonNode value) {
        return code(
                value == null || value.isMissingNode() ? "" : value.isTextual() ? value.asText() : value.toString());
    }

    static String codes(Collection<String> values) {
        return values.stream().map(Text::code).collect(Collectors.joining(", "));
    }

    static String change(String old, String now) {
        return code(old) + ARROW + code(now);
    }

    static String cut(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
