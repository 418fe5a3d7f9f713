package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;

/** Builds diagnostics from positions. */
public final class Diagnostics {
    private Diagnostics() {}

    public static Diagnostic error(SourcePosition at, String message) {
        return new Diagnostic(Diagnostic.Severity.ERROR, at.file(), at.line(), at.column(), message);
    }

    public static Diagnostic warning(SourcePosition at, String message) {
        return new Diagnostic(Diagnostic.Severity.WARNING, at.file(), at.line(), at.column(), message);
    }
}
