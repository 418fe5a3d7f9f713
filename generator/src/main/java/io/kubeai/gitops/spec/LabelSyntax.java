package io.kubeai.gitops.spec;

import java.util.regex.Pattern;

/**
 * Kubernetes' syntax for label keys and values (and annotation keys, which are the same qualified names).
 * Specs pass labels, annotations and node selectors through to rendered pods, where the API server would
 * refuse a malformed one at sync time, long after the pull request was merged: so they are checked here,
 * at the line that wrote them.
 */
public final class LabelSyntax {
    private LabelSyntax() {}

    /** The name part of a qualified name, and a non-empty label value: 63 at most. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

    /** {@code [prefix/]name}: a prefix of at most 253 characters, a name of at most 63. */
    public static boolean isQualifiedName(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return NAME.matcher(key).matches();
        }
        String prefix = key.substring(0, slash);
        return KubernetesName.DNS_SUBDOMAIN.accepts(prefix)
                && NAME.matcher(key.substring(slash + 1)).matches();
    }

    /** Empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
    public static boolean isLabelValue(String value) {
        return value.isEmpty() || NAME.matcher(value).matches();
    }
}
