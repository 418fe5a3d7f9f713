package io.kubeai.gitops.loader.api;

/**
 * A file of a completed cache, as the marker lists it.
 *
 * @param path the path relative to the cache root, slash-separated
 * @param size the size in bytes
 * @param sha256 the sha256 of the content, lower-case hex
 * @param crc32c the CRC32C of the content, 8 lower-case hex digits, or null where it was not
 *     computed (a publish, an older marker). A later load from this cache checks the bytes with it.
 */
public record FileEntry(String path, long size, String sha256, String crc32c) {
    public FileEntry(String path, long size, String sha256) {
        this(path, size, sha256, null);
    }
}
