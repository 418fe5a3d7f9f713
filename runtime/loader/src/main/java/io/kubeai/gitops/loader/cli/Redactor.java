package io.kubeai.gitops.loader.cli;

import java.util.List;

/** Replaces every secret value in a line with {@code ***}, so no output can leak one. */
final class Redactor {
    private final List<String> secrets;

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= 4).toList();
    }

    String apply(String line) {
        String out = line;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
