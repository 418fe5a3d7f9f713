package io.kubeai.gitops.resolve;

import io.kubeai.gitops.spec.SourceUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names and hashes. A cache key comes from the source alone (URL and revision), never from a Model's name
 * or UID: two Models with the same URL share one copy, and a deleted and re-created Model finds its copy.
 */
public final class Names {
    private static final int SLUG_MAX = 30;

    private Names() {}

    /** KubeAI's limit on a Model's name, which keeps every name derived from it within 63 characters. */
    public static final int MODEL_NAME_MAX = 40;

    private static final String LETTER_PREFIX = "m-";

    /**
     * The name of a Model's Kubernetes objects (Deployment, Service, ConfigMaps, claims), derived here and
     * nowhere else. Clients keep asking for {@code metadata.name} as written, dots included, as in KubeAI;
     * objects get a name every kind accepts: dots become {@code -}, and a name starting with a digit gets a
     * letter first, since a Service's name is a DNS-1035 label. The longest suffix the generator appends
     * ({@code -cache-<hash>-rwo}) keeps a 40-character name within 63.
     */
    public static String modelObject(String modelName) {
        String dashed = modelName.replace('.', '-');
        return !dashed.isEmpty() && Character.isDigit(dashed.charAt(0)) ? LETTER_PREFIX + dashed : dashed;
    }

    /** {@code meta-llama-3-1-8b-instruct-1a2b3c4d}: readable, and unique per canonical source. */
    public static String cacheKey(SourceUrl source) {
        return slug(source.lastSegment(), SLUG_MAX) + "-" + hash(source.canonical(), 8);
    }

    /** A DNS-1123 label fragment of at most {@code max} characters. */
    public static String slug(String text, int max) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "x" : s;
    }

    /** The first {@code hexChars} of the SHA-256 of {@code text}. */
    public static String hash(String text, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A loader Job's name: the cache key plus a hash of every input of the Job, so that a changed input
     * makes a new Job instead of an immutable-field error on the old one.
     */
    public static String loaderJob(String cacheKey, String inputs) {
        return "load-" + cacheKey + "-" + hash(inputs, 6);
    }

    /** The shared volume of a sharedFilesystem profile. */
    public static String sharedClaim(String profile) {
        return "kubeai-cache-" + slug(profile, 40);
    }

    /** Folder of a shared cache in the output tree. */
    public static String cacheFolder(String profile) {
        return "caches/" + slug(profile, 50);
    }
}
