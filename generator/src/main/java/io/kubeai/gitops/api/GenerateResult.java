package io.kubeai.gitops.api;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
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

    // The wording below is shared by the CLI and the Maven plugin, so both say the same thing.

    /** One line per file a run wrote or deleted. */
    public List<String> fileLines() {
        return lines("  wrote ", "  deleted ");
    }

    /** One line per file a check found stale. */
    public List<String> staleLines() {
        return lines("  stale: ", "  not rendered any more: ");
    }

    /** The closing line of a run: {@code 3 written, 1 deleted in /repo/rendered}. */
    public String summary(Path outputDir) {
        return (upToDate()
                        ? "up to date, nothing written"
                        : written.size() + " written, " + deleted.size() + " deleted")
                + " in " + outputDir;
    }

    /** The closing line of a check that found the tree stale; {@code command} regenerates it. */
    public static String stale(String tree, String command) {
        return "the rendered tree" + tree + " is stale; run '" + command + "' and commit the result";
    }

    /** {@code 2 errors; nothing was written}: how many errors, and what they stopped. */
    public static String errorCount(List<Diagnostic> diagnostics, String consequence) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return errors + (errors == 1 ? " error" : " errors") + "; " + consequence;
    }

    private List<String> lines(String writtenPrefix, String deletedPrefix) {
        List<String> lines = new ArrayList<>();
        written.forEach(f -> lines.add(writtenPrefix + f));
        deleted.forEach(f -> lines.add(deletedPrefix + f));
        return lines;
    }
}
