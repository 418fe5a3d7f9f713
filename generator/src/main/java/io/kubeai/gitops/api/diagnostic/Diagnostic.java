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

    /** How serious a diagnostic is. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** The compiler-style line: {@code file:line:column: error: message}. */
    public String format() {
        String where = line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
        return where + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
