package io.kubeai.gitops.api;

import java.io.IOException;

/** The entry point the Maven plugin, the CLI and the runtime programs call. */
public final class Generator {

    /**
     * Reads the repo, checks it, renders it and (unless {@code request.check()}) replaces the output tree.
     * Mistakes in the input come back as diagnostics; only I/O failures and bugs throw.
     */
    public GenerateResult generate(GenerateRequest request) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
