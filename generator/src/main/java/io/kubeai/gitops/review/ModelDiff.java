package io.kubeai.gitops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/** Says in a reviewer's words what differs between two renderings of one Model, or what one of them is. */
final class ModelDiff {
    private ModelDiff() {}

    /** One line for an added or removed Model: what it runs, from where, with what. */
    static String summary(ModelFacts m) {
        List<String> parts = new ArrayList<>();
        if (m.engine() != null) {
            parts.add(m.engine());
        }
        if (m.image() != null) {
            parts.add("image " + Text.code(m.image()));
        }
        if (m.source() != null) {
            parts.add("model " + Text.code(m.source()));
        }
        if (m.cache() != null) {
            parts.add("cache " + m.cache());
        }
        if (m.autoscaling() != null) {
            parts.add("autoscaling " + m.autoscaling());
        } else if (m.replicas() != null) {
            parts.add(m.replicas() + (m.replicas().equals("1") ? " replica" : " replicas"));
        }
        if (!m.adapters().isEmpty()) {
            parts.add("adapters " + Text.codes(m.adapters().keySet()));
        }
        return String.join(", ", parts);
    }

    /** One line per difference, the most consequential first. */
    static List<String> between(ModelFacts old, ModelFacts now) {
        List<String> lines = new ArrayList<>();
        value(lines, "engine", old.engine(), now.engine());
        value(lines, "image", old.image(), now.image());
        value(lines, "model", old.source(), now.source());
        value(lines, "cache", old.cache(), now.cache(), false);
        if (Objects.equals(old.source(), now.source()) && Objects.equals(old.cache(), now.cache())) {
            value(lines, "served from", old.servedFrom(), now.servedFrom());
        }
        if (!old.command().equals(now.command())) {
            lines.add("command: " + Text.code(String.join(" ", old.command())) + Text.ARROW
                    + Text.code(String.join(" ", now.command())));
        }
        args(lines, old.args(), now.args());
        map(lines, "env", old.env(), now.env());
        adapters(lines, old, now);
        set(lines, "volumes", "claim", old.claims(), now.claims());
        if (!Objects.equals(old.replicas(), now.replicas())) {
            lines.add("replicas: " + replicas(old) + Text.ARROW + replicas(now));
        }
        value(lines, "autoscaling", old.autoscaling(), now.autoscaling(), false);
        map(lines, "resources", old.resources(), now.resources());
        map(lines, "node selector", old.nodeSelector(), now.nodeSelector());
        if (!old.tolerations().equals(now.tolerations())) {
            lines.add("tolerations: " + Text.code(old.tolerations()) + Text.ARROW + Text.code(now.tolerations()));
        }
        return lines;
    }

    private static String replicas(ModelFacts m) {
        return m.replicas() != null
                ? Text.code(m.replicas())
                : m.autoscaling() != null ? "set by the autoscaler" : "none";
    }

    private static void value(List<String> lines, String what, String old, String now) {
        value(lines, what, old, now, true);
    }

    private static void value(List<String> lines, String what, String old, String now, boolean quote) {
        if (Objects.equals(old, now)) {
            return;
        }
        String a = old == null ? "none" : quote ? Text.code(old) : old;
        String b = now == null ? "none" : quote ? Text.code(now) : now;
        lines.add(what + ": " + a + Text.ARROW + b);
    }

    /** Args as the engine reads them: removed and added values, or a note when only their order moved. */
    private static void args(List<String> lines, List<String> old, List<String> now) {
        if (old.equals(now)) {
            return;
        }
        List<String> removed = new ArrayList<>(old);
        now.forEach(removed::remove);
        List<String> added = new ArrayList<>(now);
        old.forEach(added::remove);
        if (removed.isEmpty() && added.isEmpty()) {
            lines.add("args: same values, new order " + Text.code(String.join(" ", now)));
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + Text.codes(added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + Text.codes(removed));
        }
        lines.add("args: " + String.join("; ", parts));
    }

    private static void map(
            List<String> lines, String what, SortedMap<String, String> old, SortedMap<String, String> now) {
        if (old.equals(now)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String was = old.get(e.getKey());
            if (was == null) {
                parts.add(e.getKey() + " added " + Text.code(e.getValue()));
            } else if (!was.equals(e.getValue())) {
                parts.add(e.getKey() + " " + Text.change(was, e.getValue()));
            }
        }
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> parts.add(k + " removed"));
        lines.add(what + ": " + String.join("; ", parts));
    }

    private static void adapters(List<String> lines, ModelFacts old, ModelFacts now) {
        SortedMap<String, String> a = old.adapters();
        SortedMap<String, String> b = now.adapters();
        if (a.equals(b)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        SortedSet<String> added = new TreeSet<>(b.keySet());
        added.removeAll(a.keySet());
        SortedSet<String> removed = new TreeSet<>(a.keySet());
        removed.removeAll(b.keySet());
        added.forEach(
                n -> parts.add("added " + Text.code(n) + (b.get(n) == null ? "" : " from " + Text.code(b.get(n)))));
        removed.forEach(n -> parts.add("removed " + Text.code(n)));
        for (String n : b.keySet()) {
            if (a.containsKey(n) && !Objects.equals(a.get(n), b.get(n))) {
                parts.add(Text.code(n) + " re-pointed " + Text.change(a.get(n), b.get(n)));
            }
        }
        lines.add("adapters: " + String.join("; ", parts));
    }

    private static void set(
            List<String> lines, String what, String noun, SortedSet<String> old, SortedSet<String> now) {
        if (old.equals(now)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        now.stream().filter(v -> !old.contains(v)).forEach(v -> parts.add("added " + noun + " " + Text.code(v)));
        old.stream().filter(v -> !now.contains(v)).forEach(v -> parts.add("removed " + noun + " " + Text.code(v)));
        lines.add(what + ": " + String.join("; ", parts));
    }
}
