package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResolvedAdapter;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.CacheStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The caches Models share: one folder per profile whose mode shares copies, holding its shared objects (a
 * volume) and one loader Job per distinct source. Computed from the resolved Models alone, before and apart
 * from the Models' own folders: a copy's destination and Job are functions of the profile and the source,
 * so each Model's planner works them out the same way without asking this class.
 */
final class SharedCaches {
    private SharedCaches() {}

    /** One folder per shared cache profile, in profile-name order. */
    static List<FolderPlan> folders(List<ResolvedModel> models, PlanContext context) {
        Map<String, Entry> byProfile = new TreeMap<>();
        for (ResolvedModel model : models) {
            if (model.cache().isEmpty()) {
                continue;
            }
            CacheLayout layout = CacheLayout.of(model.cache(), context);
            List<SharedCopy> copies = new ArrayList<>();
            layout.sharedCopy(model.source(), model.cacheKey()).ifPresent(copies::add);
            for (ResolvedAdapter adapter : model.adapters()) {
                layout.sharedCopy(adapter.source(), adapter.cacheKey()).ifPresent(copies::add);
            }
            if (copies.isEmpty()) {
                continue;
            }
            Entry entry = byProfile.computeIfAbsent(model.cache().get().name(), n -> new Entry(layout));
            if (model.cache().get().storage() instanceof CacheStorage.Bucket bucket && bucket.local()) {
                entry.local = true;
            }
            entry.sources.add(model.specFile());
            copies.forEach(c -> entry.jobs.putIfAbsent(c.job().name(), c.job()));
        }
        List<FolderPlan> folders = new ArrayList<>();
        byProfile.forEach((profile, entry) -> {
            List<ResourcePlan> resources = new ArrayList<>(entry.layout.sharedObjects());
            for (LoaderJob job : entry.jobs.values()) {
                resources.add(
                        new ResourcePlan("loader-job.yaml.ftl", "job-" + job.cacheKey() + ".yaml", job, Phase.LOAD));
            }
            FolderPlan folder = new FolderPlan(Names.cacheFolder(profile), new ArrayList<>(entry.sources), resources);
            // Loader Jobs copy into the local bucket: it must be up (and its buckets made) before they start.
            folders.add(entry.local ? folder.needing(List.of(LocalBucket.FOLDER)) : folder);
        });
        return folders;
    }

    /** What one profile's folder collects while the Models are walked; local to {@link #folders}. */
    private static final class Entry {
        final CacheLayout layout;
        final Map<String, LoaderJob> jobs = new TreeMap<>();
        final TreeSet<String> sources = new TreeSet<>();
        boolean local;

        Entry(CacheLayout layout) {
            this.layout = layout;
        }
    }
}
