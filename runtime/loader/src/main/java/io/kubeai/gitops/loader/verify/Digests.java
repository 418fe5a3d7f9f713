package io.kubeai.gitops.loader.verify;

import io.kubeai.gitops.loader.source.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * The running digests of one file: CRC32C always (the marker lists it; it costs next to nothing),
 * sha256 unless a marker at the source vouches for it (then the CRC32C checks the bytes), md5 and the
 * git blob id only when the source gave an expected value to compare with.
 *
 * <p>Why a CRC can stand in for sha256: a marker's sha256 was computed, and checked against the Hub,
 * on the same bytes its CRC32C was computed on, so matching the CRC carries that check over to the
 * copy. It guards against corruption in transit and at rest, not against someone able to rewrite the
 * cache, who could rewrite its marker as well. Computing sha256 again would cost a core-second per
 * 2 GiB on every pod start.
 */
public final class Digests {
    private static final AtomicBoolean WARMED = new AtomicBoolean();
    private final SourceFile file;
    private final MessageDigest sha256;
    private final CRC32C crc32c = new CRC32C();
    private final MessageDigest md5;
    private final MessageDigest gitSha1;

    public Digests(SourceFile file) {
        this.file = file;
        this.sha256 = file.vouched() ? null : digest("SHA-256");
        this.md5 = file.md5() == null ? null : digest("MD5");
        if (file.gitOid() != null && file.sha256() == null) {
            gitSha1 = digest("SHA-1");
            gitSha1.update(("blob " + file.size() + "\0").getBytes(StandardCharsets.US_ASCII));
        } else {
            gitSha1 = null;
        }
    }

    /** Hashes the buffer's remaining bytes; its position ends at its limit. */
    public void update(ByteBuffer bytes) {
        int start = bytes.position();
        crc32c.update(bytes);
        if (sha256 != null) {
            sha256.update(bytes.position(start));
        }
        if (md5 != null) {
            md5.update(bytes.position(start));
        }
        if (gitSha1 != null) {
            gitSha1.update(bytes.position(start));
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        crc32c.update(bytes, offset, length);
        if (sha256 != null) {
            sha256.update(bytes, offset, length);
        }
        if (md5 != null) {
            md5.update(bytes, offset, length);
        }
        if (gitSha1 != null) {
            gitSha1.update(bytes, offset, length);
        }
    }

    /**
     * Finishes the digests and compares them with what the source said.
     *
     * @return the sha256, and the mismatches (empty when the file is good)
     */
    public Outcome finish() {
        String crc = crc32cHex(crc32c.getValue());
        List<String> problems = new ArrayList<>();
        String sha;
        if (sha256 == null) {
            sha = file.sha256().toLowerCase(Locale.ROOT);
            if (!file.crc32c().equalsIgnoreCase(crc)) {
                problems.add("crc32c is " + crc + ", the source's marker says " + file.crc32c());
            }
        } else {
            sha = HexFormat.of().formatHex(sha256.digest());
            if (file.sha256() != null && !file.sha256().equalsIgnoreCase(sha)) {
                problems.add("sha256 is " + sha + ", expected " + file.sha256());
            }
            // A store's own CRC32C (Cloud Storage lists one for every object).
            if (file.crc32c() != null && !file.crc32c().equalsIgnoreCase(crc)) {
                problems.add("crc32c is " + crc + ", the source says " + file.crc32c());
            }
        }
        if (md5 != null) {
            String got = HexFormat.of().formatHex(md5.digest());
            if (!got.equalsIgnoreCase(file.md5())) {
                problems.add("md5 is " + got + ", the ETag says " + file.md5());
            }
        }
        if (gitSha1 != null) {
            String got = HexFormat.of().formatHex(gitSha1.digest());
            if (!got.equalsIgnoreCase(file.gitOid())) {
                problems.add("git blob id is " + got + ", expected " + file.gitOid());
            }
        }
        return new Outcome(sha, crc, problems);
    }

    public static String crc32cHex(long value) {
        return String.format(Locale.ROOT, "%08x", value);
    }

    /** The sha256 and CRC32C of a file, and what did not match. */
    public record Outcome(String sha256, String crc32c, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Gets the JIT to compile the digests' block functions, with their SHA-NI and MD5 intrinsics,
     * before the first bytes arrive. Hashing runs interpreted at first, which on a 512 MiB file costs a
     * third of the throughput; a few thousand tiny updates on a background thread, while the source is
     * being listed, avoid that. Later calls do nothing.
     */
    public static void warmUpInBackground() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    byte[] block = new byte[128];
                    for (String algorithm : new String[] {"SHA-256", "MD5", "SHA-1"}) {
                        MessageDigest d = digest(algorithm);
                        for (int i = 0; i < 30_000; i++) {
                            d.update(block, 0, block.length);
                        }
                        d.digest();
                    }
                },
                "loader-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
