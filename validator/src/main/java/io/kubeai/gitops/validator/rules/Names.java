package io.kubeai.gitops.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    private Names() {}

    static List<String> dns1123Label(String value) {
        return format(
                value,
                DNS1123_LABEL,
                LABEL_MAX,
                "a lowercase RFC 1123 label",
                "lowercase alphanumeric characters or '-', and must start and end with an alphanumeric character");
    }

    static List<String> dns1123Subdomain(String value) {
        return format(
                value,
                DNS1123_SUBDOMAIN,
                SUBDOMAIN_MAX,
                "a lowercase RFC 1123 subdomain",
                "lowercase alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
    }

    static List<String> dns1035Label(String value) {
        return format(
                value,
                DNS1035_LABEL,
                LABEL_MAX,
                "a DNS-1035 label",
                "lowercase alphanumeric characters or '-', start with an alphabetic character, and end with an"
                        + " alphanumeric character");
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    static List<String> qualifiedName(String value) {
        List<String> errors = new ArrayList<>();
        String name = value;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(error -> errors.add("prefix part " + error));
            }
            if (name.indexOf('/') >= 0) {
                errors.add("a qualified name may contain at most one '/'");
                return errors;
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (name.length() > LABEL_MAX) {
            errors.add("name part must be no more than 63 characters");
        }
        if (!name.isEmpty() && !QUALIFIED_NAME.matcher(name).matches()) {
            errors.add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                    + " with an alphanumeric character");
        }
        return errors;
    }

    static List<String> labelValue(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > LABEL_MAX) {
            errors.add("must be no more than 63 characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
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
        if (!CONFIG_MAP_KEY.matcher(value).matches()) {
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
        if (!PORT_NAME_CHARS.matcher(value).matches()) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (value.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            errors.add("must not begin or end with a hyphen");
        }
        if (!HAS_LETTER.matcher(value).matches()) {
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

    private static List<String> format(String value, Pattern pattern, int max, String what, String rule) {
        List<String> errors = new ArrayList<>();
        if (value.length() > max) {
            errors.add("must be no more than " + max + " characters");
        }
        if (!pattern.matcher(value).matches()) {
            errors.add(what + " must consist of " + rule);
        }
        return errors;
    }
}
