package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaConverterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void objectWithProperties_rejectsUnknownMembers() {
        JsonNode converted = convert("{'type': 'object', 'properties': {'a': {'type': 'string'}}}");

        assertThat(converted.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void objectThatPreservesUnknownFields_acceptsThem() {
        JsonNode converted = convert("{'type': 'object', 'x-kubernetes-preserve-unknown-fields': true,"
                + " 'properties': {'a': {'type': 'string'}}}");

        assertThat(converted.has("additionalProperties")).isFalse();
        assertThat(converted.path("properties").has("a")).isTrue();
    }

    @Test
    void map_keepsItsValueSchema() {
        JsonNode converted = convert("{'type': 'object', 'additionalProperties': {'type': 'string'}}");

        assertThat(converted.get("additionalProperties")).isEqualTo(json("{'type': 'string'}"));
    }

    @Test
    void propertiesNamedLikeKeywords_areConvertedAsProperties() {
        JsonNode converted = convert("{'type': 'object', 'description': 'd', 'properties': {"
                + "'$ref': {'type': 'string', 'description': 'a property called $ref'},"
                + "'description': {'type': 'string'}}}");

        assertThat(converted.get("properties"))
                .isEqualTo(json("{'$ref': {'type': 'string'}," + " 'description': {'type': 'string'}}"));
        assertThat(converted.has("description")).isFalse();
        assertThat(converted.has("$ref")).isFalse();
    }

    @Test
    void reference_pointsIntoTheDefinitionsSection_andIsRecorded() {
        SchemaConverter.Converted converted = new SchemaConverter(true)
                .convert(definition(
                        "Pod",
                        "{'properties': {'spec': {'$ref': '#/definitions/io.k8s.api.core.v1.PodSpec', 'description': 'x'},"
                                + " 'kustomize': {'$ref': '#/components/schemas/Kustomization'}}}",
                        false));

        assertThat(converted.schema().path("properties").get("spec"))
                .isEqualTo(json("{'$ref': '#/definitions/io.k8s.api.core.v1.PodSpec'}"));
        assertThat(converted.references()).containsExactly("io.k8s.api.core.v1.PodSpec", "Kustomization");
    }

    @Test
    void intOrString_inBothSpellings_becomesIntegerOrString() {
        JsonNode swagger = convert("{'type': 'string', 'format': 'int-or-string'}");
        JsonNode crd = convert("{'anyOf': [{'type': 'integer'}, {'type': 'string'}],"
                + " 'x-kubernetes-int-or-string': true, 'pattern': '^[0-9]+$'}");

        assertThat(swagger).isEqualTo(json("{'type': ['integer', 'string']}"));
        assertThat(crd).isEqualTo(json("{'type': ['integer', 'string'], 'pattern': '^[0-9]+$'}"));
    }

    @Test
    void quantity_isAStringOrANumber() {
        SchemaConverter.Converted converted = new SchemaConverter(true)
                .convert(definition(
                        SchemaConverter.QUANTITY, "{'type': 'string', 'description': 'a fixed-point number'}", false));

        assertThat(converted.schema()).isEqualTo(json("{'type': ['string', 'number']}"));
    }

    @Test
    void nullable_addsNullToTheTypeAndTheEnum() {
        assertThat(convert("{'type': 'string', 'enum': ['a'], 'nullable': true}"))
                .isEqualTo(json("{'type': ['string', 'null'], 'enum': ['a', null]}"));
    }

    @Test
    void combinatorBranches_checkValuesButDoNotCloseTheObject() {
        JsonNode converted = convert("{'type': 'object', 'properties': {'a': {}, 'b': {}},"
                + " 'oneOf': [{'properties': {'a': {'type': 'string'}}}]}");

        assertThat(converted.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(converted.path("oneOf").get(0).has("additionalProperties")).isFalse();
    }

    @Test
    void whatDoesNotValidate_isLeftOut() {
        JsonNode converted = convert("{'type': 'string', 'format': 'date-time', 'default': 'x', 'example': 'y',"
                + " 'x-kubernetes-validations': [{'rule': 'true'}], 'pattern': '(?<bad', 'maxLength': 5}");

        assertThat(converted).isEqualTo(json("{'type': 'string', 'maxLength': 5}"));
    }

    @Test
    void customResourceRoot_getsObjectMetaAndImpliedApiVersionAndKind() {
        SchemaConverter.Converted converted = new SchemaConverter(true)
                .convert(definition(
                        "crd.example.com.v1.W",
                        "{'type': 'object', 'properties': {'metadata': {'type': 'object'}, 'spec': {'type': 'object'}}}",
                        true));

        JsonNode properties = converted.schema().get("properties");
        assertThat(properties.get("metadata"))
                .isEqualTo(json("{'$ref': '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'}"));
        assertThat(properties.get("apiVersion")).isEqualTo(json("{'type': 'string'}"));
        assertThat(properties.get("kind")).isEqualTo(json("{'type': 'string'}"));
        assertThat(converted.references()).contains(SchemaLibrary.OBJECT_META);
    }

    @Test
    void customResourceRoot_withoutTheKubernetesDocument_leavesMetadataOpen() {
        SchemaConverter.Converted converted = new SchemaConverter(false)
                .convert(definition(
                        "crd.example.com.v1.W",
                        "{'type': 'object', 'properties': {'metadata': {'type': 'object', 'properties': {'name': "
                                + "{'type': 'string', 'maxLength': 63}}}}}",
                        true));

        assertThat(converted.schema().path("properties").get("metadata"))
                .isEqualTo(json("{'type': 'object', 'properties': {'name': {'type': 'string', 'maxLength': 63}}}"));
    }

    private static JsonNode convert(String openApi) {
        return new SchemaConverter(true)
                .convert(definition("T", openApi, false))
                .schema();
    }

    private static SchemaLibrary.Definition definition(String name, String openApi, boolean customResource) {
        return new SchemaLibrary.Definition(name, json(openApi), "test", customResource);
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
