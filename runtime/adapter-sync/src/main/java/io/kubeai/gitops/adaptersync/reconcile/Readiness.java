package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.DesiredAdapters;
import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides readiness and builds the published {@link SyncStatus}. Ready needs a config and a reachable
 * engine: the base model serves whatever its adapters do. A failing adapter never holds readiness (it is
 * reported in the status, the log and an Event, and retried); adapters still downloading hold it only
 * while a new pod starts, and at most for the initial wait, so a new replica takes traffic with its
 * adapters when they are coming, and without them when they are not. A later addition does not take
 * readiness away (every replica sees the ConfigMap at once). Losing the engine or its adapters (a restart)
 * starts the wait afresh. Strict readiness instead requires every wanted adapter loaded, always.
 */
final class Readiness {

    private final boolean strict;
    private final Duration initialWait;
    private boolean latched;
    private Instant waitingSince;
    private boolean wasReady;

    Readiness(boolean strict, Duration initialWait) {
        this.strict = strict;
        this.initialWait = initialWait;
    }

    /** The engine went away or lost adapters: readiness must be earned again. */
    void reset() {
        latched = false;
        waitingSince = null;
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
        boolean serving = desired != null && engineUp;
        if (serving && waitingSince == null) {
            waitingSince = now;
        }
        boolean nothingComing = serving
                && pending.isEmpty()
                && tracked.size() == desired.adapters().size();
        boolean waitedEnough = waitingSince != null && !now.isBefore(waitingSince.plus(initialWait));
        latched |= serving && (nothingComing || waitedEnough);
        boolean ready = serving && (strict ? allLoaded : latched);
        String why = null;
        if (desired == null) {
            why = "no config yet" + (configError == null ? "" : ": " + configError);
        } else if (!engineUp) {
            why = "engine not reachable" + (engineError == null ? "" : ": " + engineError);
        } else if (!ready) {
            why = "adapters not loaded yet: pending " + pending + ", failing " + failing;
        }
        if (ready != wasReady) {
            Log.info(
                    ready ? "ready" : "not ready",
                    "reason",
                    ready
                            ? (allLoaded
                                    ? "all wanted adapters loaded"
                                    : "serving the base model; pending " + pending + ", failing " + failing)
                            : why);
            wasReady = ready;
        }
        return new SyncStatus(
                model, ready, ready ? null : why, engineUp, engineError, configError, configLoadedAt, adapters, now);
    }
}
