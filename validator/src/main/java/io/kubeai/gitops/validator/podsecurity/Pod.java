package io.kubeai.gitops.validator.podsecurity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.validator.rules.PodTemplates;
import io.kubeai.gitops.validator.rules.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * One pod template as the checks see it: its spec and metadata, every container (init, regular,
 * ephemeral) with where it is, and where violations go.
 */
final class Pod {
    /** A container and the pointer to it. */
    record Container(String name, String at, JsonNode node) {
        JsonNode securityContext() {
            return node.path("securityContext");
        }
    }

    private final JsonNode spec;
    private final String specAt;
    private final JsonNode metadata;
    private final String metadataAt;
    private final List<Container> containers;
    private final PodSecurity.Level level;
    private final List<Problem> problems;

    private Pod(
            JsonNode spec,
            String specAt,
            JsonNode metadata,
            String metadataAt,
            List<Container> containers,
            PodSecurity.Level level,
            List<Problem> problems) {
        this.spec = spec;
        this.specAt = specAt;
        this.metadata = metadata;
        this.metadataAt = metadataAt;
        this.containers = containers;
        this.level = level;
        this.problems = problems;
    }

    static Pod of(JsonNode document, PodTemplates template, PodSecurity.Level level, List<Problem> problems) {
        JsonNode spec = document.at(template.spec());
        List<Container> containers = new ArrayList<>();
        for (String list : PodTemplates.CONTAINER_LISTS) {
            JsonNode items = spec.path(list);
            for (int i = 0; i < items.size(); i++) {
                containers.add(new Container(
                        items.get(i).path("name").asText("?"), template.spec() + "/" + list + "/" + i, items.get(i)));
            }
        }
        return new Pod(
                spec,
                template.spec(),
                document.at(template.metadata()),
                template.metadata(),
                containers,
                level,
                problems);
    }

    JsonNode spec() {
        return spec;
    }

    String specAt() {
        return specAt;
    }

    JsonNode metadata() {
        return metadata;
    }

    String metadataAt() {
        return metadataAt;
    }

    List<Container> containers() {
        return containers;
    }

    /** A violation of the pod as a whole. */
    void violates(String control, String at, String what) {
        problems.add(new Problem(at, "violates PodSecurity \"" + level.label() + "\" (" + control + "): " + what));
    }

    /** A violation by one container. */
    void violates(String control, Container container, String at, String what) {
        violates(control, at, "container '" + container.name() + "' " + what);
    }
}
