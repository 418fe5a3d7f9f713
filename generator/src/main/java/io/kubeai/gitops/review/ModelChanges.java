package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.review.Changes.Kind;
import io.kubeai.gitops.review.Changes.ModelChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the Models of two trees, one {@code models/<model>/} folder each. Loader Jobs, claims and
 * snapshots in those folders are left to the cache and volume sections; everything else in the folder
 * counts, and what {@link ModelDiff} does not name is listed by JSON pointer, so no change goes unreported.
 */
final class ModelChanges {
    /** Kinds whose changes other sections report. */
    static final Set<String> ELSEWHERE = Set.of("Job", "PersistentVolumeClaim", "VolumeSnapshot");

    private ModelChanges() {}

    static List<ModelChange> between(RenderedTree old, RenderedTree now) {
        TreeSet<String> names = new TreeSet<>(old.models());
        names.addAll(now.models());
        List<ModelChange> changes = new ArrayList<>();
        for (String name : names) {
            if (!old.models().contains(name)) {
                changes.add(new ModelChange(
                        name, Kind.ADDED, ModelDiff.summary(ModelFacts.of(name, now)), List.of(), false));
            } else if (!now.models().contains(name)) {
                changes.add(new ModelChange(
                        name, Kind.REMOVED, ModelDiff.summary(ModelFacts.of(name, old)), List.of(), false));
            } else {
                ModelChange change = changed(name, old, now);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        // Added first, then removed, then changed: the order of the headline.
        changes.sort(Comparator.comparing(ModelChange::kind));
        return changes;
    }

    private static ModelChange changed(String name, RenderedTree oldTree, RenderedTree newTree) {
        Map<String, Resource> old = objects(oldTree, name);
        Map<String, Resource> now = objects(newTree, name);
        if (same(old, now)) {
            return null;
        }
        ModelFacts a = ModelFacts.of(name, oldTree);
        ModelFacts b = ModelFacts.of(name, newTree);
        List<String> details = new ArrayList<>(ModelDiff.between(a, b));
        Set<String> explained = new TreeSet<>();
        if (a.deployment() != null && b.deployment() != null) {
            explained.add(a.deployment().key());
            List<String> rest = JsonChanges.between(
                    unexplained(a, !a.adapters().equals(b.adapters())),
                    unexplained(b, !a.adapters().equals(b.adapters())));
            rest.forEach(line -> details.add("Deployment " + line));
        }
        if (!equal(a.autoscaling(), b.autoscaling())) {
            explain(explained, a.autoscaler(), b.autoscaler());
        }
        if (!a.adapters().equals(b.adapters())) {
            explain(explained, a.adapterConfig(), b.adapterConfig());
        }
        TreeSet<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            Resource was = old.get(key);
            Resource is = now.get(key);
            if (explained.contains(key)
                    || (was != null && is != null && was.body().equals(is.body()))) {
                continue;
            }
            if (was == null) {
                details.add("adds " + is.kind() + " " + Text.code(is.name()));
            } else if (is == null) {
                details.add("removes " + was.kind() + " " + Text.code(was.name()));
            } else if (!is.is("Deployment")) {
                String prefix = is.kind() + " " + Text.code(is.name()) + " ";
                JsonChanges.between(was.body(), is.body()).forEach(line -> details.add(prefix + line));
            }
        }
        boolean restarts = a.deployment() != null
                && b.deployment() != null
                && !a.podTemplate().equals(b.podTemplate());
        return new ModelChange(name, Kind.CHANGED, "", details, restarts);
    }

    private static Map<String, Resource> objects(RenderedTree tree, String model) {
        Map<String, Resource> objects = new TreeMap<>();
        tree.ofModel(model).stream().filter(r -> !ELSEWHERE.contains(r.kind())).forEach(r -> objects.put(r.key(), r));
        return objects;
    }

    private static boolean same(Map<String, Resource> old, Map<String, Resource> now) {
        return old.keySet().equals(now.keySet())
                && old.keySet().stream()
                        .allMatch(k -> old.get(k).body().equals(now.get(k).body()));
    }

    private static void explain(Set<String> explained, Resource... objects) {
        for (Resource r : objects) {
            if (r != null) {
                explained.add(r.key());
            }
        }
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** The Deployment without what {@link ModelDiff} already reports, so the rest can be listed as is. */
    private static JsonNode unexplained(ModelFacts facts, boolean adaptersChanged) {
        ObjectNode copy = facts.deployment().body().deepCopy();
        remove(copy.path("metadata").path("labels"), "kubeai.org/engine");
        JsonNode spec = copy.path("spec");
        remove(spec, "replicas");
        remove(spec.path("template").path("metadata").path("labels"), "kubeai.org/engine");
        JsonNode pod = spec.path("template").path("spec");
        remove(pod, "nodeSelector", "tolerations", "volumes");
        for (JsonNode container : pod.path("containers")) {
            if (container.equals(Containers.server(facts.deployment()))) {
                remove(container, "image", "args", "env", "command", "resources", "volumeMounts");
            }
        }
        if (pod.path("initContainers") instanceof ArrayNode inits) {
            Iterator<JsonNode> it = inits.elements();
            while (it.hasNext()) {
                JsonNode init = it.next();
                String name = init.path("name").asText("");
                if (name.contains("-adapter-") || (adaptersChanged && name.equals("adapter-sync"))) {
                    it.remove();
                } else {
                    // Which Job a loader waits for and what it mounts follow from the model and its cache.
                    remove(init, "args", "env", "volumeMounts");
                }
            }
        }
        return copy;
    }

    private static void remove(JsonNode node, String... fields) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of(fields));
        }
    }
}
