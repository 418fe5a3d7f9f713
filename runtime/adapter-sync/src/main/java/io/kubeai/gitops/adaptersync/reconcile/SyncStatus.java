package io.kubeai.gitops.adaptersync.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot published after every reconcile pass.
 *
 * @param model           the Model's name, or {@code null} before a config was read
 * @param ready           what {@code /readyz} answers
 * @param notReadyReason  one line saying why not, when not ready
 * @param engineReachable whether the last {@code GET /v1/models} succeeded
 * @param engineError     why it did not
 * @param configError     why the config file is not (or no longer) usable; the last good config stays in force
 * @param configLoadedAt  when the config in force was read
 * @param adapters        every wanted adapter, sorted by name
 * @param lastPassAt      when the last reconcile pass finished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncStatus(
        String model,
        boolean ready,
        String notReadyReason,
        boolean engineReachable,
        String engineError,
        String configError,
        Instant configLoadedAt,
        List<AdapterStatus> adapters,
        Instant lastPassAt) {

    public SyncStatus {
        adapters = List.copyOf(adapters);
    }

    static SyncStatus initial() {
        return new SyncStatus(null, false, "starting", false, null, null, null, List.of(), null);
    }

    /** The status of one adapter, or {@code null}. */
    public AdapterStatus adapter(String name) {
        return adapters.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
