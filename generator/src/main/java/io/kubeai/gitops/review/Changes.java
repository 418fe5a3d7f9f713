package io.kubeai.gitops.review;

import java.util.List;
import java.util.SortedSet;

/** Everything a merge would change in the cluster, grouped the way a reviewer reads it. */
record Changes(
        List<ModelChange> models,
        List<JobRun> jobs,
        List<CacheOrphan> orphans,
        List<ObjectChange> jobEdits,
        List<ObjectChange> volumes,
        List<ObjectChange> others) {

    enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * @param summary  for an added or removed Model, what it runs (for a changed one, empty)
     * @param restarts whether the pod template changed, so every replica is replaced
     */
    record ModelChange(String name, Kind kind, String summary, List<String> details, boolean restarts) {}

    /**
     * A Job that runs on sync: a loader filling a cache, or another Job.
     *
     * @param reload true when the same cache entry had a loader Job before under another name
     */
    record JobRun(
            Resource job,
            boolean loader,
            String source,
            String destination,
            SortedSet<String> usedBy,
            boolean reload) {}

    /** A cache entry no loader Job fills any more: its copy stays in the cache, unused, until deleted by hand. */
    record CacheOrphan(Resource job, String source, String destination, SortedSet<String> usedBy) {}

    /** An object added, removed or changed, with what describes it and, when changed, what differs. */
    record ObjectChange(Kind kind, Resource resource, String description, List<String> details) {}

    boolean isEmpty() {
        return models.isEmpty()
                && jobs.isEmpty()
                && orphans.isEmpty()
                && jobEdits.isEmpty()
                && volumes.isEmpty()
                && others.isEmpty();
    }

    List<ObjectChange> deletedVolumes() {
        return volumes.stream().filter(v -> v.kind() == Kind.REMOVED).toList();
    }

    long count(Kind kind) {
        return models.stream().filter(m -> m.kind() == kind).count();
    }
}
