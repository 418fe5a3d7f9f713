package io.kubeai.gitops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The parsed strings of a rendered tree, for checks on what a user's value became. */
public final class RenderedStrings {
    private static final YAMLMapper YAML = new YAMLMapper();

    private RenderedStrings() {}

    /** Every document of every YAML file under {@code tree}. */
    public static List<JsonNode> documents(Path tree) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    it.forEachRemaining(docs::add);
                }
            }
        }
        return docs;
    }

    /** Every string scalar (values and keys) of every document. */
    public static List<String> strings(Path tree) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode doc : documents(tree)) {
            collect(doc, out);
        }
        return out;
    }

    /** Every string value (not keys) of every document. */
    public static List<String> values(Path tree) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode doc : documents(tree)) {
            collectValues(doc, out);
        }
        return out;
    }

    private static void collectValues(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(n -> collectValues(n, out));
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.fields().forEachRemaining(e -> {
            out.add(e.getKey());
            collect(e.getValue(), out);
        });
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    /**
     * The strings of containers' args, command and env values that the kubelet would expand: a
     * {@code $(NAME)} not escaped as {@code $$(}. Empty when every such string is inert.
     */
    public static List<String> expandable(Path tree) throws IOException {
        List<String> found = new ArrayList<>();
        for (JsonNode doc : documents(tree)) {
            containers(doc, found);
        }
        return found;
    }

    private static void containers(JsonNode node, List<String> found) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("containers") || e.getKey().equals("initContainers")) {
                e.getValue().forEach(c -> {
                    c.path("args").forEach(a -> check(a.asText(), found));
                    c.path("command").forEach(a -> check(a.asText(), found));
                    c.path("env").forEach(v -> check(v.path("value").asText(""), found));
                });
            }
            containers(e.getValue(), found);
        });
        if (node.isArray()) {
            node.forEach(n -> containers(n, found));
        }
    }

    /** Kubernetes reads '$$' as an escaped '$' and '$(' as the start of a reference. */
    private static void check(String value, List<String> found) {
        for (int i = 0; i < value.length() - 1; i++) {
            if (value.charAt(i) == '$') {
                if (value.charAt(i + 1) == '$') {
                    i++;
                } else if (value.charAt(i + 1) == '(') {
                    found.add(value);
                    return;
                }
            }
        }
    }
}
