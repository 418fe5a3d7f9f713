package io.kubeai.gitops.runtime.redact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks secrets in anything about to be printed or logged: the last line of defence, not the first (no
 * program formats a secret on purpose). Two kinds of masking, both always on: the values it is given (the
 * environment's tokens, keys and passwords, also as they look percent-encoded in a URL), longest first so a
 * secret that contains another is masked whole; and credential shapes that need no list (see {@link
 * CredentialShapes}), because a secret can arrive in a value the program never knew was one, such as a URL
 * the user wrote.
 */
public final class Redactor {

    /** What a secret becomes. */
    public static final String MASK = "****";

    /** Shorter values are not masked: hiding every "ab" would garble each line and protect nothing. */
    static final int MIN_SECRET_LENGTH = 3;

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        Set<String> variants = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                variants.add(secret);
                variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
        }
        this.secrets = variants.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** A redactor that knows no values and masks only the credential shapes. */
    public static Redactor shapesOnly() {
        return new Redactor(List.of());
    }

    /** {@code text} with every known secret and every credential shape masked; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return CredentialShapes.mask(out);
    }
}
