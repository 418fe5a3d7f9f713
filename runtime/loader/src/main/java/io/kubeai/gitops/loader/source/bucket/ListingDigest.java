package io.kubeai.gitops.loader.source.bucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content revision of a bucket prefix: a sha256 over one line per object (key, size and the
 * store's version tag), so any change to the prefix makes a new revision.
 */
public final class ListingDigest {
    private final MessageDigest sha;

    public ListingDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void add(String path, long size, String version) {
        sha.update((path + "\t" + size + "\t" + version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>}. */
    public String revision() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
