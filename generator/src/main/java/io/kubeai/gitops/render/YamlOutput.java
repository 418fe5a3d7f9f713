package io.kubeai.gitops.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Canonical YAML: the same object always gives the same bytes. Two-space indent, list items indented
 * under their key, no document marker, no line folding, '\n' line ends, map keys sorted (fabric8 fixes
 * the order of typed fields).
 */
public final class YamlOutput {
    private static final ObjectMapper MAPPER = createMapper();

    private YamlOutput() {}

    private static ObjectMapper createMapper() {
        DumperOptions dumper = new DumperOptions();
        dumper.setSplitLines(false);
        dumper.setWidth(Integer.MAX_VALUE);
        dumper.setLineBreak(DumperOptions.LineBreak.UNIX);
        YAMLFactory factory = YAMLFactory.builder()
                .dumperOptions(dumper)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build();
        return new ObjectMapper(factory)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** The mapper that binds template output to fabric8 types and writes YAML. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        return write((Object) node);
    }
}
