package io.kubeai.gitops.spec;

import java.util.regex.Pattern;

/**
 * The two name syntaxes the API server checks most (apimachinery's {@code IsDNS1123Label} and
 * {@code IsDNS1123Subdomain}), written once for every reader and rule that checks a name before the
 * cluster would.
 */
public enum KubernetesName {
    /** A Namespace's name: at most 63 lowercase letters, digits and '-'. */
    DNS_LABEL(Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"), 63),
    /** Most objects' names, a Secret's for one: labels joined by '.', at most 253 characters. */
    DNS_SUBDOMAIN(Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"), 253);

    private final Pattern pattern;
    private final int maxLength;

    KubernetesName(Pattern pattern, int maxLength) {
        this.pattern = pattern;
        this.maxLength = maxLength;
    }

    public boolean accepts(String name) {
        return name.length() <= maxLength && pattern.matcher(name).matches();
    }
}
