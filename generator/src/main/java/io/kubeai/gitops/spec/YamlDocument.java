package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a YAML file, with the source map of its values.
 *
 * @param file  the file as the user sees it
 * @param index 0-based position of the document in the file
 * @param root  the parsed document; a JSON null for an empty document
 * @param map   positions of the document's keys and values
 */
public record YamlDocument(String file, int index, JsonNode root, SourceMap map) {}
