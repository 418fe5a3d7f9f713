package io.kubeai.gitops.validator.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The name and key formats of Kubernetes' apimachinery validation ({@code k8s.io/apimachinery/pkg/util/validation}),
 * with the same limits. Each returns what is wrong, empty when nothing is, so a caller can report
 * every reason at once as the API server does.
 */
final class Names {
    static final int LABEL_MAX = 63;
    static final int SUBDOMAIN_MAX = 253;
    static final int CONFIG_MAP_KEY_MAX = 253;
    static final int PORT_NAME_MAX = 15;

    // The patterns apimachinery states as regular expressions, as character classes: every document's
    // labels and names go through these, and a regex matcher allocates on each call.
    private static final CharClass LOWER_ALNUM = c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    private static final CharClass LOWER_ALNUM_DASH = c -> c == '-' || LOWER_ALNUM.has(c);
    private static final CharClass LOWER = c -> c >= 'a' && c <= 'z';
    private static final CharClass ALNUM = c -> LOWER_ALNUM.has(c) || (c >= 'A' && c <= 'Z');
    /** Inside a qualified name or label value, and all of a ConfigMap key. */
    private static final CharClass NAME_CHARS = c -> c == '-' || c == '_' || c == '.' || ALNUM.has(c);

    /** One character class of a name pattern. */
    @FunctionalInterface
    private interface CharClass {
        boolean has(char c);

        /** Whether every character of {@code value[from, to)} is in this class. */
        default boolean all(String value, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!has(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@code first(inner*last)?} over {@code value[from, to)}, not empty: the shape of apimachinery's
     * label, DNS-1035 label and qualified-name patterns.
     */
    private static boolean edged(String value, int from, int to, CharClass first, CharClass inner, CharClass last) {
        if (to <= from || !first.has(value.charAt(from))) {
            return false;
        }
        return to - from == 1 || (last.has(value.charAt(to - 1)) && inner.all(value, from + 1, to - 1));
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} */
    private static boolean dns1123LabelShape(String value, int from, int to) {
        return edged(value, from, to, LOWER_ALNUM, LOWER_ALNUM_DASH, LOWER_ALNUM);
    }

    /** Labels joined by dots, over {@code value[from, to)}. */
    private static boolean dns1123SubdomainShape(String value, int from, int to) {
        int start = from;
        for (int dot = value.indexOf('.', start); dot >= 0 && dot < to; dot = value.indexOf('.', start)) {
            if (!dns1123LabelShape(value, start, dot)) {
                return false;
            }
            start = dot + 1;
        }
        return dns1123LabelShape(value, start, to);
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
    private static boolean qualifiedNameShape(String value, int from, int to) {
        return edged(value, from, to, ALNUM, NAME_CHARS, ALNUM);
    }

    private Names() {}

    static List<String> dns1123Label(String value) {
        return format(
                value,
                dns1123LabelShape(value, 0, value.length()),
                LABEL_MAX,
                "a lowercase RFC 1123 label",
                "lowercase alphanumeric characters or '-', and must start and end with an alphanumeric character");
    }

    static List<String> dns1123Subdomain(String value) {
        return format(
                value,
                dns1123SubdomainShape(value, 0, value.length()),
                SUBDOMAIN_MAX,
                "a lowercase RFC 1123 subdomain",
                "lowercase alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
    }

    static List<String> dns1035Label(String value) {
        return format(
                value,
                edged(value, 0, value.length(), LOWER, LOWER_ALNUM_DASH, LOWER_ALNUM),
                LABEL_MAX,
                "a DNS-1035 label",
                "lowercase alphanumeric characters or '-', start with an alphabetic character, and end with an"
                        + " alphanumeric character");
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    static List<String> qualifiedName(String value) {
        // Ranges of the value rather than substrings: a valid key, the usual case, allocates nothing.
        int slash = value.indexOf('/');
        int nameFrom = slash + 1;
        List<String> errors = new ArrayList<>();
        if (slash == 0) {
            errors.add("prefix part must be non-empty");
        } else if (slash > 0 && (slash > SUBDOMAIN_MAX || !dns1123SubdomainShape(value, 0, slash))) {
            dns1123Subdomain(value.substring(0, slash)).forEach(error -> errors.add("prefix part " + error));
        }
        if (slash >= 0 && value.indexOf('/', nameFrom) >= 0) {
            errors.add("a qualified name may contain at most one '/'");
            return errors;
        }
        int length = value.length() - nameFrom;
        if (length == 0) {
            errors.add("name part must be non-empty");
        } else if (length > LABEL_MAX) {
            errors.add("name part must be no more than 63 characters");
        }
        if (length > 0 && !qualifiedNameShape(value, nameFrom, value.length())) {
            errors.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                    + " with an alphanumeric character");
        }
        return errors;
    }

    static List<String> labelValue(String value) {
        boolean shaped = value.isEmpty() || qualifiedNameShape(value, 0, value.length());
        if (shaped && value.length() <= LABEL_MAX) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        if (value.length() > LABEL_MAX) {
            errors.add("must be no more than 63 characters");
        }
        if (!shaped) {
            errors.add("a valid label value must be an empty string or consist of alphanumeric characters, '-', '_'"
                    + " or '.', and must start and end with an alphanumeric character");
        }
        return errors;
    }

    /** A ConfigMap or Secret key, and a key a configMapKeyRef or secretKeyRef names. */
    static List<String> configMapKey(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > CONFIG_MAP_KEY_MAX) {
            errors.add("must be no more than 253 characters");
        }
        if (value.isEmpty() || !NAME_CHARS.all(value, 0, value.length())) {
            errors.add("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
        }
        if (value.equals(".")) {
            errors.add("must not be '.'");
        } else if (value.equals("..")) {
            errors.add("must not be '..'");
        } else if (value.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    /** A container port's name: an IANA service name (RFC 6335). */
    static List<String> ianaServiceName(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > PORT_NAME_MAX) {
            errors.add("must be no more than 15 characters");
        }
        if (value.isEmpty() || !LOWER_ALNUM_DASH.all(value, 0, value.length())) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (value.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            errors.add("must not begin or end with a hyphen");
        }
        if (value.chars().noneMatch(c -> LOWER.has((char) c))) {
            errors.add("must contain at least one letter (a-z)");
        }
        return errors;
    }

    /**
     * An environment variable's name as Kubernetes 1.32 and later accept it by default
     * (RelaxedEnvironmentVariableValidation): printable ASCII other than '='.
     */
    static List<String> envVarName(String value) {
        if (value.isEmpty()) {
            return List.of("environment variable name must be non-empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~' || c == '=') {
                return List.of("a valid environment variable name must consist only of printable ASCII characters"
                        + " other than '='");
            }
        }
        return List.of();
    }

    private static List<String> format(String value, boolean shaped, int max, String what, String rule) {
        if (shaped && value.length() <= max) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        if (value.length() > max) {
            errors.add("must be no more than " + max + " characters");
        }
        if (!shaped) {
            errors.add(what + " must consist of " + rule);
        }
        return errors;
    }
}
