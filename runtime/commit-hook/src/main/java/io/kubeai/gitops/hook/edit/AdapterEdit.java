package io.kubeai.gitops.hook.edit;

import io.kubeai.gitops.hook.edit.YamlNode.Entry;
import io.kubeai.gitops.hook.edit.YamlNode.Mapping;
import io.kubeai.gitops.hook.edit.YamlNode.Scalar;
import io.kubeai.gitops.hook.edit.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Plans the splices that add one adapter to a Model's {@code spec.adapters}. Each shape of the list
 * gets the smallest edit that reads naturally: a new item after the last one in its style, a new key
 * at the end of {@code spec}, or an entry inside a flow list.
 */
final class AdapterEdit {

    private static final Pattern EMPTY_FLOW = Pattern.compile("\\[\\s*]");
    private static final Pattern TRAILING_COMMA = Pattern.compile("\\s*,\\s*(#.*)?");
    private static final Pattern NOTHING_ELSE = Pattern.compile("\\s*(#.*)?");

    private final SourceText src;
    private final List<YamlNode> documents;
    private final List<Splice> splices = new ArrayList<>();

    AdapterEdit(SourceText src, List<YamlNode> documents) {
        this.src = src;
        this.documents = documents;
    }

    /** A replacement of {@code [from, to)} by {@code text}; an insertion when both are equal. */
    private record Splice(int from, int to, String text) {}

    EditResult apply(String modelName, Mapping model, Adapter adapter) throws ModelFileException {
        Optional<YamlNode> specNode = model.get("spec");
        if (specNode.isEmpty() || !(specNode.get() instanceof Mapping spec)) {
            throw new ModelFileException(
                    src.line(model.start()), "Model '" + modelName + "' has no spec mapping to add adapters to");
        }
        Optional<Entry> entry = spec.entry("adapters");
        if (entry.isEmpty()) {
            return addKey(spec, adapter);
        }
        YamlNode value = entry.get().value();
        if (value instanceof Scalar scalar && scalar.isNull()) {
            return fillEmpty(spec, entry.get(), adapter);
        }
        if (!(value instanceof Sequence list)) {
            throw new ModelFileException(
                    src.line(value.start()), "spec.adapters of Model '" + modelName + "' is not a list");
        }
        for (YamlNode item : list.items()) {
            if (item instanceof Mapping existing
                    && existing.scalar("name").filter(adapter.name()::equals).isPresent()) {
                String url = existing.scalar("url").orElse("");
                int line = src.line(existing.start());
                return url.equals(adapter.url())
                        ? new EditResult.AlreadyPresent(line)
                        : new EditResult.Conflict(url, line);
            }
        }
        if (!list.flow()) {
            return appendBlockItem(list, adapter);
        }
        if (!spec.flow() && list.items().isEmpty() && isEmptyFlow(list)) {
            // `adapters: []` becomes a block list: twenty adapters on one line would be unreadable.
            splices.add(new Splice(src.skipBlanksBackward(list.start()), list.end(), ""));
            return insertLines(
                    list.end(), blockItem(newListStyle(spec, entry.get().key()), adapter));
        }
        return appendFlowItem(list, adapter);
    }

    private EditResult addKey(Mapping spec, Adapter adapter) {
        if (spec.entries().isEmpty()) {
            return insert(spec.end() - 1, "adapters: [" + flowItem(defaultStyle(0), adapter) + "]");
        }
        ItemStyle style = newListStyle(spec, spec.entries().get(0).key());
        if (spec.flow()) {
            String text = key(spec) + ": [" + flowItem(style, adapter) + "]";
            return insert(spec.entries().get(spec.entries().size() - 1).value().end(), ", " + text);
        }
        int keyColumn = src.column(spec.entries().get(0).key().start());
        String lines = " ".repeat(keyColumn) + key(spec) + ":" + src.eol() + blockItem(style, adapter);
        return insertLines(spec.end(), lines);
    }

