package io.kubeai.gitops.loader.publish;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Digests of local files before they are published. */
final class Hashing {
    private Hashing() {}

    /** The sha256 of every file, several at once. */
    static List<FileEntry> sha256All(Path dir, List<SourceFile> files, int threads) throws LoaderException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<FileEntry>> futures = new ArrayList<>();
            for (SourceFile f : files) {
                futures.add(pool.submit(() -> new FileEntry(f.path(), f.size(), sha256(dir.resolve(f.path())))));
            }
            List<FileEntry> entries = new ArrayList<>();
            for (Future<FileEntry> f : futures) {
                entries.add(f.get());
            }
            return entries;
        } catch (ExecutionException e) {
            throw new LoaderException(
                    Reason.IO, "cannot read " + dir + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(Reason.IO, "interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = Digests.digest("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The first bytes of a file, the sample the Hub's preupload call looks at. */
    static byte[] head(Path file, int n) throws LoaderException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The git blob id of some content, as the Hub lists files outside LFS. */
    static String gitBlobId(byte[] content) {
        MessageDigest sha1 = Digests.digest("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }
}
