package io.kubeai.gitops.loader.source;

import io.kubeai.gitops.loader.api.FileEntry;

/**
 * A file a source holds, with what is known to verify it.
 *
 * @param path the path relative to the source root, slash-separated
 * @param size the size in bytes
 * @param sha256 the expected sha256 (a Hub LFS oid, or from a marker at the source), or null
 * @param md5 the expected md5 (a single-part S3 ETag), or null
 * @param gitOid the expected git blob id (a Hub file outside LFS), or null
 * @param etag the source's version tag of the file, for consistent ranged reads, or null
 * @param crc32c the expected CRC32C (from a marker at the source, or the store's own, as Cloud
 *     Storage lists), or null. With {@code sha256} from the same marker it vouches for the file: the
 *     bytes are checked with the CRC (nearly free) and the sha256 is carried over instead of computed
 *     again.
 */
public record SourceFile(String path, long size, String sha256, String md5, String gitOid, String etag, String crc32c) {

    public SourceFile(String path, long size, String sha256, String md5, String gitOid, String etag) {
        this(path, size, sha256, md5, gitOid, etag, null);
    }

    /** Whether a path lies in a {@code .kubeai/} folder (a marker and its bookkeeping), which is never loaded. */
    public static boolean isBookkeeping(String path) {
        return path.startsWith(".kubeai/") || path.contains("/.kubeai/");
    }

    /** A file known only by path and size. */
    public static SourceFile of(String path, long size) {
        return new SourceFile(path, size, null, null, null, null);
    }

    public SourceFile withSha256(String expected) {
        return new SourceFile(path, size, expected, md5, gitOid, etag, crc32c);
    }

    /** The same file vouched for by a marker at the source: its sha256 and CRC32C. */
    public SourceFile vouchedFor(FileEntry marked) {
        return new SourceFile(path, size, marked.sha256(), md5, gitOid, etag, marked.crc32c());
    }

    /** Whether a marker at the source vouches for the sha256, so only the CRC32C is computed. */
    public boolean vouched() {
        return sha256 != null && crc32c != null;
    }

    /** A short identity of the content for resume decisions: the best checksum known, else the ETag. */
    public String identity() {
        if (sha256 != null) {
            return "sha256:" + sha256;
        }
        if (md5 != null) {
            return "md5:" + md5;
        }
        if (gitOid != null) {
            return "git:" + gitOid;
        }
        return etag == null ? "size:" + size : "etag:" + etag;
    }
}
