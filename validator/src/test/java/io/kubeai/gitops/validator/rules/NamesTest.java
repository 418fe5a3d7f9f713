package io.kubeai.gitops.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The apimachinery formats, each with names it takes and names it refuses (one case a row). */
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "llama-3-8b", "0model", "models.kubeai.org", "a.b.c-d"})
    void dns1123Subdomain_accepts(String name) {
        assertThat(Names.dns1123Subdomain(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Llama", "-llama", "llama-", "llama_3", "llama..3", "", "a b"})
    void dns1123Subdomain_refuses(String name) {
        assertThat(Names.dns1123Subdomain(name)).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"llama, true", "llama.v1, false", "L, false", "9llama, true"})
    void dns1123Label_refusesDotsAndCapitals(String name, boolean valid) {
        assertThat(Names.dns1123Label(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"llama, true", "llama-3, true", "3llama, false", "llama.svc, false"})
    void dns1035Label_mustStartWithALetter(String name, boolean valid) {
        assertThat(Names.dns1035Label(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "app.kubernetes.io/name, true",
        "kubeai.org/cache-size, true",
        "Team_Name, true",
        "/name, false",
        "a/b/c, false",
        "Example.com/name, false",
        "-name, false",
        "name-, false"
    })
    void qualifiedName_isAnOptionalSubdomainPrefixAndAName(String key, boolean valid) {
        assertThat(Names.qualifiedName(key).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"'', true", "v1.2_3-a, true", "-v1, false", "v1., false", "a b, false"})
    void labelValue_mayBeEmpty_butNotStartOrEndWithPunctuation(String value, boolean valid) {
        assertThat(Names.labelValue(value).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"config.json, true", "A-b_c.d, true", "., false", "'..', false", "..data, false", "a/b, false"})
    void configMapKey(String key, boolean valid) {
        assertThat(Names.configMapKey(key).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "http, true",
        "metrics-9090, true",
        "http--alt, false",
        "-http, false",
        "http-, false",
        "8080, false",
        "HTTP, false",
        "adapter-sync-http, false"
    })
    void ianaServiceName_forPortNames(String name, boolean valid) {
        assertThat(Names.ianaServiceName(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"HF_TOKEN, true", "Logging:LogLevel:Default, true", "1ST, true", "'', false", "A=B, false"})
    void envVarName_isPrintableAsciiButEquals(String name, boolean valid) {
        assertThat(Names.envVarName(name).isEmpty()).isEqualTo(valid);
    }

    @org.junit.jupiter.api.Test
    void envVarName_refusesControlCharacters() {
        assertThat(Names.envVarName("A\tB")).isNotEmpty();
        assertThat(Names.envVarName("MODÈLE")).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void lengthLimits_areTheApiServers() {
        assertThat(Names.dns1123Label("a".repeat(63))).isEmpty();
        assertThat(Names.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(Names.dns1123Subdomain("a".repeat(253))).isEmpty();
        assertThat(Names.dns1123Subdomain("a".repeat(254))).containsExactly("must be no more than 253 characters");
        assertThat(Names.labelValue("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(Names.qualifiedName("example.com/" + "a".repeat(64)))
                .containsExactly("name part must be no more than 63 characters");
    }
}
