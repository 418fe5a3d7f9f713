package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void catalog_describesEveryKindTheGeneratorRenders_andTheAddOnsUsersDeploy() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        SchemaCatalog.load(library);

        assertThat(library.kinds().keySet())
                .extracting(GroupVersionKind::toString)
                .contains(
                        "apps/v1 Deployment",
                        "batch/v1 Job",
                        "v1 Service",
                        "v1 PersistentVolumeClaim",
                        "autoscaling/v2 HorizontalPodAutoscaler",
                        "networking.k8s.io/v1 NetworkPolicy",
                        "snapshot.storage.k8s.io/v1 VolumeSnapshot",
                        "kustomize.config.k8s.io/v1beta1 Kustomization",
                        "argoproj.io/v1alpha1 Application",
                        "argoproj.io/v1alpha1 ApplicationSet",
                        "argoproj.io/v1alpha1 AppProject",
                        "kustomize.toolkit.fluxcd.io/v1 Kustomization",
                        "source.toolkit.fluxcd.io/v1 GitRepository",
                        "inference.networking.k8s.io/v1 InferencePool",
                        "gateway.networking.k8s.io/v1 HTTPRoute",
                        "keda.sh/v1alpha1 ScaledObject",
                        "keda.sh/v1alpha1 TriggerAuthentication");
        assertThat(library.kinds()).hasSizeGreaterThan(300);
    }

    /** The catalog's kinds are not walked when it loads (that would read all of it), so this checks them. */
    @Test
    void everyKindInTheCatalog_compiles_withEveryReferenceResolved() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        SchemaCatalog.load(library);
        KindSchemas schemas = KindSchemas.of(library);

        assertThat(library.kinds().keySet())
                .allSatisfy(kind ->
                        assertThat(schemas.schemaFor(kind)).as(kind.toString()).isNotNull());
    }

    @Test
    void catalog_keepsStructureOnly_noDescriptionsOrDefaults() throws IOException {
        for (String file : SchemaCatalog.files()) {
            JsonNode document =
                    JSON.readTree(SharedSchemas.CATALOG.resolve(file).toFile());
            // JSONSchemaProps has properties named description and x-kubernetes-validations, whose
            // schemas are objects; a description or a CEL rule list would be a string or an array.
            for (String dropped : List.of("description", "default", "x-kubernetes-validations")) {
                assertThat(document.findValues(dropped))
                        .as(file + ": " + dropped)
                        .allSatisfy(value -> assertThat(value.has("type") || value.has("$ref"))
                                .isTrue());
            }
        }
    }

    @Test
    void builderWithNoSource_usesTheCatalog() throws IOException {
        ManifestValidator validator = ManifestValidator.builder().build();

        assertThat(validator.hasSchema("apps/v1", "Deployment")).isTrue();
        assertThat(validator.hasSchema("keda.sh/v1alpha1", "ScaledObject")).isTrue();
        assertThat(validator.validateYaml("d.yaml", Manifests.deployment("          gpus: 1\n")))
                .extracting(Violation::message)
                .containsExactly("unknown field 'gpus'");
    }

    @Test
    void catalogUnderAUsersCrd_keepsTheBuiltInKinds_andAddsTheUsersOwn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("widget.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec: {type: object, properties: {size: {type: integer}}}
                """);

        ManifestValidator onlyTheCrd = ManifestValidator.builder().crds(dir).build();
        ManifestValidator both = ManifestValidator.builder().catalog().crds(dir).build();

        assertThat(onlyTheCrd.hasSchema("apps/v1", "Deployment")).isFalse();
        assertThat(both.hasSchema("apps/v1", "Deployment")).isTrue();
        assertThat(both.validateYaml(
                        "w.yaml",
                        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n" + "spec: {size: big}\n"))
                .extracting(Violation::path, Violation::message)
                .containsExactly(org.assertj.core.api.Assertions.tuple("/spec/size", "expected integer, got string"));
    }

    /** The test that tells when someone changed a source and forgot to run the tool. */
    @Test
    void catalog_isCurrentWithItsSources() throws IOException {
        Path sources = sources();

        Map<String, String> expected = SchemaCatalogTool.render(sources);

        assertThat(catalogFiles())
                .as("the schema catalog is stale; run: mvn -B -ntp -pl validator compile exec:java@schema-catalog")
                .isEqualTo(expected);
    }

    /** Stripping must not change validation: each kind compiles to the same JSON Schema either way. */
    @Test
    void everyKind_convertsToTheSameJsonSchema_fromTheCatalogAsFromItsSource() throws IOException {
        Path sources = sources();
        SchemaLibrary fromSources = new SchemaLibrary();
        for (Path file : SourceFiles.expand(List.of(sources.resolve("kubernetes-openapi")), ".json")) {
            OpenApiDocuments.load(file, fromSources);
        }
        for (Path file : SourceFiles.expand(List.of(sources.resolve("crds")), ".yaml")) {
            CustomResourceDefinitions.load(file, fromSources);
        }
        SchemaLibrary fromCatalog = new SchemaLibrary();
        SchemaCatalog.load(fromCatalog);
        KindSchemas original = KindSchemas.of(fromSources);
        KindSchemas stripped = KindSchemas.of(fromCatalog);

        assertThat(fromCatalog.kinds()).isEqualTo(fromSources.kinds());
        for (String root : fromSources.kinds().values()) {
            assertThat(stripped.document(root)).as(root).isEqualTo(original.document(root));
        }
    }

    @Test
    void tool_writesTheCatalog_andRemovesFilesOfSourcesThatAreGone(@TempDir Path dir) throws IOException {
        Path sources = dir.resolve("sources");
        Files.createDirectories(sources.resolve("kubernetes-openapi"));
        Files.createDirectories(sources.resolve("crds"));
        Files.writeString(sources.resolve("kubernetes-openapi/tiny.json"), """
                {"swagger": "2.0", "definitions": {
                  "b.v1.Thing": {"description": "a thing", "type": "object", "required": ["spec"],
                    "properties": {"spec": {"type": "string", "description": "text", "default": "x"}},
                    "x-kubernetes-group-version-kind": [{"group": "b", "version": "v1", "kind": "Thing"}]},
                  "a.v1.Other": {"type": "string", "format": "int-or-string"}}}
                """);
        Path catalog = dir.resolve("catalog");
        Files.createDirectories(catalog.resolve("crds"));
        Files.writeString(catalog.resolve("crds/removed.json"), "{}");

        SchemaCatalogTool.main(new String[] {sources.toString(), catalog.toString()});

        assertThat(Files.readString(catalog.resolve("kubernetes-openapi/tiny.json")))
                .isEqualTo("""
                        {"swagger":"2.0","definitions":{
                        "a.v1.Other":{"type":"string","format":"int-or-string"},
                        "b.v1.Thing":{"type":"object","required":["spec"],"properties":{"spec":{"type":"string"}},\
                        "x-kubernetes-group-version-kind":[{"group":"b","version":"v1","kind":"Thing"}]}
                        }}
                        """);
        assertThat(catalog.resolve("crds/removed.json")).doesNotExist();
        assertThat(Files.readString(catalog.resolve("index.txt"))).contains("\nkubernetes-openapi/tiny.json ");
    }

    /** The catalog's sources, ../shared as the parent pom sets it; the test says so when they are absent. */
    private static Path sources() {
        String configured = System.getProperty("kubeai.schema.sources", "");
        Path dir = configured.isBlank() ? Path.of("../../shared") : Path.of(configured);
        assumeTrue(
                Files.isDirectory(dir.resolve("kubernetes-openapi")),
                "skipped: the catalog's sources (" + dir.toAbsolutePath().normalize()
                        + ") are not here; set -Dkubeai.schema.sources to check the catalog against them");
        return dir;
    }

    private static Map<String, String> catalogFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SharedSchemas.CATALOG)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(SharedSchemas.CATALOG.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }
}
