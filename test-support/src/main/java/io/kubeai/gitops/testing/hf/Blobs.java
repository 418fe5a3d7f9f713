package io.kubeai.gitops.testing.hf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-addressed storage of file bodies under one directory, keyed by sha256. */
final class Blobs {
    /** A stored body. {@code gitOid} is null for bodies over the size we hash as git blobs. */
    record Stored(String sha256, long size, String gitOid) {}

    private static final long GIT_OID_LIMIT = 64L << 20;
    private final Path root;

    Blobs(Path root) {
        this.root = root;
    }

    Path path(String sha256) {
        return root.resolve(sha256);
    }

    boolean has(String sha256) {
        return Files.exists(path(sha256));
    }

    Stored put(byte[] content) {
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            return put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a file: hashes it, then links it into the store, or copies it where links fail. */
    Stored put(Path source) {
        try {
            Stored stored = describe(source);
            Path target = path(stored.sha256());
            if (!Files.exists(target)) {
                try {
                    Files.createLink(target, source);
                } catch (FileAlreadyExistsException e) {
                    // Another thread stored the same content.
                } catch (IOException | UnsupportedOperationException e) {
                    Path tmp = Files.createTempFile(root, "copy", ".tmp");
                    Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a stream, returning what it was; the caller checks the hash it expected. */
    Stored put(InputStream in) throws IOException {
        Path tmp = Files.createTempFile(root, "upload", ".tmp");
        try {
            MessageDigest sha256 = digest("SHA-256");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha256.update(buf, 0, n);
                    out.write(buf, 0, n);
                    size += n;
                }
            }
            String hex = HexFormat.of().formatHex(sha256.digest());
            String gitOid = size <= GIT_OID_LIMIT ? gitBlobOid(tmp, size) : null;
            Files.move(tmp, path(hex), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Stored(hex, size, gitOid);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Stored describe(Path file) throws IOException {
        long size = Files.size(file);
        MessageDigest sha256 = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha256.update(buf, 0, n);
            }
        }
        String gitOid = size <= GIT_OID_LIMIT ? gitBlobOid(file, size) : null;
        return new Stored(HexFormat.of().formatHex(sha256.digest()), size, gitOid);
    }

    static String gitBlobOid(byte[] content) {
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }

    private static String gitBlobOid(Path file, long size) throws IOException {
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha1.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
