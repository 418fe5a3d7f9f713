package io.kubeai.gitops.review;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What applying a rendered tree instead of a committed one would change in the cluster: Models added,
 * removed and changed, loader Jobs that will run, cache entries left behind, volumes created and deleted.
 * The API's plan report wraps it; nothing here knows how the trees were made.
 */
public final class TreeChanges {
    private final Changes changes;

    private TreeChanges(Changes changes) {
        this.changes = changes;
    }

    /** Compares {@code committed} (which need not exist: then everything is new) with {@code rendered}. */
    public static TreeChanges between(Path committed, Path rendered) throws IOException {
        return new TreeChanges(Comparison.between(RenderedTree.read(committed), RenderedTree.read(rendered)));
    }

    /** No change at all, for specs with errors that were never compared. */
    public static TreeChanges none() {
        return new TreeChanges(new Changes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** True when a PersistentVolumeClaim or VolumeSnapshot is no longer rendered: pruning it loses data. */
    public boolean deletesVolumes() {
        return !changes.deletedVolumes().isEmpty();
    }

    /** The report as plain text: the specs' {@code diagnostics}, then the changes. */
    public String text(List<Diagnostic> diagnostics) {
        return ReportWriter.text(diagnostics, changes);
    }

    /** The report as GitHub/GitLab Markdown. */
    public String markdown(List<Diagnostic> diagnostics) {
        return ReportWriter.markdown(diagnostics, changes);
    }
}