    private EditResult fillEmpty(Mapping spec, Entry entry, Adapter adapter) {
        YamlNode value = entry.value();
        ItemStyle style = newListStyle(spec, entry.key());
        if (spec.flow()) {
            String list = "[" + flowItem(style, adapter) + "]";
            if (value.start() == value.end()) {
                return insert(value.start(), src.text().charAt(value.start() - 1) == ' ' ? list : " " + list);
            }
            splices.add(new Splice(value.start(), value.end(), list));
            return result(value.start());
        }
        if (value.start() != value.end()) {
            splices.add(new Splice(src.skipBlanksBackward(value.start()), value.end(), ""));
        }
        return insertLines(Math.max(value.end(), entry.key().end()), blockItem(style, adapter));
    }

    private EditResult appendBlockItem(Sequence list, Adapter adapter) {
        YamlNode last = list.items().get(list.items().size() - 1);
        return insertLines(list.end(), blockItem(itemStyle(last), adapter));
    }

    private EditResult appendFlowItem(Sequence list, Adapter adapter) {
        if (list.items().isEmpty()) {
            return insert(list.end() - 1, flowItem(defaultStyle(0), adapter));
        }
        int n = list.items().size();
        YamlNode last = list.items().get(n - 1);
        String item = flowItem(itemStyle(last), adapter);
        int previousEnd = n > 1 ? list.items().get(n - 2).end() : list.start();
        String rest = src.restOfLine(last.end());
        if (src.line(last.start()) > src.line(previousEnd)) {
            // One item a line: the new one gets its own line too, indented like the last.
            String pad = " ".repeat(src.column(last.start()));
            if (TRAILING_COMMA.matcher(rest).matches()) {
                return insertLines(last.end(), pad + item + "," + src.eol());
            }
            if (NOTHING_ELSE.matcher(rest).matches()) {
                splices.add(new Splice(last.end(), last.end(), ","));
                return insertLines(last.end(), pad + item + src.eol());
            }
        }
        return insert(last.end(), ", " + item);
    }

    private boolean isEmptyFlow(Sequence list) {
        return EMPTY_FLOW
                .matcher(src.text().substring(list.start(), list.end()))
                .matches();
    }

    // ---- styles ----

    /** How an adapter entry is written, copied from the entry before it or from the file. */
    private record ItemStyle(
            int dashColumn,
            int gap,
            boolean flow,
            boolean urlFirst,
            ScalarStyle keyStyle,
            ScalarStyle nameStyle,
            ScalarStyle urlStyle) {}

    private ItemStyle itemStyle(YamlNode last) {
        int dash = dashBefore(last.start());
        int dashColumn = dash >= 0 ? src.column(dash) : src.column(last.start());
        int gap = dash >= 0 && src.line(dash) == src.line(last.start()) ? Math.max(1, last.start() - dash - 1) : 1;
        if (!(last instanceof Mapping item) || item.entries().isEmpty()) {
            return new ItemStyle(
                    dashColumn, gap, false, false, ScalarStyle.PLAIN, ScalarStyle.PLAIN, ScalarStyle.PLAIN);
        }
        int nameAt = indexOf(item, "name");
        int urlAt = indexOf(item, "url");
        boolean urlFirst = urlAt >= 0 && (nameAt < 0 || urlAt < nameAt);
        return new ItemStyle(
                dashColumn,
                gap,
                item.flow(),
                urlFirst,
                styleOf(item.entries().get(0).key()),
                styleOf(item.get("name").orElse(null)),
                styleOf(item.get("url").orElse(null)));
    }

    /** A fresh list under {@code key}: the file's habit for list indentation, quoting like spec.url. */
    private ItemStyle newListStyle(Mapping spec, YamlNode key) {
        ItemStyle style = defaultStyle(src.column(key.start()) + sequenceOffset());
        return new ItemStyle(
                style.dashColumn(),
                style.gap(),
                false,
                false,
                styleOf(key),
                ScalarStyle.PLAIN,
                styleOf(spec.get("url").orElse(null)));
    }

    private static ItemStyle defaultStyle(int dashColumn) {
        return new ItemStyle(dashColumn, 1, false, false, ScalarStyle.PLAIN, ScalarStyle.PLAIN, ScalarStyle.PLAIN);
    }

