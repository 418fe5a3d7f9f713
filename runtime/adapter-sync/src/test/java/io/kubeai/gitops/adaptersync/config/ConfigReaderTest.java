package io.kubeai.gitops.adaptersync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    private static DesiredAdapters parse(String json) throws ConfigException {
        return ConfigReader.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void generatorShape_isRead_sortedByName() throws ConfigException {
        DesiredAdapters d = parse("{\"model\":\"llama\",\"adapters\":["
                + "{\"name\":\"zeta\",\"url\":\"s3://b/zeta\"},"
                + "{\"name\":\"alpha\",\"url\":\"hf://org/alpha\",\"cachePath\":\"/models/cache/alpha\"}]}");

        assertThat(d.model()).isEqualTo("llama");
        assertThat(d.adapters())
                .containsExactly(
                        new AdapterSpec("alpha", "hf://org/alpha", "/models/cache/alpha"),
                        new AdapterSpec("zeta", "s3://b/zeta", null));
        assertThat(d.adapters().get(0).servedName("llama")).isEqualTo("llama_alpha");
    }

    @Test
    void noAdapters_isAnEmptyList() throws ConfigException {
        assertThat(parse("{\"model\":\"llama\",\"adapters\":[]}").adapters()).isEmpty();
        assertThat(parse("{\"model\":\"llama\"}").adapters()).isEmpty();
    }

    @Test
    void unknownFields_areIgnored() throws ConfigException {
        DesiredAdapters d =
                parse("{\"model\":\"m\",\"future\":1,\"adapters\":[{\"name\":\"a\",\"url\":\"/x\",\"sha\":\"1\"}]}");
        assertThat(d.adapters()).containsExactly(new AdapterSpec("a", "/x", null));
    }

    @Test
    void truncatedFile_isRejectedWithWhereItBroke() {
        assertThatThrownBy(() -> parse("{\"model\":\"llama\",\"adapters\":[{\"name\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void everyProblem_isReportedInOneRead() {
        assertThatThrownBy(() -> parse("{\"adapters\":[{\"name\":\"../etc\",\"url\":\"/x\"},{\"name\":\"b\"},"
                        + "{\"name\":\"c\",\"url\":\"/c\"},{\"name\":\"c\",\"url\":\"/d\"},7]}"))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "model: missing",
                                        "adapters[0].name: '../etc' is not a valid adapter name: use letters, digits, '.', '_' and '-', starting with a letter or digit",
                                        "adapters[1].url: missing",
                                        "adapters[3].name: 'c' appears more than once",
                                        "adapters[4]: expected an object with 'name' and 'url'"));
    }

    @Test
    void notAnObject_isRejected() {
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> parse("")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"adapters\":{}}"))
                .hasMessageContaining("adapters: expected a list");
    }

    @Test
    void blankCachePath_meansNone() throws ConfigException {
        assertThat(parse("{\"model\":\"m\",\"adapters\":[{\"name\":\"a\",\"url\":\"/x\",\"cachePath\":\"\"}]}")
                        .adapters())
                .isEqualTo(List.of(new AdapterSpec("a", "/x", null)));
    }
}
