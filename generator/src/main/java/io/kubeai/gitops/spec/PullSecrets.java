package io.kubeai.gitops.spec;

import io.kubeai.gitops.wording.ConfigHints;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code imagePullSecrets}: Kubernetes' (and KubeAI's Helm) {@code [{name: regcred}]}, or plain names. */
final class PullSecrets {
    private PullSecrets() {}

    static List<String> read(Fields fields, String name) {
        List<String> result = new ArrayList<>();
        for (Fields.Item item : fields.items(name)) {
            if (item.node().isObject()) {
                Fields reference = fields.item(item);
                reference
                        .string("name")
                        .ifPresentOrElse(
                                result::add,
                                () -> reference.error(item.pointer(), ConfigHints.pullSecretWithoutName()));
                reference.finish();
            } else if (!item.node().isContainerNode()) {
                result.add(item.node().asText());
            } else {
                fields.error(item.pointer(), ConfigHints.pullSecretItem(name));
            }
        }
        return result;
    }
}
