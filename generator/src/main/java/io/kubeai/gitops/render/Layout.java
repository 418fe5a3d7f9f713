package io.kubeai.gitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.plan.FolderPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each rendered object goes and which kustomization.yaml lists it. Argo CD and plain output keep
 * one folder per Model and per cache; Flux output adds a level per step ({@code load/}, {@code snapshot/},
 * {@code serve/}, {@code train/}) because a Flux Kustomization applies a whole path and the steps must be
 * chained with dependsOn. Stand-alone folders (the Argo CD and Flux entry points) have a kustomization of
 * their own but are not part of the root one: they point at it.
 */
final class Layout {
    private final boolean bySteps;
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, Origin> origins = new TreeMap<>();

    /** The template that rendered a file and the document it holds. */
    record Origin(String template, JsonNode document) {}

    private final Map<String, Entry> kustomizations = new TreeMap<>();

    /** The resources and spec files of one kustomization.yaml. */
    record Entry(List<String> resources, List<String> sources) {}

    private final Map<String, TreeSet<String>> resources = new TreeMap<>();
    private final Map<String, TreeSet<String>> sources = new TreeMap<>();

    Layout(boolean bySteps) {
        this.bySteps = bySteps;
        resources.put("", new TreeSet<>());
    }

    void add(FolderPlan folder, String step, String file, String content, Origin origin) {
        String dir = folder.standalone() || !bySteps ? folder.path() : step + "/" + folder.path();
        files.put(dir + "/" + file, content);
        origins.put(dir + "/" + file, origin);
        list(dir, file, folder.sources());
        if (folder.standalone()) {
            return;
        }
        if (bySteps) {
            list(step, folder.path(), List.of());
            list("", step, List.of());
        } else {
            list("", folder.path(), List.of());
        }
    }

    private void list(String dir, String entry, List<String> specFiles) {
        resources.computeIfAbsent(dir, d -> new TreeSet<>()).add(entry);
        sources.computeIfAbsent(dir, d -> new TreeSet<>()).addAll(specFiles);
    }

    Map<String, String> files() {
        return files;
    }

    /** Where a file of {@link #files()} came from. */
    Origin originOf(String path) {
        return origins.get(path);
    }

    Map<String, Entry> kustomizations() {
        Map<String, Entry> result = new TreeMap<>();
        resources.forEach((dir, entries) -> result.put(
                dir, new Entry(new ArrayList<>(entries), new ArrayList<>(sources.getOrDefault(dir, new TreeSet<>())))));
        return result;
    }
}
