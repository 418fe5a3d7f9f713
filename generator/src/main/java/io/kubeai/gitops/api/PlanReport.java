package io.kubeai.gitops.api;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.review.TreeChanges;
import java.util.List;
import java.util.Objects;

/**
 * What merging a change to the specs would do to the cluster, for a reviewer: Models added, removed and
 * changed (image, args, env, adapters, cache, model source, replicas, resources), loader Jobs that will run,
 * cache entries left behind, volumes created and deleted. Made by {@link Generator#plan}; when the specs
 * have errors it holds only them.
 */
public final class PlanReport {
    private final GenerateResult rendering;
    private final TreeChanges changes;

    PlanReport(GenerateResult rendering, TreeChanges changes) {
        this.rendering = Objects.requireNonNull(rendering, "rendering");
        this.changes = rendering.hasErrors() ? TreeChanges.none() : Objects.requireNonNull(changes, "changes");
    }

    /** The rendering of the specs: its diagnostics (spec errors and warnings) and notes (template overrides). */
    public GenerateResult rendering() {
        return rendering;
    }

    /** Every error and warning in the specs, in file order. */
    public List<Diagnostic> diagnostics() {
        return rendering.diagnostics();
    }

    /** True when the specs have errors: then nothing was compared and {@link #hasChanges()} is false. */
    public boolean hasErrors() {
        return rendering.hasErrors();
    }

    /** True when applying the new rendering would change at least one object in the cluster. */
    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** True when a PersistentVolumeClaim or VolumeSnapshot is no longer rendered: pruning it loses data. */
    public boolean deletesVolumes() {
        return changes.deletesVolumes();
    }

    /** The report as plain text, for a terminal or a CI log. */
    public String toText() {
        return changes.text(diagnostics());
    }

    /** The report as GitHub/GitLab Markdown, for a pull-request comment or a job summary. */
    public String toMarkdown() {
        return changes.markdown(diagnostics());
    }

    @Override
    public String toString() {
        return toText();
    }
}
