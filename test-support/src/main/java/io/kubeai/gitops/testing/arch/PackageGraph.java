package io.kubeai.gitops.testing.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a source tree uses which, read from the sources: imports, static imports and fully
 * qualified names in code (comments and string literals do not count). Only packages of the tree itself
 * are nodes; a dependency on another module is not an edge. Tests use it to keep a module free of package
 * cycles and to keep adapters on the public API.
 */
public final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([a-z_][\\w.]*)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z_][a-z0-9_]*\\.)+)[A-Z]");
    private static final Pattern WILDCARD = Pattern.compile("\\bimport\\s+((?:[a-z_][a-z0-9_]*\\.)+)\\*\\s*;");

    private final Map<String, Map<String, String>> edges;
    private final Map<String, Set<String>> references;

    private PackageGraph(Map<String, Map<String, String>> edges, Map<String, Set<String>> references) {
        this.edges = edges;
        this.references = references;
    }

    /** Reads every {@code .java} file under {@code sourceRoot} (a module's {@code src/main/java}). */
    public static PackageGraph of(Path sourceRoot) {
        Map<String, String> packageOf = new TreeMap<>();
        Map<String, String> text = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = JavaText.code(Files.readString(file, StandardCharsets.UTF_8));
                Matcher m = PACKAGE.matcher(code);
                String pkg = m.find() ? m.group(1) : "";
                String name = sourceRoot.relativize(file).toString();
                packageOf.put(name, pkg);
                text.put(name, code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>(packageOf.values());
        Map<String, Map<String, String>> edges = new TreeMap<>();
        Map<String, Set<String>> references = new TreeMap<>();
        packages.forEach(p -> {
            edges.put(p, new TreeMap<>());
            references.put(p, new TreeSet<>());
        });
        text.forEach((file, code) -> {
            String from = packageOf.get(file);
            String body = code.substring(code.indexOf(';') + 1);
            for (Matcher m : List.of(QUALIFIED.matcher(body), WILDCARD.matcher(body))) {
                while (m.find()) {
                    String to = m.group(1).substring(0, m.group(1).length() - 1);
                    if (!to.equals(from)) {
                        references.get(from).add(to);
                    }
                    if (!to.equals(from) && packages.contains(to)) {
                        edges.get(from).putIfAbsent(to, file);
                    }
                }
            }
        });
        return new PackageGraph(edges, references);
    }

    /** The packages of the tree. */
    public Set<String> packages() {
        return edges.keySet();
    }

    /** The tree's packages that {@code pkg} uses. */
    public Set<String> dependencies(String pkg) {
        return edges.getOrDefault(pkg, Map.of()).keySet();
    }

    /**
     * Every package {@code pkg} names, in this tree or outside it, that starts with {@code prefix}: for
     * rules such as "adapters use only the generator's API".
     */
    public Set<String> references(String pkg, String prefix) {
        Set<String> result = new TreeSet<>();
        references.getOrDefault(pkg, Set.of()).stream()
                .filter(r -> r.startsWith(prefix))
                .forEach(result::add);
        return result;
    }

    /** Every set of two or more packages that reach each other, each sorted; empty when there is no cycle. */
    public List<List<String>> cycles() {
        return new StronglyConnected(edges)
                .components().stream().filter(c -> c.size() > 1).toList();
    }

    /** A readable account of the cycles: each package of a cycle, what it uses inside it, and from which file. */
    public String describeCycles() {
        StringBuilder out = new StringBuilder();
        for (List<String> cycle : cycles()) {
            out.append("cycle of ").append(cycle.size()).append(" packages:\n");
            for (String pkg : cycle) {
                edges.get(pkg).forEach((to, file) -> {
                    if (cycle.contains(to)) {
                        out.append("  ")
                                .append(pkg)
                                .append(" -> ")
                                .append(to)
                                .append(" (")
                                .append(file)
                                .append(")\n");
                    }
                });
            }
        }
        return out.toString();
    }

    /** Tarjan's algorithm over the package edges. */
    private static final class StronglyConnected {
        private final Map<String, Map<String, String>> edges;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> components = new ArrayList<>();
        private int next;

        StronglyConnected(Map<String, Map<String, String>> edges) {
            this.edges = edges;
        }

        List<List<String>> components() {
            edges.keySet().forEach(p -> {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            });
            return components;
        }

        private void visit(String p) {
            index.put(p, next);
            low.put(p, next);
            next++;
            stack.add(p);
            for (String q : edges.get(p).keySet()) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (stack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                List<String> component = new ArrayList<>();
                String q;
                do {
                    q = stack.remove(stack.size() - 1);
                    component.add(q);
                } while (!q.equals(p));
                component.sort(null);
                components.add(component);
            }
        }
    }
}
