package io.kubeai.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.testing.RenderedTreeChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery units: with {@code gitops.units: perModel} every folder of the rendered tree is applied by its own
 * Argo CD Application or Flux chain, so one Model's load or Pending claim never holds back another Model.
 * The ApplicationSet's git directory generators are evaluated here as Argo CD evaluates them (path.Match
 * patterns, excludes first) against the rendered tree; the Flux Kustomizations are read back as a graph.
 */
class DeliveryUnitsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PATH = "clusters/prod/rendered";

    @TempDir
    Path repo;

    private GenerateResult render(String engine, String units) throws IOException {
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(
                repo.resolve("kubeai.yaml"), """
                gitops:
                  engine: %s
                  repository: https://git.example.com/gitops.git
                  path: %s
                %s
                models:
                  cache:
                    defaultProfile: Local
                    profiles:
                      Local: {bucket: {url: s3://kubeai/models/, local: true}}
                      EFS: {sharedFilesystem: {storageClass: efs}}
                      Disk: {staticVolume: {storageClass: hyperdisk-ml}}
                """.formatted(engine, PATH, units.isEmpty() ? "" : "  units: " + units));
        Files.writeString(repo.resolve("models/models.yaml"), """
                kind: Model
                metadata: {name: alpha}
                spec: {url: hf://org/alpha, resourceProfile: nvidia-gpu-l4:1}
                ---
                kind: Model
                metadata: {name: beta}
                spec: {url: hf://org/beta, resourceProfile: nvidia-gpu-l4:1}
                ---
                kind: Model
                metadata: {name: efs}
                spec: {url: hf://org/gamma, cacheProfile: EFS, resourceProfile: nvidia-gpu-l4:1}
                ---
                kind: Model
                metadata: {name: big}
                spec: {url: hf://org/big, cacheProfile: Disk, resourceProfile: nvidia-gpu-h100:4}
                ---
                kind: Model
                metadata: {name: direct}
                spec: {url: hf://org/direct, cacheProfile: None, resourceProfile: nvidia-gpu-l4:1}
                """);
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics())
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::format)
                .isEmpty();
        return result;
    }

    @Test
    void argoCd_perModel_givesEveryFolderOneApplication_fromAnApplicationSetThatNoModelChanges() throws Exception {
        render("argocd", "");
        Path rendered = repo.resolve("rendered");
        assertThat(rendered.resolve("argocd/application.yaml")).doesNotExist();
        String applicationSet = Files.readString(rendered.resolve("argocd/applicationset.yaml"));
        JsonNode spec = YAML.readTree(applicationSet).path("spec");

        Map<String, String> applications = new TreeMap<>();
        for (String dir : folders(rendered)) {
            List<String> names = new ArrayList<>();
            for (JsonNode generator : spec.path("generators")) {
                JsonNode git = generator.path("git");
                if (matches(git.path("directories"), PATH + "/" + dir)) {
                    names.add(git.at("/values/prefix").asText() + dir.substring(dir.lastIndexOf('/') + 1));
                }
            }
            boolean unit = !dir.equals("argocd") && !dir.equals("models") && !dir.equals("caches");
            assertThat(names).as(dir).hasSize(unit ? 1 : 0);
            names.forEach(n -> applications.put(n, dir));
        }
        assertThat(applications)
                .containsOnlyKeys(
                        "kubeai-model-alpha",
                        "kubeai-model-beta",
                        "kubeai-model-efs",
                        "kubeai-model-big",
                        "kubeai-model-direct",
                        "kubeai-cache-local",
                        "kubeai-cache-efs",
                        "kubeai-local-bucket",
                        "kubeai-namespace");
        assertThat(applications.keySet()).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(63));
        assertThat(spec.at("/template/spec/source/path").asText()).isEqualTo("{{.path.path}}");

        // Another Model adds an Application through the same ApplicationSet, unchanged.
        Files.writeString(
                repo.resolve("models/more.yaml"),
                "kind: Model\nmetadata: {name: gamma}\nspec: {url: hf://org/g, resourceProfile: nvidia-gpu-l4:1}\n");
        new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(Files.readString(rendered.resolve("argocd/applicationset.yaml")))
                .isEqualTo(applicationSet);
        RenderedTreeChecks.assertValid(rendered);
    }

    @Test
    void argoCd_single_isOneApplicationForTheWholeTree() throws Exception {
        render("argocd", "single");
        Path rendered = repo.resolve("rendered");
        assertThat(rendered.resolve("argocd/applicationset.yaml")).doesNotExist();
        JsonNode app = YAML.readTree(rendered.resolve("argocd/application.yaml").toFile());
        assertThat(app.at("/spec/source/path").asText()).isEqualTo(PATH);
        RenderedTreeChecks.assertValid(rendered);
    }

    @Test
    void flux_perModel_chainsEachFolderOnItsOwn_andAModelDependsOnlyOnTheNamespaceAndItsCache() throws Exception {
        render("flux", "");
        Path rendered = repo.resolve("rendered");
        Map<String, JsonNode> kustomizations = fluxKustomizations(rendered);
        Map<String, List<String>> dependsOn = new TreeMap<>();
        kustomizations.forEach((name, k) -> {
            List<String> deps = new ArrayList<>();
            k.at("/spec/dependsOn").forEach(d -> deps.add(d.path("name").asText()));
            dependsOn.put(name, deps);
            assertThat(k.at("/spec/force").asBoolean(false))
                    .as(name + " forces")
                    .isFalse();
        });

        assertThat(dependsOn)
                .containsEntry("kubeai-namespace-load", List.of())
                .containsEntry("kubeai-local-bucket-load", List.of("kubeai-namespace-load"))
                .containsEntry("kubeai-cache-local-load", List.of("kubeai-namespace-load", "kubeai-local-bucket-load"))
                .containsEntry("kubeai-cache-efs-load", List.of("kubeai-namespace-load"))
                .containsEntry("kubeai-model-alpha-serve", List.of("kubeai-namespace-load", "kubeai-cache-local-load"))
                .containsEntry("kubeai-model-efs-serve", List.of("kubeai-namespace-load", "kubeai-cache-efs-load"))
                .containsEntry("kubeai-model-direct-serve", List.of("kubeai-namespace-load"))
                .containsEntry("kubeai-model-big-load", List.of("kubeai-namespace-load"))
                .containsEntry("kubeai-model-big-snapshot", List.of("kubeai-model-big-load"))
                .containsEntry("kubeai-model-big-serve", List.of("kubeai-model-big-snapshot"))
                .containsEntry("kubeai-units", List.of());
        // No Model waits for another Model, directly or through a chain.
        for (String name : dependsOn.keySet()) {
            if (name.startsWith("kubeai-model-")) {
                String model = name.replaceFirst("-(load|snapshot|serve)$", "");
                assertThat(reachable(name, dependsOn))
                        .filteredOn(d -> d.startsWith("kubeai-model-"))
                        .allSatisfy(d -> assertThat(d).startsWith(model + "-"));
            }
        }
        // A shared cache's copies are not waited for: Models need its volume, each pod waits for its own copy.
        assertThat(kustomizations
                        .get("kubeai-cache-local-load")
                        .at("/spec/wait")
                        .asBoolean())
                .isFalse();
        assertThat(kustomizations.get("kubeai-model-big-load").at("/spec/wait").asBoolean())
                .isTrue();

        // Every folder of every step is applied by exactly one Kustomization; the units one applies the rest.
        TreeSet<String> applied = new TreeSet<>();
        kustomizations.values().forEach(k -> applied.add(k.at("/spec/path").asText()));
        TreeSet<String> expected = new TreeSet<>(List.of("./" + PATH + "/flux"));
        for (String step : List.of("load", "snapshot", "serve")) {
            folders(rendered.resolve(step)).stream()
                    .filter(f -> !f.equals("models") && !f.equals("caches"))
                    .forEach(f -> expected.add("./" + PATH + "/" + step + "/" + f));
        }
        assertThat(applied).isEqualTo(expected);
        RenderedTreeChecks.assertValid(rendered);
    }

    @Test
    void flux_single_isOneChainOfSteps() throws Exception {
        render("flux", "single");
        Map<String, JsonNode> kustomizations = fluxKustomizations(repo.resolve("rendered"));
        assertThat(kustomizations).containsOnlyKeys("kubeai-load", "kubeai-snapshot", "kubeai-serve");
        assertThat(kustomizations
                        .get("kubeai-serve")
                        .at("/spec/dependsOn/0/name")
                        .asText())
                .isEqualTo("kubeai-snapshot");
        assertThat(kustomizations.get("kubeai-serve").at("/spec/path").asText()).isEqualTo("./" + PATH + "/serve");
    }

    @Test
    void unknownUnits_isAnErrorAtItsLine() throws Exception {
        Files.writeString(repo.resolve("kubeai.yaml"), "gitops:\n  units: perNode\n");
        GenerateResult result =
                new Generator().generate(GenerateRequest.builder(repo).build());
        assertThat(result.diagnostics())
                .extracting(Diagnostic::format)
                .containsExactly("kubeai.yaml:2:10: error: unknown gitops.units 'perNode'; use perModel (one Argo CD "
                        + "Application or Flux chain per Model and cache) or single");
    }

    private static Map<String, JsonNode> fluxKustomizations(Path rendered) throws IOException {
        Map<String, JsonNode> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(rendered.resolve("flux"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("kustomization-"))
                    .toList()) {
                JsonNode k = YAML.readTree(file.toFile());
                result.put(k.at("/metadata/name").asText(), k);
            }
        }
        return result;
    }

    private static TreeSet<String> reachable(String from, Map<String, List<String>> dependsOn) {
        TreeSet<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(dependsOn.get(from));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(dependsOn.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    /** The folders under {@code root}, '/'-separated and relative to it. */
    private static List<String> folders(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory)
                    .filter(d -> !d.equals(root))
                    .map(d -> root.relativize(d).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Argo CD's rule: a directory is generated when it matches an include and no exclude (path.Match). */
    private static boolean matches(JsonNode directories, String dir) {
        boolean included = false;
        for (JsonNode d : directories) {
            boolean match = glob(d.path("path").asText()).matcher(dir).matches();
            if (match && d.path("exclude").asBoolean(false)) {
                return false;
            }
            included |= match;
        }
        return included;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(
                    switch (c) {
                        case '*' -> "[^/]*";
                        case '?' -> "[^/]";
                        default -> Pattern.quote(String.valueOf(c));
                    });
        }
        return Pattern.compile(regex.toString());
    }
}
