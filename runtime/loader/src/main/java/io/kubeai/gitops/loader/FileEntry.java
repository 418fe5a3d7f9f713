package io.kubeai.gitops.loader;

/**
 * A file of a completed cache, as the marker lists it.
 *
 * @param path the path relative to the cache root, slash-separated
 * @param size the size in bytes
 * @param sha256 the sha256 of the content, lower-case hex
 */
public record FileEntry(String path, long size, String sha256) {}
