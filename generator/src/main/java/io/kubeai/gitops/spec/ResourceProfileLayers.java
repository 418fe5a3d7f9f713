package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ConfigHints;
import io.kubeai.gitops.wording.ReaderHints;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resource profiles in effect: the built-ins, then the overlays kubeai.yaml chooses, then its own
 * {@code resourceProfiles}, each layer merged over the one below as Helm merges values files (mappings
 * merge key by key, anything else replaces, {@code null} removes). That is how KubeAI users already
 * write them: {@code nvidia-gpu-l4: {nodeSelector: ...}} adds a selector and keeps the GPU limit.
 */
final class ResourceProfileLayers {
    static final String RESOURCE_PROFILES = "resourceProfiles";

    /**
     * The overlays shipped under {@code profiles/overlays/}, named after KubeAI's {@code values-<name>.yaml}
     * files; {@code aks} is the device-plugin file, the one KubeAI's AKS guide tells users to apply.
     */
    static final Map<String, String> OVERLAYS = new TreeMap<>(Map.of(
            "gke", "gke",
            "eks", "eks",
            "aks", "nvidia-k8s-device-plugin",
            "nvidia-k8s-device-plugin", "nvidia-k8s-device-plugin",
            "amd-gpu-device-plugin", "amd-gpu-device-plugin"));

    private static final List<String> MAPS = List.of("requests", "limits", "nodeSelector");
    private static final List<String> STRINGS = List.of("imageName", "runtimeClassName", "schedulerName");

    private final List<Diagnostic> diagnostics;
    private final Map<String, ObjectNode> merged = new TreeMap<>();

    ResourceProfileLayers(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reads {@code overlays} and {@code resourceProfiles} of kubeai.yaml's root over the built-ins. */
    Map<String, ResourceProfile> read(Fields root) {
        addLayer(builtIn(BuiltInProfiles.RESOURCE_PROFILES));
        for (Fields.Item item : root.items("overlays")) {
            String name = item.node().asText();
            if (item.node().isContainerNode() || !OVERLAYS.containsKey(name)) {
                String hint = NearestName.find(name, OVERLAYS.keySet())
                        .map(n -> "did you mean '" + n + "'?")
                        .orElse("use " + String.join(", ", OVERLAYS.keySet()));
                root.error(item.pointer(), ConfigHints.unknownOverlay(name, hint));
                continue;
            }
            addLayer(builtIn("profiles/overlays/" + OVERLAYS.get(name) + ".yaml"));
        }
        addLayer(root);
        Map<String, ResourceProfile> result = new TreeMap<>();
        merged.forEach((name, node) -> result.put(name, toProfile(name, node)));
        return result;
    }

    private Fields builtIn(String resource) {
        YamlDocument doc = BuiltInProfiles.load(resource);
        return Fields.at(doc, "", doc.root(), diagnostics);
    }

    private void addLayer(Fields root) {
        Fields profiles = root.object(RESOURCE_PROFILES);
        for (Map.Entry<String, Fields> e : root.entries(RESOURCE_PROFILES)) {
            if (!e.getValue().isPresent()) {
                merged.remove(e.getKey()); // a null removes the profile, as in Helm
                continue;
            }
            Optional<JsonNode> node = profiles.raw(e.getKey()).filter(JsonNode::isObject);
            if (node.isEmpty()) {
                continue; // entries() reported it
            }
            check(e.getValue());
            ObjectNode below = merged.get(e.getKey());
            if (below == null) {
                merged.put(e.getKey(), (ObjectNode) withoutNulls(node.get()));
            } else {
                mergeInto(below, (ObjectNode) node.get());
            }
        }
    }

    /** Checks one layer's fields; a {@code null} anywhere is allowed, it removes what a layer below set. */
    private void check(Fields profile) {
        STRINGS.forEach(profile::string);
        for (String map : MAPS) {
            Fields values = profile.object(map);
            profile.raw(map)
                    .filter(JsonNode::isObject)
                    .ifPresent(node -> node.fields().forEachRemaining(v -> {
                        if (v.getValue().isContainerNode()) {
                            values.errorAt(
                                    v.getKey(),
                                    ReaderHints.mustBeString(map + "." + v.getKey(), Fields.describe(v.getValue())));
                        }
                        if (map.equals("nodeSelector")
                                && v.getValue().isValueNode()
                                && !v.getValue().isNull()) {
                            nodeSelectorProblem(v.getKey(), v.getValue().asText())
                                    .ifPresent(problem -> values.errorAt(v.getKey(), problem));
                        }
                        if (!map.equals("nodeSelector")
                                && v.getValue().isValueNode()
                                && !v.getValue().isNull()) {
                            // requests and limits: a value the API server cannot parse is an error here, not a crash
                            QuantityText.problem(
                                            "'" + map + "." + v.getKey() + "'",
                                            v.getValue().asText())
                                    .ifPresent(problem -> values.errorAt(v.getKey(), problem));
                        }
                    }));
        }
        profile.items("tolerations");
        profile.object("affinity");
        profile.finish();
    }

    /** A node selector is matched against node labels, so it must be a label: the API server says so at sync. */
    private static Optional<String> nodeSelectorProblem(String key, String value) {
        if (LabelSyntax.isQualifiedName(key) && LabelSyntax.isLabelValue(value)) {
            return Optional.empty();
        }
        return Optional.of(ConfigHints.nodeSelector(key, value));
    }

    /** Helm's merge: mappings key by key, a null removes the key, anything else replaces. */
    static void mergeInto(ObjectNode below, ObjectNode above) {
        for (Iterator<Map.Entry<String, JsonNode>> it = above.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = below.get(e.getKey());
            if (e.getValue().isNull()) {
                below.remove(e.getKey());
            } else if (old instanceof ObjectNode oldObject && e.getValue() instanceof ObjectNode newObject) {
                mergeInto(oldObject, newObject);
            } else {
                below.set(e.getKey(), withoutNulls(e.getValue()));
            }
        }
    }

    /** A value set where nothing was below: its nulls remove nothing, so they are dropped. */
    private static JsonNode withoutNulls(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                copy.set(e.getKey(), withoutNulls(e.getValue()));
            }
        });
        return copy;
    }

    private static ResourceProfile toProfile(String name, ObjectNode node) {
        return new ResourceProfile(
                name,
                text(node, "imageName").orElse("default"),
                strings(node.get("requests")),
                strings(node.get("limits")),
                strings(node.get("nodeSelector")),
                Optional.ofNullable(node.get("tolerations")),
                Optional.ofNullable(node.get("affinity")),
                text(node, "runtimeClassName"),
                text(node, "schedulerName"));
    }

    private static Optional<String> text(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new TreeMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> {
                if (!e.getValue().isContainerNode()) {
                    result.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return result;
    }
}
