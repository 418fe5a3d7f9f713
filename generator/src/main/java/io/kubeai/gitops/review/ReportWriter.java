package io.kubeai.gitops.review;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.review.Changes.CacheOrphan;
import io.kubeai.gitops.review.Changes.JobRun;
import io.kubeai.gitops.review.Changes.Kind;
import io.kubeai.gitops.review.Changes.ModelChange;
import io.kubeai.gitops.review.Changes.ObjectChange;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Writes a plan report (the specs' diagnostics and the {@link Changes}) as plain text or Markdown. Both have the same sections in the same order; only
 * headings, bullets and the data-loss warning look different. Values are code spans in both (see {@link Text}).
 */
final class ReportWriter {
    /** Marks the Markdown so a CI job can find its previous comment on a pull request and replace it. */
    static final String MARKER = "<!-- kubeai-plan -->";

    private final boolean markdown;
    private final StringBuilder out = new StringBuilder();

    private ReportWriter(boolean markdown) {
        this.markdown = markdown;
    }

    static String text(List<Diagnostic> diagnostics, Changes changes) {
        return new ReportWriter(false).write(diagnostics, changes);
    }

    static String markdown(List<Diagnostic> diagnostics, Changes changes) {
        return new ReportWriter(true).write(diagnostics, changes);
    }

    private String write(List<Diagnostic> diagnostics, Changes changes) {
        if (markdown) {
            line(MARKER);
        }
        List<Diagnostic> errors =
                diagnostics.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            title("the specs have " + Text.plural(errors.size(), "error") + "; nothing was compared");
            block(errors.stream().map(Diagnostic::format).toList());
            return out.toString();
        }
        Changes c = changes;
        title(headline(c));
        dataLoss(c.deletedVolumes());
        models(c.models());
        jobs(c.jobs(), c.orphans(), c.jobEdits());
        objects("Volumes", c.volumes());
        objects("Other objects", c.others());
        List<String> warnings = diagnostics.stream().map(Diagnostic::format).toList();
        if (!warnings.isEmpty()) {
            heading("Warnings");
            block(warnings);
        }
        return out.toString();
    }

    private static String headline(Changes c) {
        if (c.isEmpty()) {
            return "no changes: the specs render what is committed";
        }
        List<String> parts = new ArrayList<>();
        count(parts, c.count(Kind.ADDED), "Model", " added");
        count(parts, c.count(Kind.REMOVED), "Model", " removed");
        count(parts, c.count(Kind.CHANGED), "Model", " changed");
        count(parts, c.jobs().size(), "Job", " will run");
        count(parts, c.orphans().size(), "cache entry", " left behind");
        count(parts, c.volumes().stream().filter(v -> v.kind() == Kind.ADDED).count(), "volume object", " created");
        count(parts, c.deletedVolumes().size(), "volume object", " DELETED");
        count(parts, c.volumes().stream().filter(v -> v.kind() == Kind.CHANGED).count(), "volume object", " changed");
        count(parts, c.others().stream().filter(o -> o.kind() == Kind.ADDED).count(), "other object", " added");
        count(parts, c.others().stream().filter(o -> o.kind() == Kind.REMOVED).count(), "other object", " removed");
        count(
                parts,
                c.jobEdits().size()
                        + c.others().stream()
                                .filter(o -> o.kind() == Kind.CHANGED)
                                .count(),
                "other object",
                " changed");
        return String.join(", ", parts);
    }

    private static void count(List<String> parts, long n, String noun, String what) {
        if (n > 0) {
            String plural = noun.endsWith("entry") ? noun.replace("entry", "entries") : noun + "s";
            parts.add(n + " " + (n == 1 ? noun : plural) + what);
        }
    }

    private void dataLoss(List<ObjectChange> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add((markdown ? "**⚠️ Data loss:** " : "DATA LOSS: ") + Text.plural(deleted.size(), "volume object")
                + " will be deleted");
        lines.add("");
        deleted.forEach(v -> lines.add("- " + object(v) + " in "
                + Text.code(v.resource().folder()) + (v.description().isEmpty() ? "" : ": " + v.description())));
        lines.add("");
        lines.add("When Argo CD or Flux prunes a deleted PersistentVolumeClaim, its volume goes too if the storage "
                + "class reclaims with Delete (the default for provisioned volumes): every model cached on it must "
                + "be downloaded again. Make sure this is intended.");
        line("");
        for (String line : lines) {
            line(markdown ? (line.isEmpty() ? ">" : "> " + line) : (line.isEmpty() ? "!!" : "!! " + line));
        }
    }

    private void models(List<ModelChange> models) {
        if (models.isEmpty()) {
            return;
        }
        heading("Models");
        for (ModelChange m : models) {
            String name = Text.code(m.name());
            switch (m.kind()) {
                case ADDED -> item(0, mark(Kind.ADDED) + name + " " + strong("added") + ": " + m.summary());
                case REMOVED -> item(0, mark(Kind.REMOVED) + name + " " + strong("removed") + ": was " + m.summary());
                case CHANGED -> {
                    item(
                            0,
                            mark(Kind.CHANGED) + name + " " + strong("changed")
                                    + (m.restarts()
                                            ? " (pod template changed: every replica restarts)"
                                            : " (no restart)"));
                    m.details().forEach(d -> item(1, d));
                }
            }
        }
    }

    private void jobs(List<JobRun> runs, List<CacheOrphan> orphans, List<ObjectChange> edits) {
        List<JobRun> loads = runs.stream().filter(JobRun::loader).toList();
        if (!loads.isEmpty()) {
            heading("Caches to load (loader Jobs that run on sync)");
            for (JobRun run : loads) {
                item(
                        0,
                        mark(Kind.ADDED) + Text.code(run.job().folder()) + ": " + Text.code(run.source())
                                + Text.ARROW + Text.code(run.destination()) + " (Job "
                                + Text.code(run.job().name())
                                + users(run.usedBy()) + (run.reload() ? "; loads again: the loader Job changed" : "")
                                + ")");
            }
        }
        List<JobRun> others = runs.stream().filter(r -> !r.loader()).toList();
        if (!others.isEmpty()) {
            heading("Other Jobs that will run");
            others.forEach(r -> item(
                    0,
                    mark(Kind.ADDED) + "Job " + Text.code(r.job().displayName()) + " in "
                            + Text.code(r.job().path())));
        }
        if (!orphans.isEmpty()) {
            heading("Cache entries left behind (no loader Job fills them any more)");
            for (CacheOrphan o : orphans) {
                item(
                        0,
                        mark(Kind.REMOVED) + Text.code(o.job().folder()) + ": " + Text.code(o.source()) + " at "
                                + Text.code(o.destination()) + " (was Job "
                                + Text.code(o.job().name()) + users(o.usedBy())
                                + (o.job().model() == null
                                        ? "); the copy stays in the cache until deleted by hand"
                                        : "); the copy is on the Model's own volume (see Volumes)"));
            }
        }
        if (!edits.isEmpty()) {
            heading("Jobs changed under the same name");
            for (ObjectChange e : edits) {
                item(
                        0,
                        mark(Kind.CHANGED) + "Job " + Text.code(e.resource().displayName())
                                + ": a Job's pod template is immutable; the apply is rejected unless the Job is deleted first");
                e.details().forEach(d -> item(1, d));
            }
        }
    }

    private static String users(SortedSet<String> models) {
        return models.isEmpty() ? "" : ", for " + Text.codes(models);
    }

    private void objects(String title, List<ObjectChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        heading(title);
        for (ObjectChange c : changes) {
            String what = switch (c.kind()) {
                case ADDED -> strong("created");
                case REMOVED ->
                    strong(
                            c.resource().is("PersistentVolumeClaim")
                                            || c.resource().is("VolumeSnapshot")
                                    ? "DELETED, data loss"
                                    : "deleted");
                case CHANGED -> strong("changed");
            };
            item(
                    0,
                    mark(c.kind()) + object(c) + " " + what + " in "
                            + Text.code(c.resource().path())
                            + (c.description().isEmpty() ? "" : ": " + c.description()));
            c.details().forEach(d -> item(1, d));
        }
    }

    private static String object(ObjectChange c) {
        return c.resource().kind() + " " + Text.code(c.resource().displayName());
    }

    private void title(String headline) {
        if (markdown) {
            line("### kubeai plan");
            line("");
            line(strong(headline.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + headline.substring(1)));
        } else {
            line("kubeai plan: " + headline);
        }
    }

    private void heading(String title) {
        line("");
        line(markdown ? "#### " + title : title);
        if (markdown) {
            line("");
        }
    }

    private void item(int depth, String text) {
        if (markdown) {
            line("  ".repeat(depth) + "- " + text);
        } else {
            line("  ".repeat(depth + 1) + (depth == 0 ? "" : "- ") + text);
        }
    }

    private void block(List<String> lines) {
        line("");
        if (markdown) {
            line("```");
        }
        lines.forEach(l -> line(markdown ? l : "  " + l));
        if (markdown) {
            line("```");
        }
    }

    private String mark(Kind kind) {
        return switch (kind) {
            case ADDED -> markdown ? "➕ " : "+ ";
            case REMOVED -> markdown ? "➖ " : "- ";
            case CHANGED -> markdown ? "✏️ " : "~ ";
        };
    }

    private String strong(String text) {
        return markdown ? "**" + text + "**" : text;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
