package io.kubeai.gitops.validator;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.validator.podsecurity.PodSecurity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates Kubernetes manifests strictly and offline, the way {@code kubeconform -strict} does:
 * every document must name an apiVersion and kind that one of the given OpenAPI documents or CRDs
 * describes, and must match that schema with no unknown fields.
 *
 * <pre>{@code
 * ManifestValidator validator = ManifestValidator.builder()
 *         .openApi(Path.of("schemas/kubernetes-1.35.0.json"))
 *         .crds(Path.of("schemas/crds"))
 *         .build();
 * for (Violation violation : validator.validateTree(Path.of("rendered"))) {
 *     System.out.println(violation.format());
 * }
 * }</pre>
 *
 * <p>Beyond the schemas themselves:
 * <ul>
 *   <li>a file named {@code kustomization.yaml} (or {@code .yml}) without apiVersion or kind is a
 *       {@code kustomize.config.k8s.io/v1beta1 Kustomization}, as kustomize reads it;</li>
 *   <li>custom resources get the full ObjectMeta for their metadata, as the API server gives them,
 *       when the Kubernetes OpenAPI document is among the sources;</li>
 *   <li>an object member whose value is {@code null} counts as absent, as in the API server and
 *       kubeconform; {@code metadata.creationTimestamp: null} passes although ObjectMeta declares
 *       a string (see {@link Builder#rejectNullValues(boolean)});</li>
 *   <li>YAML is read as the Kubernetes decoder reads it (YAML 1.1: an unquoted {@code yes} is a
 *       boolean) and a duplicate key is a violation;</li>
 *   <li>the API server's own rules that no schema states ({@link io.kubeai.gitops.validator.rules.ApiServerRules}:
 *       name formats per kind, label and annotation limits, unique container, volume and port names,
 *       mounts naming volumes, quantities, requests within limits) are checked too;</li>
 *   <li>{@code format}s and CEL rules ({@code x-kubernetes-validations}) are not checked.</li>
 * </ul>
 *
 * <p>A validator is immutable and safe to share between threads. Each kind's schema is compiled on
 * first use and kept, so build one validator and reuse it.
 */
public final class ManifestValidator {
    private static final Comparator<Violation> IN_FILE_ORDER = Comparator.comparingInt(Violation::line)
            .thenComparingInt(Violation::column)
            .thenComparing(Violation::path);

    private final SchemaLibrary library;
    private final DocumentChecker checker;

    private ManifestValidator(SchemaLibrary library, DocumentChecker checker) {
        this.library = library;
        this.checker = checker;
    }

    /** Starts a validator: the built-in schema catalog unless OpenAPI documents or CRDs are given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A validator for the project's test data layout: every OpenAPI document in
     * {@code sharedDir/kubernetes-openapi} and every CRD in {@code sharedDir/crds}.
     *
     * @throws IOException when a file cannot be read or is not a schema document
     */
    public static ManifestValidator fromSharedDir(Path sharedDir) throws IOException {
        return builder()
                .openApi(sharedDir.resolve("kubernetes-openapi"))
                .crds(sharedDir.resolve("crds"))
                .build();
    }

    /** Whether a schema describes this apiVersion and kind. */
    public boolean hasSchema(String apiVersion, String kind) {
        return library.rootOf(GroupVersionKind.of(apiVersion, kind)) != null;
    }

    /** Validates one document; the violations have no file and no line, and are in path order. */
    public List<Violation> validate(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        for (Finding finding : new LinkedHashSet<>(checker.check(document, null))) {
            violations.add(new Violation(
                    null,
                    0,
                    0,
                    0,
                    DocumentChecker.kindOf(document),
                    DocumentChecker.nameOf(document),
                    finding.path(),
                    finding.message()));
        }
        violations.sort(IN_FILE_ORDER);
        return violations;
    }

    /**
     * Validates every document of a YAML stream. A syntax error is a violation too, and ends the
     * stream: the documents after it are not checked. Empty documents are skipped but counted in
     * {@link Violation#documentIndex()}.
     *
     * @param fileName how violations name the file; its last segment decides whether it is a kustomization
     */
    public List<Violation> validateYaml(String fileName, String multiDocYaml) {
        List<Violation> violations = new ArrayList<>();
        validateYaml(fileName, multiDocYaml, violations);
        return violations;
    }

    /** Validates one file, whatever its extension. */
    public List<Violation> validateFile(Path file) throws IOException {
        List<Violation> violations = new ArrayList<>();
        validateFile(file, violations);
        return violations;
    }

    /**
     * Validates every {@code *.yaml} and {@code *.yml} file under a directory (skipping hidden
     * directories such as {@code .git}), in path order; or one file, when given a file.
     */
    public List<Violation> validateTree(Path dir) throws IOException {
        return validatePaths(List.of(dir)).violations();
    }

    /**
     * Validates files and directories (as {@link #validateTree(Path)} does) and counts what was
     * read: what a {@code validate PATH...} command needs.
     */
    public ValidationReport validatePaths(List<Path> paths) throws IOException {
        List<Violation> violations = new ArrayList<>();
        int files = 0;
        int documents = 0;
        for (Path path : paths) {
            for (Path file : Files.isDirectory(path) ? SourceFiles.manifestsUnder(path) : List.of(path)) {
                files++;
                documents += validateFile(file, violations);
            }
        }
        return new ValidationReport(violations, files, documents);
    }

    private int validateFile(Path file, List<Violation> violations) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            violations.add(new Violation(file.toString(), 0, 0, 0, null, null, "", "not UTF-8 text"));
            return 0;
        }
        return validateYaml(file.toString(), text, violations);
    }

    /** Validates a stream into {@code violations}; returns how many non-empty documents it held. */
    private int validateYaml(String fileName, String text, List<Violation> violations) {
        YamlStream.Result stream = YamlStream.read(text);
        int documents = 0;
        for (YamlDocument document : stream.documents()) {
            JsonNode content = document.content();
            if (content.isNull()) {
                continue;
            }
            documents++;
            Set<Finding> findings = new LinkedHashSet<>(document.problems());
            findings.addAll(checker.check(content, fileName));
            List<Violation> found = new ArrayList<>();
            for (Finding finding : findings) {
                YamlDocument.Position position = document.locate(finding.path());
                found.add(new Violation(
                        fileName,
                        document.index(),
                        position.line(),
                        position.column(),
                        DocumentChecker.kindOf(content),
                        DocumentChecker.nameOf(content),
                        finding.path(),
                        finding.message()));
            }
            found.sort(IN_FILE_ORDER);
            violations.addAll(found);
        }
        if (stream.error() != null) {
            YamlStream.SyntaxError error = stream.error();
            violations.add(new Violation(
                    fileName,
                    error.documentIndex(),
                    error.position().line(),
                    error.position().column(),
                    null,
                    null,
                    "",
                    error.message()));
        }
        return documents;
    }

    /** Collects the schema sources; reading and converting happen in {@link #build()}. */
    public static final class Builder {
        private final List<Path> openApi = new ArrayList<>();
        private final List<Path> crds = new ArrayList<>();
        private boolean catalog;
        private boolean rejectNullValues;
        private PodSecurity.Level podSecurity;

        private Builder() {}

        /**
         * The schema catalog this jar carries (Kubernetes 1.35, VolumeSnapshot, Kustomization, and the
         * Argo CD, Flux, Gateway API, Inference Extension and KEDA CRDs), under any documents and CRDs
         * given, which override its definitions and kinds of the same name. A builder given no source
         * at all uses the catalog alone.
         */
        public Builder catalog() {
            this.catalog = true;
            return this;
        }

        /**
         * OpenAPI documents: swagger 2.0 as a cluster serves at {@code /openapi/v2}, or OpenAPI 3
         * components. A directory stands for every {@code *.json}, {@code *.yaml} and {@code *.yml}
         * file in it. Later sources override earlier ones' definitions and kinds of the same name.
         */
        public Builder openApi(Path... paths) {
            openApi.addAll(List.of(paths));
            return this;
        }

        /** CustomResourceDefinition files, or directories of them; documents that are not CRDs are skipped. */
        public Builder crds(Path... paths) {
            crds.addAll(List.of(paths));
            return this;
        }

        /**
         * Whether an object member set to {@code null} is checked against the field's type instead of
         * counting as absent. Off by default, as in kubeconform and the API server; on, it makes
         * {@code creationTimestamp: null} a violation ({@code expected string, got null}), because
         * ObjectMeta's schema declares a string and nothing in the Kubernetes OpenAPI document is nullable.
         */
        public Builder rejectNullValues(boolean reject) {
            this.rejectNullValues = reject;
            return this;
        }

        /**
         * Also reports each pod template's violations of a Pod Security Standard (what a namespace
         * labelled {@code pod-security.kubernetes.io/enforce} with that level would refuse), by
         * container and field; {@code null} for none, the default.
         */
        public Builder podSecurity(PodSecurity.Level level) {
            this.podSecurity = level;
            return this;
        }

        /**
         * Reads and converts every schema; compiling waits for the first document of each kind.
         *
         * @throws IOException when a file cannot be read, is not a schema document, or refers to a
         *                     definition that no document given defines
         */
        public ManifestValidator build() throws IOException {
            SchemaLibrary library = new SchemaLibrary();
            if (catalog || (openApi.isEmpty() && crds.isEmpty())) {
                SchemaCatalog.load(library);
            }
            for (Path file : SourceFiles.expand(openApi, ".json", ".yaml", ".yml")) {
                OpenApiDocuments.load(file, library);
            }
            for (Path file : SourceFiles.expand(crds, ".yaml", ".yml", ".json")) {
                CustomResourceDefinitions.load(file, library);
            }
            KindSchemas schemas;
            try {
                schemas = KindSchemas.of(library);
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
            return new ManifestValidator(library, new DocumentChecker(library, schemas, rejectNullValues, podSecurity));
        }
    }
}
