package io.kubeai.gitops.spec;

/** Where a value stands in a file; line and column are 1-based, 0 when unknown. */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }
}
