package io.kubeai.gitops.adaptersync.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * What one wanted adapter is doing, as shown by {@code GET /status}.
 *
 * @param name        the adapter's name
 * @param servedName  the name clients use: {@code <model>_<adapter>}
 * @param url         its source
 * @param state       loaded, pending (downloading or waiting for the engine) or failing (retrying)
 * @param reason      why it is not loaded, or how it was loaded
 * @param attempts    consecutive failed attempts
 * @param path        the path the engine loads it from, once known
 * @param nextRetryAt when a failing adapter is tried again
 * @param loadedAt    when it was last loaded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdapterStatus(
        String name,
        String servedName,
        String url,
        State state,
        String reason,
        int attempts,
        String path,
        Instant nextRetryAt,
        Instant loadedAt) {

    /** Where an adapter stands. */
    public enum State {
        LOADED,
        PENDING,
        FAILING;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
