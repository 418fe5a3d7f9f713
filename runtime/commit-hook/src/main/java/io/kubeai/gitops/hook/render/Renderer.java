package io.kubeai.gitops.hook.render;

import java.io.IOException;
import java.nio.file.Path;

/** Re-renders the output tree of a GitOps repo after its Model files changed. */
@FunctionalInterface
public interface Renderer {

    /**
     * Renders {@code gitopsDir}'s specs into its output folder, replacing what was there. Mistakes in
     * the specs come back in the result; only I/O failures and bugs throw.
     */
    Rendering render(Path gitopsDir) throws IOException;
}
