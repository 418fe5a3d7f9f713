package io.kubeai.gitops.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.plan.FolderPlan;
import io.kubeai.gitops.plan.RenderPlan;
import io.kubeai.gitops.plan.ResourcePlan;
import io.kubeai.gitops.wording.RenderHints;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renders a plan into the files of the output tree, in a stable order. */
public final class Renderer {
    private static final ObjectMapper TEMPLATE_OUTPUT = new YAMLMapper();

    private final Templates templates;
    private final List<Diagnostic> diagnostics;

    public Renderer(Templates templates, List<Diagnostic> diagnostics) {
        this.templates = templates;
        this.diagnostics = diagnostics;
    }

    public List<RenderedFile> render(RenderPlan plan) {
        Enrichment enrichment = new Enrichment(plan.namespace(), plan.gitopsEngine(), plan.podAccess());
        // Folders are independent: render them in parallel, then merge in plan order so output and
        // diagnostics stay deterministic.
        List<FolderOutput> outputs = plan.folders().parallelStream()
                .map(folder -> renderFolder(folder, enrichment))
                .toList();
        Layout layout = new Layout(plan.gitopsEngine().equals("flux"));
        for (FolderOutput output : outputs) {
            diagnostics.addAll(output.diagnostics());
            output.objects().forEach(o -> layout.add(output.folder(), o.step(), o.file(), o.content(), o.origin()));
        }
        List<RenderedFile> files = new ArrayList<>();
        layout.files().forEach((path, content) -> {
            Layout.Origin origin = layout.originOf(path);
            files.add(new RenderedFile(path, content, origin.template(), origin.document()));
        });
        layout.kustomizations().forEach((dir, entry) -> {
            Optional<JsonNode> kustomization = kustomization(entry.resources(), diagnostics);
            files.add(new RenderedFile(
                    dir.isEmpty() ? "kustomization.yaml" : dir + "/kustomization.yaml",
                    Header.of(entry.sources())
                            + kustomization.map(YamlOutput::write).orElse(""),
                    null,
                    kustomization.orElse(null)));
        });
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    /** One rendered object: the Flux step it belongs to, its file name, its text with the header, where it came from. */
    private record RenderedObject(String step, String file, String content, Layout.Origin origin) {}

    private record FolderOutput(FolderPlan folder, List<RenderedObject> objects, List<Diagnostic> diagnostics) {}

    private FolderOutput renderFolder(FolderPlan folder, Enrichment enrichment) {
        List<Diagnostic> problems = new ArrayList<>();
        String header = Header.of(folder.sources());
        List<RenderedObject> objects = new ArrayList<>();
        for (ResourcePlan resource : folder.resources()) {
            Enrichment used = folder.standalone() ? enrichment.labelsOnly() : enrichment;
            renderObject(resource, used, problems)
                    .ifPresent(document -> objects.add(new RenderedObject(
                            resource.phase().step(),
                            resource.file(),
                            header + YamlOutput.write(document),
                            new Layout.Origin(templates.describe(resource.template()), document))));
        }
        return new FolderOutput(folder, objects, problems);
    }

    private Optional<JsonNode> kustomization(List<String> resources, List<Diagnostic> problems) {
        Templates.Output out = templates.render("kustomization.yaml.ftl", Map.of("resources", resources));
        if (out.error().isPresent()) {
            report(out.error().get(), problems);
            return Optional.empty();
        }
        return parse("kustomization.yaml.ftl", out.text(), problems);
    }

    /** The object as it will be written: a tree, typed by its fabric8 class where it has one. */
    private java.util.Optional<JsonNode> renderObject(
            ResourcePlan resource, Enrichment enrichment, List<Diagnostic> problems) {
        Templates.Output out = templates.render(resource.template(), Map.of("r", resource.model()), true);
        if (out.error().isPresent()) {
            report(out.error().get(), problems);
            return java.util.Optional.empty();
        }
        java.util.Optional<JsonNode> parsed = parse(resource.template(), out.text(), problems);
        if (parsed.isPresent() && !out.json().substitute(parsed.get())) {
            // The template used json() inside a longer string: render it again the plain way.
            out = templates.render(resource.template(), Map.of("r", resource.model()), false);
            parsed = parse(resource.template(), out.text(), problems);
        }
        if (parsed.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode object = (ObjectNode) parsed.get();
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            error(resource.template(), RenderHints.noApiVersionOrKind(), problems);
            return java.util.Optional.empty();
        }
        enrichment.apply(object, resource.phase());
        Inert.containers(object);
        try {
            // Through its fabric8 type, which fixes the order and form of every field, then back to a
            // tree: what is written and what is validated are the same document.
            JsonNode written = Kinds.type(apiVersion, kind)
                    .<JsonNode>map(type -> YamlOutput.mapper().valueToTree(bind(object, type)))
                    .orElseGet(() -> Canonical.sorted(object));
            return java.util.Optional.of(written);
        } catch (IllegalArgumentException e) {
            error(resource.template(), RenderHints.doesNotFitType(kind, firstLine(e.getMessage())), problems);
            return java.util.Optional.empty();
        }
    }

    private static Object bind(ObjectNode object, Class<?> type) {
        return YamlOutput.mapper().convertValue(object, type);
    }

    private java.util.Optional<JsonNode> parse(String template, String text, List<Diagnostic> problems) {
        try {
            JsonNode node = TEMPLATE_OUTPUT.readTree(text);
            if (node == null || !node.isObject()) {
                error(template, RenderHints.notAMapping(), problems);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(node);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            error(template, RenderHints.notYaml(line, firstLine(e.getOriginalMessage())), problems);
            return java.util.Optional.empty();
        }
    }

    private static void report(Templates.TemplateError e, List<Diagnostic> problems) {
        problems.add(new Diagnostic(Diagnostic.Severity.ERROR, e.file(), e.line(), e.column(), e.message()));
    }

    private void error(String template, String message, List<Diagnostic> problems) {
        problems.add(new Diagnostic(Diagnostic.Severity.ERROR, templates.describe(template), 0, 0, message));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    /** Key order for objects without a fabric8 type: apiVersion, kind, metadata, then sorted. */
    static final class Canonical {
        private Canonical() {}

        static ObjectNode sorted(ObjectNode object) {
            ObjectNode result = object.objectNode();
            for (String first : List.of("apiVersion", "kind", "metadata")) {
                if (object.has(first)) {
                    result.set(first, sortDeep(object.get(first)));
                }
            }
            new TreeMap<String, JsonNode>(toMap(object)).forEach((k, v) -> {
                if (!result.has(k)) {
                    result.set(k, sortDeep(v));
                }
            });
            return result;
        }

        private static JsonNode sortDeep(JsonNode node) {
            if (node.isObject()) {
                ObjectNode result = ((ObjectNode) node).objectNode();
                new TreeMap<String, JsonNode>(toMap((ObjectNode) node)).forEach((k, v) -> result.set(k, sortDeep(v)));
                return result;
            }
            if (node.isArray()) {
                var array = node.deepCopy();
                var out = ((com.fasterxml.jackson.databind.node.ArrayNode) array).arrayNode();
                node.forEach(item -> out.add(sortDeep(item)));
                return out;
            }
            return node;
        }

        private static Map<String, JsonNode> toMap(ObjectNode node) {
            Map<String, JsonNode> map = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            return map;
        }
    }
}
