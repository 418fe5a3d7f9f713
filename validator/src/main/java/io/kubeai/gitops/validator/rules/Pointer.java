package io.kubeai.gitops.validator.rules;

/** JSON pointers to the values rules look at; field names such as {@code nvidia.com/gpu} are escaped. */
final class Pointer {
    private Pointer() {}

    static String of(String base, Object... tokens) {
        StringBuilder out = new StringBuilder(base);
        for (Object token : tokens) {
            out.append('/').append(token.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
