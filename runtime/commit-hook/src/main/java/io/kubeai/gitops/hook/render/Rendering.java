package io.kubeai.gitops.hook.render;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a re-render.
 *
 * @param outputDir the folder that was (or would have been) written
 * @param errors    compiler-style error lines; when any, nothing was written
 * @param warnings  compiler-style warning lines, passed on to the user
 */
public record Rendering(Path outputDir, List<String> errors, List<String> warnings) {

    public Rendering {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
