package io.kubeai.gitops.adaptersync.reconcile;

import io.kubeai.gitops.adaptersync.config.AdapterSpec;
import io.kubeai.gitops.adaptersync.reconcile.AdapterStatus.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Future;

/** The reconciler's working state for one wanted adapter. Touched only on the reconcile thread. */
final class Tracked {

    AdapterSpec spec;
    State state = State.PENDING;
    String reason = "not reconciled yet";
    /** What a retry of a failing adapter is doing now, or null between retries. */
    String retrying;

    int attempts;
    Instant retryAt;
    Instant wantedAt;
    Instant loadedAt;
    String loadedPath;
    /** The running download, and the id that its completion must quote to be accepted. */
    Future<?> fetch;

    long fetchId;
    /** A verified download waiting in .incoming to be moved into place. */
    Path staged;

    Tracked(AdapterSpec spec, Instant now) {
        this.spec = spec;
        this.wantedAt = now;
    }

    void cancelFetch() {
        if (fetch != null) {
            fetch.cancel(true);
            fetch = null;
        }
        fetchId++;
    }

    void loaded(String path, Instant now) {
        if (state != State.LOADED) {
            loadedAt = now;
        }
        retrying = null;
        state = State.LOADED;
        reason = null;
        attempts = 0;
        retryAt = null;
        loadedPath = path;
    }

    void pending(String why) {
        loadedPath = null;
        if (state == State.FAILING && attempts > 0) {
            // A retry is under way: it stays failing, with the last error, until it succeeds.
            retrying = why;
            return;
        }
        state = State.PENDING;
        reason = why;
    }

    void failed(String why, Instant retry) {
        state = State.FAILING;
        reason = why;
        retrying = null;
        attempts++;
        retryAt = retry;
        loadedPath = null;
    }

    AdapterStatus status(String model) {
        boolean waiting = state == State.FAILING && retrying == null;
        String why =
                state == State.FAILING && retrying != null ? reason + " (retry under way: " + retrying + ")" : reason;
        return new AdapterStatus(
                spec.name(),
                spec.servedName(model),
                spec.url(),
                state,
                why,
                attempts,
                loadedPath,
                waiting ? retryAt : null,
                state == State.LOADED ? loadedAt : null);
    }
}