    /** How far the file indents a block list's dashes past its key: the first such list decides, else 0. */
    private int sequenceOffset() {
        List<int[]> found = new ArrayList<>();
        documents.forEach(d -> collectOffsets(d, found));
        return found.stream()
                .min(Comparator.comparingInt(f -> f[0]))
                .map(f -> f[1])
                .orElse(0);
    }

    private void collectOffsets(YamlNode node, List<int[]> found) {
        if (node instanceof Mapping map) {
            for (Entry e : map.entries()) {
                if (!map.flow() && e.value() instanceof Sequence list && !list.flow()) {
                    int dash = dashBefore(list.items().get(0).start());
                    if (dash >= 0 && src.line(dash) > src.line(e.key().start())) {
                        found.add(new int[] {
                            dash, src.column(dash) - src.column(e.key().start())
                        });
                    }
                }
                collectOffsets(e.value(), found);
            }
        } else if (node instanceof Sequence list) {
            list.items().forEach(i -> collectOffsets(i, found));
        }
    }

    private static int indexOf(Mapping item, String key) {
        for (int i = 0; i < item.entries().size(); i++) {
            if (item.entries().get(i).key() instanceof Scalar s && s.value().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static ScalarStyle styleOf(YamlNode node) {
        return node instanceof Scalar s ? s.style() : ScalarStyle.PLAIN;
    }

    /** The {@code -} that introduces the block item starting at {@code index}, or -1. */
    private int dashBefore(int index) {
        int i = index - 1;
        String text = src.text();
        while (i >= 0 && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' ? i : -1;
    }

    // ---- text ----

    private String key(Mapping spec) {
        return ScalarFormatter.format("adapters", styleOf(spec.entries().get(0).key()), spec.flow());
    }

    private String blockItem(ItemStyle style, Adapter adapter) {
        String head = " ".repeat(style.dashColumn()) + "-" + " ".repeat(style.gap());
        if (style.flow()) {
            return head + flowItem(style, adapter) + src.eol();
        }
        String[] pairs = pairs(style, adapter, false);
        String indent = " ".repeat(style.dashColumn() + 1 + style.gap());
        return head + pairs[0] + src.eol() + indent + pairs[1] + src.eol();
    }

    private String flowItem(ItemStyle style, Adapter adapter) {
        String[] pairs = pairs(style, adapter, true);
        return "{" + pairs[0] + ", " + pairs[1] + "}";
    }

    private static String[] pairs(ItemStyle style, Adapter adapter, boolean flow) {
        String name = ScalarFormatter.format("name", style.keyStyle(), flow) + ": "
                + ScalarFormatter.format(adapter.name(), style.nameStyle(), flow);
        String url = ScalarFormatter.format("url", style.keyStyle(), flow) + ": "
                + ScalarFormatter.format(adapter.url(), style.urlStyle(), flow);
        return style.urlFirst() ? new String[] {url, name} : new String[] {name, url};
    }

    private EditResult insert(int at, String text) {
        splices.add(new Splice(at, at, text));
        return result(at);
    }

    /**
     * Inserts whole lines after the line on which {@code contentEnd} lies, and after any comment lines
     * indented deeper than the new lines: those belong to the nested content above.
     */
    private EditResult insertLines(int contentEnd, String lines) {
        int at = src.lineInsertionPoint(contentEnd);
        int indent = lines.length() - lines.stripLeading().length();
        at = src.skipCommentLinesDeeperThan(at, indent);
        if (src.needsBreakBefore(at)) {
            // Keep the file's missing final line break missing: the break moves before the new lines.
            String eol = src.eol();
            splices.add(new Splice(at, at, eol + lines.substring(0, lines.length() - eol.length())));
            return result(at);
        }
        splices.add(new Splice(at, at, lines));
        return result(at);
    }

    private EditResult result(int at) {
        StringBuilder text = new StringBuilder(src.text());
        splices.stream()
                .sorted(Comparator.comparingInt(Splice::from).reversed())
                .forEach(s -> text.replace(s.from(), s.to(), s.text()));
        return new EditResult.Appended(text.toString(), src.line(at) + (src.needsBreakBefore(at) ? 1 : 0));
    }
}
