package io.kubeai.gitops.validator;

/**
 * One way in which a document does not match its schema, or could not be checked at all.
 *
 * @param file          the file as the caller named it, or {@code null} for a document validated on its own
 * @param documentIndex 0-based position of the document in its file (the first document is 0)
 * @param line          1-based line of the offending field in the file, or 0 when unknown
 * @param column        1-based column of the offending field, or 0 when unknown
 * @param kind          the document's {@code kind}, or {@code null} when it has none
 * @param name          the document's {@code metadata.name}, or {@code null} when it has none
 * @param path          JSON pointer to the offending value ({@code ""} for the whole document)
 * @param message       what is wrong, e.g. {@code unknown field 'foo'}
 */
public record Violation(
        String file, int documentIndex, int line, int column, String kind, String name, String path, String message) {

    /**
     * One line for people, the parts that are known separated by {@code ": "}:
     * <pre>rendered/llama/deployment.yaml:14:11: Deployment/llama: /spec/template/spec/containers/0/foo: unknown field 'foo'</pre>
     * Line and column appear when the document came from YAML text; the path when it is not the
     * whole document.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line).append(':').append(Math.max(column, 1));
            }
            out.append(": ");
        }
        String subject = subject();
        if (subject != null) {
            out.append(subject).append(": ");
        }
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }

    /** {@code Kind/name}, or just {@code Kind}, or {@code null} when the document has no kind. */
    public String subject() {
        if (kind == null) {
            return null;
        }
        return name == null ? kind : kind + "/" + name;
    }
}
