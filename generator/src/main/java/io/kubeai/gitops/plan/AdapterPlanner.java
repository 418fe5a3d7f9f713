package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Static adapter loading: puts every adapter at {@code /adapters/<name>} before the server starts (the cache
 * mode says from where) and serves them with the engine's adapter flags. A new adapter changes the pod
 * template and rolls the pods; {@link DynamicAdapters} avoids that.
 */
final class AdapterPlanner {
    static final String MOUNT = "/adapters";

    private final CacheLayout layout;
    private final EngineSetup engine;

    AdapterPlanner(CacheLayout layout, EngineSetup engine) {
        this.layout = layout;
        this.engine = engine;
    }

    PodParts parts(ResolvedModel model) {
        if (model.adapters().isEmpty()) {
            return PodParts.NONE;
        }
        PodParts.Builder parts = PodParts.builder();
        List<String> names = new ArrayList<>();
        for (ResolvedAdapter adapter : model.adapters()) {
            parts.add(layout.staticAdapter(adapter));
            names.add(adapter.name());
        }
        return parts.args(engine.staticAdapterArgs(model.name(), names)).build();
    }
}
