package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading containers out of rendered pod templates, as the generator lays them out. */
final class Containers {
    private Containers() {}

    static JsonNode podSpec(Resource deployment) {
        return deployment.body().path("spec").path("template").path("spec");
    }

    /** The inference server: the container named {@code server}, else the first one. */
    static JsonNode server(Resource deployment) {
        JsonNode containers = podSpec(deployment).path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText("").equals("server")) {
                return c;
            }
        }
        return containers.path(0);
    }

    static List<JsonNode> inits(Resource deployment) {
        List<JsonNode> inits = new ArrayList<>();
        podSpec(deployment).path("initContainers").forEach(inits::add);
        return inits;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<String> args(JsonNode container) {
        return strings(container.path("args"));
    }

    /** The loader Job an init container waits for: {@code wait PATH --job NAME}. */
    static Optional<String> jobArgument(JsonNode container) {
        List<String> args = args(container);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--job") && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (args.get(i).startsWith("--job=")) {
                return Optional.of(args.get(i).substring("--job=".length()));
            }
        }
        return Optional.empty();
    }

    /** The {@code load SOURCE DESTINATION} of a fetching init container, if it is one. */
    static Optional<String> loadSource(JsonNode container) {
        List<String> args = args(container);
        return args.size() >= 3 && args.get(0).equals("load") ? Optional.of(args.get(1)) : Optional.empty();
    }
}
