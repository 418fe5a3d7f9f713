package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.kubeai.gitops.validator.podsecurity.PodSecurity;
import io.kubeai.gitops.validator.rules.ApiServerRules;
import io.kubeai.gitops.validator.rules.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one document: works out what it is (apiVersion and kind, or a kustomization by its file
 * name), finds the schema for that, validates against it, then applies the API server's own rules
 * and, when asked, a Pod Security Standard.
 */
final class DocumentChecker {
    private static final String KUSTOMIZE_API_VERSION = "kustomize.config.k8s.io/v1beta1";
    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml");

    private final SchemaLibrary library;
    private final KindSchemas schemas;
    private final boolean rejectNullValues;
    private final PodSecurity.Level podSecurity;

    /** @param podSecurity the standard pod templates must meet, or {@code null} for none */
    DocumentChecker(
            SchemaLibrary library, KindSchemas schemas, boolean rejectNullValues, PodSecurity.Level podSecurity) {
        this.library = library;
        this.schemas = schemas;
        this.rejectNullValues = rejectNullValues;
        this.podSecurity = podSecurity;
    }

    /** @param fileName the file the document came from, or {@code null} */
    List<Finding> check(JsonNode document, String fileName) {
        if (!document.isObject()) {
            return List.of(new Finding("", "a manifest must be an object, not " + Messages.typeOf(document)));
        }
        // kustomize reads a kustomization.yaml without apiVersion or kind, so the file name says what it is.
        boolean kustomization = fileName != null && KUSTOMIZATION_FILES.contains(lastSegment(fileName));
        List<Finding> findings = new ArrayList<>();
        String apiVersion = identity(document, "apiVersion", kustomization ? KUSTOMIZE_API_VERSION : null, findings);
        String kind = identity(document, "kind", kustomization ? "Kustomization" : null, findings);
        if (!findings.isEmpty()) {
            return findings;
        }
        GroupVersionKind gvk = GroupVersionKind.of(apiVersion, kind);
        if (library.rootOf(gvk) == null) {
            return List.of(new Finding("", unknownKind(gvk)));
        }
        JsonNode checked = rejectNullValues ? document : NullMembers.prune(document);
        List<Finding> found = new ArrayList<>();
        if (!schemas.quicklyPasses(gvk, checked)) {
            JsonSchema schema;
            try {
                schema = schemas.schemaFor(gvk);
            } catch (IllegalStateException e) {
                return List.of(new Finding("", e.getMessage()));
            }
            found.addAll(Messages.translate(schema.validate(checked)));
        }
        add(ApiServerRules.check(checked), found);
        if (podSecurity != null) {
            add(PodSecurity.check(checked, podSecurity), found);
        }
        return found;
    }

    private static void add(List<Problem> problems, List<Finding> findings) {
        for (Problem problem : problems) {
            findings.add(new Finding(problem.path(), problem.message()));
        }
    }

    static String kindOf(JsonNode document) {
        JsonNode kind = document.get("kind");
        return kind != null && kind.isTextual() ? kind.asText() : null;
    }

    static String nameOf(JsonNode document) {
        JsonNode name = document.path("metadata").get("name");
        return name != null && name.isTextual() ? name.asText() : null;
    }

    private static String identity(JsonNode document, String field, String fallback, List<Finding> findings) {
        JsonNode value = document.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())) {
            if (fallback == null) {
                findings.add(new Finding("", "missing required field '" + field + "'"));
            }
            return fallback;
        }
        if (!value.isTextual()) {
            findings.add(new Finding("/" + field, "expected string, got " + Messages.typeOf(value)));
            return null;
        }
        return value.asText();
    }

    private String unknownKind(GroupVersionKind gvk) {
        String message = "unknown kind: no schema for " + gvk + " in the OpenAPI documents and CRDs given";
        List<String> versions = library.apiVersionsOf(gvk.kind());
        return versions.isEmpty()
                ? message
                : message + " (" + gvk.kind() + " is known in " + String.join(", ", versions) + ")";
    }

    private static String lastSegment(String fileName) {
        return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    }
}
