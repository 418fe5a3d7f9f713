package io.kubeai.gitops.hook.edit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The safety net under the text edit: the new file must load as exactly the old data with one more
 * entry in the Model's {@code spec.adapters}. Anything else is a bug, and nothing is written.
 */
final class EditVerifier {

    private EditVerifier() {}

    static void verify(String oldText, String newText, int documentIndex, Adapter adapter, String model) {
        List<Object> expected = load(oldText);
        List<Object> actual;
        try {
            actual = load(newText);
        } catch (YAMLException e) {
            throw new IllegalStateException(
                    "the edited file for Model '" + model + "' is not valid YAML: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        appendExpected(expected.get(documentIndex), adapter);
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the text edit for Model '" + model
                    + "' would change more than its spec.adapters (is the list shared through a YAML anchor?)");
        }
    }

    private static List<Object> load(String text) {
        List<Object> documents = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(new StringReader(text))
                .forEach(documents::add);
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void appendExpected(Object document, Adapter adapter) {
        Map<Object, Object> spec = (Map<Object, Object>) ((Map<Object, Object>) document).get("spec");
        Object adapters = spec.get("adapters");
        List<Object> list = adapters instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        Map<Object, Object> entry = new LinkedHashMap<>();
        entry.put("name", adapter.name());
        entry.put("url", adapter.url());
        list.add(entry);
        spec.put("adapters", list);
    }
}
