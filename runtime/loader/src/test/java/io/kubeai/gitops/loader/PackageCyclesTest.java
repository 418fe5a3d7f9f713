package io.kubeai.gitops.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The loader's packages form no cycle: read from the sources' imports and fully qualified names, so a
 * new edge that closes a loop fails here with the files that make it, not in a later review.
 */
class PackageCyclesTest {
    private static final String ROOT = "io.kubeai.gitops.loader";
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A reference to a loader type: lower-case package segments, then the first upper-case one. */
    private static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w.])(" + Pattern.quote(ROOT) + "(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

    @Test
    void loaderPackages_dependOnEachOther_withoutCycles() throws IOException {
        Map<String, Map<String, Set<String>>> edges = dependencies(SOURCES);

        assertThat(edges)
                .as("packages found under %s", SOURCES.toAbsolutePath())
                .hasSizeGreaterThan(10);
        assertThat(cycles(edges))
                .as("package cycles (package -> package: files)")
                .isEmpty();
    }

    @Test
    void aCycle_isFound_andNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        write(dir, "a/A.java", "package " + ROOT + ".a;\nimport " + ROOT + ".b.B;\nclass A {}\n");
        write(dir, "b/B.java", "package " + ROOT + ".b;\nclass B { " + ROOT + ".c.C c; }\n");
        write(
                dir,
                "c/C.java",
                "package " + ROOT + ".c;\n// import " + ROOT + ".d.D;\nclass C { " + ROOT + ".a.A a; String s = \""
                        + ROOT + ".d.D\"; }\n");
        write(dir, "d/D.java", "package " + ROOT + ".d;\nimport " + ROOT + ".a.A;\nclass D {}\n");

        List<String> cycles = cycles(dependencies(dir));

        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0))
                .contains(ROOT + ".a -> " + ROOT + ".b: a/A.java")
                .contains(ROOT + ".b -> " + ROOT + ".c: b/B.java")
                .contains(ROOT + ".c -> " + ROOT + ".a: c/C.java")
                .doesNotContain(ROOT + ".d");
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** For each package, the loader packages it uses and the files that use each. */
    private static Map<String, Map<String, Set<String>>> dependencies(Path sources) throws IOException {
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String code = COMMENTS_AND_STRINGS
                    .matcher(Files.readString(file))
                    .replaceAll(m -> m.group().startsWith("\"") ? "\"\"" : " ");
            Matcher pkg = PACKAGE.matcher(code);
            if (!pkg.find()) {
                continue;
            }
            String from = pkg.group(1);
            Map<String, Set<String>> out = edges.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher ref = REFERENCE.matcher(code.substring(pkg.end()));
            while (ref.find()) {
                String to = ref.group(1);
                if (!to.equals(from)) {
                    out.computeIfAbsent(to, k -> new TreeSet<>())
                            .add(sources.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return edges;
    }

    /** Each strongly connected set of two or more packages, as its edges with the files behind them. */
    private static List<String> cycles(Map<String, Map<String, Set<String>>> edges) {
        List<String> found = new ArrayList<>();
        for (Set<String> component : new Tarjan(edges).components()) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (String from : component) {
                edges.getOrDefault(from, Map.of()).forEach((to, files) -> {
                    if (component.contains(to)) {
                        text.append(from)
                                .append(" -> ")
                                .append(to)
                                .append(": ")
                                .append(String.join(", ", files))
                                .append('\n');
                    }
                });
            }
            found.add(text.toString());
        }
        return found;
    }

    /** Tarjan's strongly connected components, over package names. */
    private static final class Tarjan {
        private final Map<String, Map<String, Set<String>>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Map<String, Set<String>>> edges) {
            this.edges = edges;
        }

        List<Set<String>> components() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
