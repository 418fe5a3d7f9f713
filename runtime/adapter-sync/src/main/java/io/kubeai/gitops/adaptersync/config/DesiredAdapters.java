package io.kubeai.gitops.adaptersync.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole {@code adapters.json}: the Model's name and its adapters, sorted by name.
 *
 * @param model    the Model's name ({@code metadata.name}); prefixes every served adapter name
 * @param adapters the wanted adapters, names unique
 */
public record DesiredAdapters(String model, List<AdapterSpec> adapters) {

    public DesiredAdapters {
        Objects.requireNonNull(model, "model");
        adapters = List.copyOf(adapters);
    }

    /** The prefix of every served name this sidecar manages. */
    public String servedPrefix() {
        return model + "_";
    }
}
