package io.kubeai.gitops.hook;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Blanks out secrets in anything about to be printed: the last line of defence, not the first. */
public final class Redactor {

    private static final String MASK = "****";

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= 3)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
