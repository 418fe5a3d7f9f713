package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindSchemasTest {
    private static final String JSON_SCHEMA_PROPS =
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps";

    @Test
    void recursiveDefinition_isEmittedOnceAndReferredTo_notInlined() throws IOException {
        KindSchemas schemas = KindSchemas.of(kubernetes());
        JsonNode document =
                schemas.document("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition");

        JsonNode props = document.path("definitions").path(JSON_SCHEMA_PROPS);
        assertThat(props.path("properties").path("items").path("$ref").asText())
                .isEqualTo("#/definitions/" + JSON_SCHEMA_PROPS + "OrArray");
        assertThat(props.path("properties")
                        .path("allOf")
                        .path("items")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/definitions/" + JSON_SCHEMA_PROPS);
        assertThat(document.path("definitions").has("io.k8s.api.apps.v1.Deployment"))
                .isFalse();
    }

    /** The converter's output must be a valid JSON Schema for every kind, not only the ones rendered. */
    @Test
    void everyKindInTheSharedSchemas_compiles() throws IOException {
        SchemaLibrary library = kubernetes();
        for (Path crd : SourceFiles.expand(List.of(SharedSchemas.crds()), ".yaml", ".yml", ".json")) {
            CustomResourceDefinitions.load(crd, library);
        }
        KindSchemas schemas = KindSchemas.of(library);

        assertThat(library.kinds().keySet())
                .hasSizeGreaterThan(300)
                .allSatisfy(kind ->
                        assertThat(schemas.schemaFor(kind)).as(kind.toString()).isNotNull());
    }

    @Test
    void compiledSchema_isBuiltOncePerKind() throws IOException {
        KindSchemas schemas = KindSchemas.of(kubernetes());
        GroupVersionKind deployment = new GroupVersionKind("apps", "v1", "Deployment");

        assertThat(schemas.schemaFor(deployment)).isSameAs(schemas.schemaFor(deployment));
        assertThat(schemas.schemaFor(new GroupVersionKind("apps", "v1", "Nope")))
                .isNull();
    }

    @Test
    void referenceThatNoDocumentDefines_failsTheBuild_namingWhatIsMissing() {
        assertThatThrownBy(() -> ManifestValidator.builder()
                        .openApi(SharedSchemas.openApi("kustomize.json"))
                        .build())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no schema document given defines '" + SchemaLibrary.OBJECT_META + "'")
                .hasMessageContaining("kustomize.config.k8s.io/v1beta1 Kustomization")
                .hasMessageContaining("the Kubernetes OpenAPI document");
    }

    @Test
    void notAnOpenApiDocument_failsTheBuild() {
        assertThatThrownBy(() -> ManifestValidator.builder()
                        .openApi(SharedSchemas.crd("argoproj.io_appproject-crd"))
                        .build())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an OpenAPI document");
    }

    @Test
    void brokenJson_failsTheBuild_namingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"definitions\": {,\n");

        assertThatThrownBy(() -> ManifestValidator.builder().openApi(broken).build())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(broken + ":2: invalid JSON: ");
    }

    private static SchemaLibrary kubernetes() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        OpenApiDocuments.load(SharedSchemas.openApi("kubernetes-1.35.0.json"), library);
        return library;
    }
}
