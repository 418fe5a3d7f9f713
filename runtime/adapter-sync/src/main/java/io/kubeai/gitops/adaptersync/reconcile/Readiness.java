package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.DesiredAdapters;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides readiness and builds the published {@link SyncStatus}. Ready needs a config, a reachable engine
 * and every wanted adapter loaded. Once that has held, a later addition does not take readiness away
 * (every replica sees the ConfigMap at once; all going unready would take the base model down) unless
 * readiness is strict; losing the engine or its adapters (a restart) requires it afresh.
 */
final class Readiness {

    private final boolean strict;
    private boolean latched;
    private boolean wasReady;

    Readiness(boolean strict) {
        this.strict = strict;
    }

    /** The engine went away or lost adapters: readiness must be earned again. */
    void reset() {
        latched = false;
    }

    SyncStatus evaluate(
            DesiredAdapters desired,
            Collection<Tracked> tracked,
            boolean engineUp,
            String engineError,
            String configError,
            Instant configLoadedAt,
            Instant now) {
        String model = desired == null ? null : desired.model();
        List<AdapterStatus> adapters = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (Tracked t : tracked) {
            adapters.add(t.status(model));
            if (t.state == State.PENDING) {
                pending.add(t.spec.name());
            } else if (t.state == State.FAILING) {
                failing.add(t.spec.name());
            }
        }
        boolean allLoaded = desired != null
                && engineUp
                && pending.isEmpty()
                && failing.isEmpty()
                && tracked.size() == desired.adapters().size();
        latched |= allLoaded;
        boolean ready = desired != null && engineUp && (allLoaded || (latched && !strict));
        String why = null;
        if (desired == null) {
            why = "no config yet" + (configError == null ? "" : ": " + configError);
        } else if (!engineUp) {
            why = "engine not reachable" + (engineError == null ? "" : ": " + engineError);
        } else if (!allLoaded) {
            why = "adapters not loaded yet: pending " + pending + ", failing " + failing;
        }
        if (ready != wasReady) {
            Log.info(ready ? "ready" : "not ready", "reason", ready ? "all wanted adapters loaded" : why);
            wasReady = ready;
        }
        return new SyncStatus(
                model, ready, ready ? null : why, engineUp, engineError, configError, configLoadedAt, adapters, now);
    }
}
