package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick check may only say yes where the full JSON Schema validation finds nothing; it says yes
 * for the ordinary valid documents (so it saves work) and no for every broken one.
 */
class QuickCheckTest {
    private static final String CONTAINER_EXTRAS = """
                      ports: [{name: http, containerPort: 8000}]
                      resources: {requests: {cpu: 4, memory: 24Gi}, limits: {cpu: "8"}}
            """;

    @Test
    void validManifests_passQuickly_andTheFullValidationAgrees() throws IOException {
        KindSchemas schemas = schemas();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedSchemas.manifest("valid"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            for (YamlDocument document : YamlStream.read(Files.readString(file)).documents()) {
                JsonNode content = NullMembers.prune(document.content());
                GroupVersionKind kind = file.getFileName().toString().equals("kustomization.yaml")
                        ? GroupVersionKind.of("kustomize.config.k8s.io/v1beta1", "Kustomization")
                        : GroupVersionKind.of(
                                content.path("apiVersion").asText(),
                                content.path("kind").asText());
                assertThat(schemas.quicklyPasses(kind, content))
                        .as(file.toString())
                        .isTrue();
                assertThat(schemas.schemaFor(kind).validate(content))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void everyBrokenVariant_failsTheQuickCheck_andTheFullValidationFindsWhy() throws IOException {
        KindSchemas schemas = schemas();
        GroupVersionKind deployment = GroupVersionKind.of("apps/v1", "Deployment");
        List<String> broken = List.of(
                "          gpus: 1\n", // unknown field
                "          ports: [{name: http, containerPort: http}]\n", // wrong type
                "          ports: [{name: http}]\n", // missing required containerPort
                "          workingDir: {path: /}\n", // an object for a string
                "          resources: {requests: {cpu: true}}\n", // a quantity is a string or a number
                "          terminationMessagePolicy: [File]\n", // an array for a string
                "          env: [{name: A, value: 1}]\n"); // a number for a string

        assertThat(schemas.quicklyPasses(deployment, Manifests.yaml(Manifests.deployment(CONTAINER_EXTRAS))))
                .isTrue();
        for (String extra : broken) {
            JsonNode document = Manifests.yaml(Manifests.deployment(extra));
            assertThat(schemas.quicklyPasses(deployment, document)).as(extra).isFalse();
            assertThat(schemas.schemaFor(deployment).validate(document))
                    .as(extra)
                    .isNotEmpty();
        }
    }

    @Test
    void keywordsItDoesNotModel_sendTheDocumentToTheFullValidation() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        library.define(new SchemaLibrary.Definition(
                "one",
                Manifests.yaml("type: object\nproperties: {a: {type: string}, b: {type: string}}\n"
                        + "oneOf: [{required: [a]}, {required: [b]}]\n"),
                "test",
                false));
        library.bind(GroupVersionKind.of("example.com/v1", "One"), "one");
        KindSchemas schemas = KindSchemas.of(library);

        assertThat(schemas.quicklyPasses(GroupVersionKind.of("example.com/v1", "One"), Manifests.yaml("a: x\n")))
                .isFalse();
    }

    private static KindSchemas schemas() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        SchemaCatalog.load(library);
        return KindSchemas.of(library);
    }
}
