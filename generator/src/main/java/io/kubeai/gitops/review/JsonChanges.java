package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The fallback for changes no rule below names: each differing value as a JSON pointer with its old and new
 * value. Lists of the same length are compared item by item, lists of another length as a whole.
 */
final class JsonChanges {
    /** More lines than this for one object help no reviewer; the rest is counted. */
    static final int MAX_LINES = 8;

    private JsonChanges() {}

    static List<String> between(JsonNode old, JsonNode now) {
        List<String> lines = new ArrayList<>();
        collect("", old, now, lines);
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            List<String> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
            shown.add("and " + Text.plural(more, "more change"));
            return shown;
        }
        return lines;
    }

    private static void collect(String pointer, JsonNode old, JsonNode now, List<String> lines) {
        if (old.equals(now)) {
            return;
        }
        if (old.isObject() && now.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            old.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                JsonNode a = old.get(name);
                JsonNode b = now.get(name);
                if (a == null) {
                    lines.add(Text.code(child) + ": added " + Text.code(b));
                } else if (b == null) {
                    lines.add(Text.code(child) + ": removed (was " + Text.code(a) + ")");
                } else {
                    collect(child, a, b, lines);
                }
            }
        } else if (old.isArray() && now.isArray() && old.size() == now.size()) {
            Iterator<JsonNode> a = old.elements();
            Iterator<JsonNode> b = now.elements();
            for (int i = 0; a.hasNext(); i++) {
                collect(pointer + "/" + i, a.next(), b.next(), lines);
            }
        } else {
            lines.add(
                    Text.code(pointer.isEmpty() ? "/" : pointer) + ": " + Text.code(old) + Text.ARROW + Text.code(now));
        }
    }
}
