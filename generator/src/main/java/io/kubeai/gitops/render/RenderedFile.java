package io.kubeai.gitops.render;

/**
 * A file of the output tree.
 *
 * @param path    relative to the output root, '/'-separated
 * @param content the exact bytes to write, as UTF-8 text with '\n' line ends
 */
public record RenderedFile(String path, String content) {}
