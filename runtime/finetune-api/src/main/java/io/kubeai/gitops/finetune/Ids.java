package io.kubeai.gitops.finetune;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * OpenAI-style object ids ({@code file-...}, {@code ftjob-...}). Lower-case letters and digits only, so
 * a job's id is also a valid FineTuneJob name, adapter name and label value.
 */
public final class Ids {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 24;

    private Ids() {}

    public static String random(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Whether {@code id} could be one of ours: checked before it becomes part of an object key. */
    public static boolean valid(String prefix, String id) {
        return id != null && id.matches(java.util.regex.Pattern.quote(prefix) + "[a-z0-9]{" + LENGTH + "}");
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
