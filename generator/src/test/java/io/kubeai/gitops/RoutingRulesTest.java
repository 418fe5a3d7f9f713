package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import io.kubeai.gitops.testing.TreeDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered routing rules read back as data: the Gateway's view of which backend each model name
 * reaches, and which pods each InferencePool selects. Every Model and every {@code <model>_<adapter>}
 * must reach exactly its own pods, and a Model added or removed must change only its own files.
 */
class RoutingRulesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String CONFIG = """
            gitops: {engine: plain}
            routing:
              mode: gateway
              gateway: {name: inference-gateway, namespace: gateway-system}
            autoscaling:
              mode: keda
              prometheus: {serverAddress: "http://prometheus.monitoring.svc:9090"}
            """;

    @TempDir
    Path temp;

    @Test
    void everyModelAndAdapterName_reachesExactlyItsOwnPods() throws Exception {
        Map<String, List<String>> models = new TreeMap<>();
        models.put("llama", List.of("sql", "chat"));
        models.put("llama-2", List.of());
        models.put("qwen", IntStream.range(0, 150).mapToObj(i -> "a" + i).toList());
        Path out = render("one", models, Set.of("embed"));

        Map<String, List<String>> routes = routeTable(out);
        Map<String, String> pools = poolSelectors(out);
        Map<String, String> podLabels = podLabels(out);
        Set<String> expectedNames = new TreeSet<>();
        models.forEach((model, adapters) -> {
            expectedNames.add(model);
            adapters.forEach(a -> expectedNames.add(model + "_" + a));
        });
        expectedNames.add("embed");
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(expectedNames);
        for (String name : expectedNames) {
            String model = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
            List<String> backends = routes.get(name);
            assertThat(backends).as("backends of %s", name).hasSize(1);
            if (model.equals("embed")) {
                assertThat(backends.get(0)).isEqualTo("Service/embed:80");
                continue;
            }
            assertThat(backends.get(0)).isEqualTo("InferencePool/" + model);
            String selector = pools.get(model);
            List<String> selected = podLabels.entrySet().stream()
                    .filter(e -> matches(selector, e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(selected).as("pods selected by pool %s", model).containsExactly(model);
        }
        // 151 names exceed one route's 128 matches: qwen gets a second route, each rule within 64.
        assertThat(out.resolve("models/qwen/httproute-2.yaml")).exists();
        RenderedTreeChecks.assertValid(out);
    }

    @Test
    void addingOrRemovingAModel_changesOnlyItsOwnFiles() throws Exception {
        Map<String, List<String>> models = new TreeMap<>();
        models.put("llama", List.of("sql"));
        models.put("qwen", List.of());
        Map<String, String> before = TreeDiff.read(render("before", models, Set.of("embed")));

        Map<String, List<String>> added = new TreeMap<>(models);
        added.put("mistral", List.of("chat"));
        assertThat(changed(before, TreeDiff.read(render("added", added, Set.of("embed")))))
                .allMatch(f -> f.startsWith("models/mistral/") || isIndex(f))
                .anyMatch(f -> f.equals("models/mistral/httproute.yaml"))
                .anyMatch(f -> f.equals("models/mistral/inferencepool.yaml"));

        Map<String, List<String>> removed = new TreeMap<>(models);
        removed.remove("qwen");
        assertThat(changed(before, TreeDiff.read(render("removed", removed, Set.of("embed")))))
                .allMatch(f -> f.startsWith("models/qwen/") || isIndex(f))
                .anyMatch(f -> f.equals("models/qwen/httproute.yaml"));

        Map<String, List<String>> adapter = new TreeMap<>(models);
        adapter.put("llama", List.of("sql", "summaries"));
        assertThat(changed(before, TreeDiff.read(render("adapter", adapter, Set.of("embed")))))
                .as("a new adapter is one more route match and one more line for the adapter-sync sidecar")
                .containsExactlyInAnyOrder("models/llama/httproute.yaml", "models/llama/configmap-adapters.yaml");
    }

    private static boolean isIndex(String file) {
        return file.equals("kustomization.yaml") || file.equals(".kubeai-generated");
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        return files.stream()
                .filter(f -> !java.util.Objects.equals(before.get(f), after.get(f)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Path render(String name, Map<String, List<String>> vllmModels, Set<String> infinityModels)
            throws IOException {
        Path repo = temp.resolve(name);
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("kubeai.yaml"), CONFIG);
        StringBuilder specs = new StringBuilder();
        vllmModels.forEach((model, adapters) -> {
            specs.append("---\napiVersion: kubeai.org/v1\nkind: Model\nmetadata: {name: ")
                    .append(model)
                    .append("}\nspec:\n  url: hf://org/")
                    .append(model)
                    .append("\n  minReplicas: 1\n  maxReplicas: 3\n");
            if (!adapters.isEmpty()) {
                specs.append("  adapters:\n");
                adapters.forEach(a -> specs.append("  - {name: ")
                        .append(a)
                        .append(", url: hf://org/")
                        .append(a)
                        .append("}\n"));
            }
        });
        infinityModels.forEach(model -> specs.append("---\napiVersion: kubeai.org/v1\nkind: Model\nmetadata: {name: ")
                .append(model)
                .append("}\nspec: {url: hf://org/e, engine: Infinity, features: [TextEmbedding]}\n"));
        Files.writeString(repo.resolve("models/models.yaml"), specs.toString());
        Path out = repo.resolve("rendered");
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(repo).outputDir(out).build());
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        return out;
    }

    /** Header value to the backends a request carrying it reaches, over every HTTPRoute in the tree. */
    private static Map<String, List<String>> routeTable(Path tree) throws IOException {
        Map<String, List<String>> table = new TreeMap<>();
        for (JsonNode route : documents(tree, "HTTPRoute")) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                assertThat(rule.path("matches").size()).isLessThanOrEqualTo(64);
                List<String> backends = new ArrayList<>();
                for (JsonNode ref : rule.path("backendRefs")) {
                    backends.add(
                            ref.path("kind").asText() + "/" + ref.path("name").asText()
                                    + (ref.has("port") ? ":" + ref.path("port").asInt() : ""));
                }
                for (JsonNode match : rule.path("matches")) {
                    assertThat(match.path("headers")).hasSize(1);
                    JsonNode header = match.path("headers").get(0);
                    assertThat(header.path("name").asText()).isEqualTo("X-Gateway-Model-Name");
                    assertThat(header.path("type").asText()).isEqualTo("Exact");
                    table.computeIfAbsent(header.path("value").asText(), k -> new ArrayList<>())
                            .addAll(backends);
                }
            }
            int total = 0;
            for (JsonNode rule : route.path("spec").path("rules")) {
                total += rule.path("matches").size();
            }
            assertThat(total)
                    .as("matches in route %s", route.path("metadata").path("name"))
                    .isLessThanOrEqualTo(128);
        }
        return table;
    }

    /** InferencePool name to its selector, as key=value pairs. */
    private static Map<String, String> poolSelectors(Path tree) throws IOException {
        return labelsByName(tree, "InferencePool", "/spec/selector/matchLabels");
    }

    /** Model Deployment name to its pod template's labels; the endpoint pickers' pods are included too. */
    private static Map<String, String> podLabels(Path tree) throws IOException {
        return labelsByName(tree, "Deployment", "/spec/template/metadata/labels");
    }

    private static Map<String, String> labelsByName(Path tree, String kind, String pointer) throws IOException {
        Map<String, String> result = new HashMap<>();
        for (JsonNode doc : documents(tree, kind)) {
            result.put(doc.path("metadata").path("name").asText(), pairs(doc.at(pointer)));
        }
        return result;
    }

    private static String pairs(JsonNode labels) {
        Set<String> pairs = new TreeSet<>();
        labels.fields()
                .forEachRemaining(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", pairs);
    }

    private static boolean matches(String selector, String labels) {
        Set<String> have = Set.of(labels.split(","));
        return have.containsAll(List.of(selector.split(",")));
    }

    private static List<JsonNode> documents(Path tree, String kind) throws IOException {
        List<JsonNode> result = new ArrayList<>();
        for (Map.Entry<String, String> file : TreeDiff.read(tree).entrySet()) {
            if (!file.getKey().endsWith(".yaml")) {
                continue;
            }
            JsonNode doc = YAML.readTree(file.getValue());
            if (doc != null && doc.path("kind").asText().equals(kind)) {
                result.add(doc);
            }
        }
        return result;
    }
}
