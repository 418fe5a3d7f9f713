package io.kubeai.gitops.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A file of the output tree.
 *
 * @param path     relative to the output root, '/'-separated
 * @param content  the exact bytes to write, as UTF-8 text with '\n' line ends
 * @param template the template that rendered it, as the user sees it, or {@code null} for files the
 *                 layout makes (kustomizations)
 * @param document what {@code content} says, as a tree, so it can be validated without parsing the
 *                 text again; {@code null} when unknown
 */
public record RenderedFile(String path, String content, String template, JsonNode document) {

    public RenderedFile(String path, String content) {
        this(path, content, null, null);
    }
}
