package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class YamlStreamTest {

    @Test
    void plainScalars_areTypedAsTheKubernetesDecoderTypesThem() {
        JsonNode content = single("""
                yes: yes
                on: On
                quoted: "yes"
                octal: 0644
                hex: 0x1F
                underscores: 1_000
                float: 1.5
                exponent: 1e3
                tilde: ~
                empty:
                date: 2024-01-01
                sexagesimal: 1:30
                big: 123456789012
                """);

        assertThat(content.get("yes").isBoolean()).isTrue();
        assertThat(content.get("on").asBoolean()).isTrue();
        assertThat(content.get("quoted").isTextual()).isTrue();
        assertThat(content.get("octal").asInt()).isEqualTo(420);
        assertThat(content.get("hex").asInt()).isEqualTo(31);
        assertThat(content.get("underscores").asInt()).isEqualTo(1000);
        assertThat(content.get("float").isFloatingPointNumber()).isTrue();
        assertThat(content.get("exponent").isNumber()).isTrue();
        assertThat(content.get("tilde").isNull()).isTrue();
        assertThat(content.get("empty").isNull()).isTrue();
        assertThat(content.get("date").asText()).isEqualTo("2024-01-01");
        assertThat(content.get("sexagesimal").asText()).isEqualTo("1:30");
        assertThat(content.get("big").asLong()).isEqualTo(123456789012L);
    }

    @Test
    void mergeKey_mergesTheAnchoredMapping_ownKeysWin() {
        JsonNode content = single("""
                base: &base {a: 1, b: 2}
                derived:
                  <<: *base
                  b: 3
                """);

        assertThat(content.get("derived").toString()).isEqualTo("{\"b\":3,\"a\":1}");
    }

    @Test
    void duplicateKey_isAProblem_andTheLastValueWins() {
        YamlStream.Result result = YamlStream.read("a:\n  b: 1\n  b: 2\n");
        YamlDocument document = result.documents().get(0);

        assertThat(document.problems()).containsExactly(new Finding("/a/b", "duplicate key 'b'"));
        assertThat(document.content().path("a").path("b").asInt()).isEqualTo(2);
        assertThat(document.locate("/a/b")).isEqualTo(new YamlDocument.Position(3, 3));
    }

    @Test
    void locate_findsKeysAndItems_andFallsBackToTheNearestNode() {
        YamlDocument document = YamlStream.read("""
                spec:
                  containers:
                    - name: a
                    - name: b
                      image: x
                """).documents().get(0);

        assertThat(document.locate("")).isEqualTo(new YamlDocument.Position(1, 1));
        assertThat(document.locate("/spec/containers/1/image")).isEqualTo(new YamlDocument.Position(5, 7));
        assertThat(document.locate("/spec/containers/1")).isEqualTo(new YamlDocument.Position(4, 7));
        assertThat(document.locate("/spec/containers/1/missing")).isEqualTo(new YamlDocument.Position(4, 7));
    }

    @Test
    void syntaxError_keepsTheDocumentsBeforeIt() {
        YamlStream.Result result = YamlStream.read("a: 1\n---\nb: [\n");

        assertThat(result.documents()).hasSize(1);
        assertThat(result.error().documentIndex()).isEqualTo(1);
        assertThat(result.error().message()).startsWith("invalid YAML:");
        assertThat(result.error().position().line()).isGreaterThan(0);
    }

    private static JsonNode single(String yaml) {
        YamlStream.Result result = YamlStream.read(yaml);
        assertThat(result.error()).isNull();
        return result.documents().get(0).content();
    }
}
