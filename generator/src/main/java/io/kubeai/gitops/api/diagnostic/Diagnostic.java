package io.kubeai.gitops.api.diagnostic;

/**
 * One problem found in the user's input, located in a file.
 *
 * @param severity whether the problem stops the run
 * @param file     path of the file as the user sees it (relative to the repo where possible)
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param message  what is wrong and what to do about it
 */
public record Diagnostic(Severity severity, String file, int line, int column, String message) {

    /** Control characters are spelled out: one diagnostic is one line, whatever a name holds. */
    public Diagnostic {
        file = Excerpt.escape(file);
        message = Excerpt.escape(message);
    }

    /** How serious a diagnostic is. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /**
     * The compiler-style line: {@code file:line:column: error: message}. A problem with a whole file is
     * placed at its start, 1:1, so that every line has the form tools and CI annotations parse.
     */
    public String format() {
        String where = file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
        return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
