package io.kubeai.gitops.adaptersync.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code adapters.json}. Strict about what the sidecar relies on (names become directory names and
 * served names), lenient about the rest: unknown fields are ignored so that a newer generator does not break
 * an older sidecar.
 */
public final class ConfigReader {

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit: safe as a directory name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigReader() {}

    public static DesiredAdapters parse(byte[] json) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        } catch (java.io.IOException e) {
            throw new ConfigException(List.of("cannot read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of("expected a JSON object with 'model' and 'adapters'"));
        }
        List<String> problems = new ArrayList<>();
        String model = text(root, "model", "model", problems);
        if (model != null && !NAME.matcher(model).matches()) {
            problems.add("model: '" + model + "' is not a valid Model name");
        }
        List<AdapterSpec> adapters = new ArrayList<>();
        JsonNode list = root.get("adapters");
        if (list != null && !list.isNull() && !list.isArray()) {
            problems.add("adapters: expected a list");
        } else if (list != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                AdapterSpec spec = adapter(list.get(i), "adapters[" + i + "]", problems);
                if (spec != null && !seen.add(spec.name())) {
                    problems.add("adapters[" + i + "].name: '" + spec.name() + "' appears more than once");
                } else if (spec != null) {
                    adapters.add(spec);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        adapters.sort(Comparator.comparing(AdapterSpec::name));
        return new DesiredAdapters(model, adapters);
    }

    private static AdapterSpec adapter(JsonNode node, String where, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(where + ": expected an object with 'name' and 'url'");
            return null;
        }
        int before = problems.size();
        String name = text(node, "name", where + ".name", problems);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(
                    where + ".name: '" + name
                            + "' is not a valid adapter name: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        String url = text(node, "url", where + ".url", problems);
        JsonNode cache = node.get("cachePath");
        String cachePath = null;
        if (cache != null && !cache.isNull()) {
            if (!cache.isTextual()) {
                problems.add(where + ".cachePath: expected a string");
            } else if (!cache.asText().isBlank()) {
                cachePath = cache.asText();
            }
        }
        return problems.size() == before ? new AdapterSpec(name, url, cachePath) : null;
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(where + ": missing");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(where + ": expected a non-empty string");
            return null;
        }
        return value.asText();
    }
}
