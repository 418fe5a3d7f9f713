package io.kubeai.gitops.hook.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ModelFileTest {

    static final String MODEL = """
            kind: Model
            metadata:
              name: llama
            spec:
              url: hf://meta-llama/Llama
              adapters:
              - name: sarcasm
                url: hf://myrepo/sarcastic-lora
            """;

    static EditResult append(String text, String model, String name, String url) throws ModelFileException {
        return ModelFile.parse(text).appendAdapter(model, new Adapter(name, url));
    }

    @Test
    void sameNameAndUrl_isAlreadyPresent() throws Exception {
        assertThat(append(MODEL, "llama", "sarcasm", "hf://myrepo/sarcastic-lora"))
                .isEqualTo(new EditResult.AlreadyPresent(7));
    }

    @Test
    void sameNameOtherUrl_isAConflictNamingTheUrlThere() throws Exception {
        assertThat(append(MODEL, "llama", "sarcasm", "s3://bucket/other"))
                .isEqualTo(new EditResult.Conflict("hf://myrepo/sarcastic-lora", 7));
    }

    @Test
    void otherKindWithTheName_isNotTheModel() throws Exception {
        assertThat(append(MODEL.replace("kind: Model", "kind: FineTuneJob"), "llama", "a", "s3://b"))
                .isInstanceOf(EditResult.ModelNotFound.class);
    }

    @Test
    void documentWithoutMetadataName_neverMatches() throws Exception {
        String anonymous = "kind: Model\nspec:\n  url: hf://x/y\n";
        assertThat(append(anonymous, "", "a", "s3://b")).isInstanceOf(EditResult.ModelNotFound.class);
        assertThat(ModelFile.parse(anonymous).countModels("")).isZero();
    }

    @Test
    void twoDocumentsWithTheName_areCounted() throws Exception {
        assertThat(ModelFile.parse(MODEL + "---\n" + MODEL).countModels("llama"))
                .isEqualTo(2);
    }

    @Test
    void modelWithoutSpec_isRejectedWithItsLine() {
        assertThatThrownBy(() -> append("---\nkind: Model\nmetadata: {name: llama}\n", "llama", "a", "s3://b"))
                .isInstanceOfSatisfying(ModelFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("Model 'llama' has no spec mapping to add adapters to");
                });
    }

    @Test
    void adaptersThatAreNotAList_areRejected() {
        assertThatThrownBy(() ->
                        append(MODEL.replaceAll("(?s)  adapters:.*", "  adapters: {a: b}\n"), "llama", "a", "s3://b"))
                .isInstanceOfSatisfying(ModelFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.getMessage()).isEqualTo("spec.adapters of Model 'llama' is not a list");
                });
    }

    @Test
    void invalidYaml_isReportedWithItsLine() {
        assertThatThrownBy(() -> ModelFile.parse("kind: Model\nspec:\n  url: [unclosed\n"))
                .isInstanceOfSatisfying(ModelFileException.class, e -> {
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).startsWith("invalid YAML: ");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "true",
                "1.5",
                "null",
                "~",
                "#hash",
                "- dash",
                "a: b",
                "key:",
                "x #y",
                "'quoted'",
                "s3://b/dir with space",
                "tab\there",
                "line\nbreak",
                "back\\slash \"q\"",
                "{flow}",
                "ünïcödé 😀",
                " lead"
            })
    void awkwardValues_readBackExactly(String value) throws Exception {
        for (String base : List.of(
                MODEL,
                MODEL.replaceAll("(?s)  adapters:.*", ""),
                MODEL.replaceAll("(?s)  adapters:.*", "  adapters: [{name: a, url: b}]\n"))) {
            EditResult result = append(base, "llama", value, value);
            String text = ((EditResult.Appended) result).text();
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>)
                    new Yaml(new SafeConstructor(new LoaderOptions())).load(new StringReader(text));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> adapters =
                    (List<Map<String, Object>>) ((Map<String, Object>) doc.get("spec")).get("adapters");
            assertThat(adapters.get(adapters.size() - 1)).isEqualTo(Map.of("name", value, "url", value));
        }
    }

    @Test
    void plainUrls_stayPlain() {
        assertThat(ScalarFormatter.format(
                        "s3://bucket/dir/job-1", org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN, false))
                .isEqualTo("s3://bucket/dir/job-1");
        assertThat(ScalarFormatter.format(
                        "hf://org/repo@rev", org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN, true))
                .isEqualTo("hf://org/repo@rev");
        assertThat(ScalarFormatter.format("a,b", org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN, true))
                .isEqualTo("\"a,b\"");
    }
}
