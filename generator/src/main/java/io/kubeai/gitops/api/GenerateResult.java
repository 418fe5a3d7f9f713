package io.kubeai.gitops.api;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.util.List;

/**
 * What a run did, or found wrong.
 *
 * @param diagnostics every error and warning, in file order
 * @param written     output files created or changed (relative to the output folder, '/'-separated)
 * @param deleted     output files removed because nothing renders them any more
 * @param notes       informational lines, such as which user template overrode a built-in one
 */
public record GenerateResult(
        List<Diagnostic> diagnostics, List<String> written, List<String> deleted, List<String> notes) {

    public GenerateResult {
        diagnostics = List.copyOf(diagnostics);
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
        notes = List.copyOf(notes);
    }

    /** True when the input had at least one error; then nothing was written. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when the output folder already held exactly what the specs render. */
    public boolean upToDate() {
        return !hasErrors() && written.isEmpty() && deleted.isEmpty();
    }
}
