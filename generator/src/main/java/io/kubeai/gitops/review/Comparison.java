package io.kubeai.gitops.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeai.gitops.resolve.RenderedNames;
import io.kubeai.gitops.review.Changes.CacheOrphan;
import io.kubeai.gitops.review.Changes.JobRun;
import io.kubeai.gitops.review.Changes.Kind;
import io.kubeai.gitops.review.Changes.ObjectChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the committed tree with the new one, object by object (kind, namespace and name), and sorts what
 * differs into the report's sections: Models, Jobs that will run, caches left behind, volumes, the rest.
 */
final class Comparison {
    static final String LOADER = "loader";
    private static final Set<String> VOLUMES = Set.of("PersistentVolumeClaim", "VolumeSnapshot");

    private Comparison() {}

    static Changes between(RenderedTree old, RenderedTree now) {
        List<JobRun> jobs = new ArrayList<>();
        List<CacheOrphan> orphans = new ArrayList<>();
        List<ObjectChange> jobEdits = new ArrayList<>();
        List<ObjectChange> volumes = new ArrayList<>();
        List<ObjectChange> others = new ArrayList<>();
        for (Resource is : now.resources()) {
            Resource was = old.get(is.key());
            if (is.is("Job")) {
                if (was == null) {
                    jobs.add(run(is, old, now));
                } else if (!was.body().equals(is.body())) {
                    jobEdits.add(new ObjectChange(Kind.CHANGED, is, "", JsonChanges.between(was.body(), is.body())));
                }
            } else if (VOLUMES.contains(is.kind())) {
                if (was == null) {
                    volumes.add(new ObjectChange(Kind.ADDED, is, describeVolume(is), List.of()));
                } else if (!was.body().equals(is.body())) {
                    volumes.add(new ObjectChange(Kind.CHANGED, is, describeVolume(is), volumeChanges(was, is)));
                }
            } else if (is.model() == null) {
                if (was == null) {
                    others.add(new ObjectChange(Kind.ADDED, is, "", List.of()));
                } else if (!was.body().equals(is.body())) {
                    others.add(new ObjectChange(Kind.CHANGED, is, "", JsonChanges.between(was.body(), is.body())));
                }
            }
        }
        for (Resource was : old.resources()) {
            if (now.get(was.key()) != null) {
                continue;
            }
            if (was.is("Job") && LOADER.equals(was.label("app.kubernetes.io/component"))) {
                if (sameCacheEntry(was, now) == null) {
                    orphans.add(new CacheOrphan(
                            was,
                            was.annotation(RenderedNames.SOURCE_ANNOTATION),
                            was.annotation("kubeai.org/destination"),
                            old.usersOf(was)));
                }
            } else if (VOLUMES.contains(was.kind())) {
                volumes.add(new ObjectChange(Kind.REMOVED, was, describeVolume(was), List.of()));
            } else if (was.model() == null || was.is("Job")) {
                others.add(new ObjectChange(Kind.REMOVED, was, "", List.of()));
            }
        }
        return new Changes(ModelChanges.between(old, now), jobs, orphans, jobEdits, volumes, others);
    }

    private static JobRun run(Resource job, RenderedTree old, RenderedTree now) {
        boolean loader = LOADER.equals(job.label("app.kubernetes.io/component"));
        return new JobRun(
                job,
                loader,
                job.annotation(RenderedNames.SOURCE_ANNOTATION),
                job.annotation("kubeai.org/destination"),
                now.usersOf(job),
                loader && sameCacheEntry(job, old) != null);
    }

    /** The loader Job of the other tree that fills the same cache entry (same folder, same cache key). */
    private static Resource sameCacheEntry(Resource job, RenderedTree other) {
        String key = job.label("kubeai.org/cache-key");
        if (key == null) {
            return null;
        }
        return other.resources().stream()
                .filter(r ->
                        r.is("Job") && r.folder().equals(job.folder()) && key.equals(r.label("kubeai.org/cache-key")))
                .findFirst()
                .orElse(null);
    }

    static String describeVolume(Resource volume) {
        JsonNode spec = volume.body().path("spec");
        List<String> parts = new ArrayList<>();
        if (volume.is("PersistentVolumeClaim")) {
            String size =
                    spec.path("resources").path("requests").path("storage").asText(null);
            if (size != null) {
                parts.add(size);
            }
            if (spec.hasNonNull("storageClassName")) {
                parts.add("storage class "
                        + Text.code(spec.path("storageClassName").asText()));
            }
            TreeSet<String> modes = new TreeSet<>(Containers.strings(spec.path("accessModes")));
            if (!modes.isEmpty()) {
                parts.add(String.join(", ", modes));
            }
            if (spec.path("dataSource").has("name")) {
                parts.add(
                        "restored from " + spec.path("dataSource").path("kind").asText("") + " "
                                + Text.code(spec.path("dataSource").path("name").asText()));
            }
        } else {
            String claim = spec.path("source").path("persistentVolumeClaimName").asText(null);
            if (claim != null) {
                parts.add("of claim " + Text.code(claim));
            }
            if (spec.hasNonNull("volumeSnapshotClassName")) {
                parts.add("class "
                        + Text.code(spec.path("volumeSnapshotClassName").asText()));
            }
        }
        return String.join(", ", parts);
    }

    /** A claim's size may grow; the rest of its spec is immutable, and the API server says so on apply. */
    private static List<String> volumeChanges(Resource was, Resource is) {
        List<String> lines = new ArrayList<>();
        JsonNode a = was.body().deepCopy();
        JsonNode b = is.body().deepCopy();
        if (is.is("PersistentVolumeClaim")) {
            String from = a.path("spec")
                    .path("resources")
                    .path("requests")
                    .path("storage")
                    .asText(null);
            String to = b.path("spec")
                    .path("resources")
                    .path("requests")
                    .path("storage")
                    .asText(null);
            if (from != null && to != null && !from.equals(to)) {
                lines.add("size " + Text.change(from, to)
                        + (bytes(to).compareTo(bytes(from)) < 0
                                ? ": a claim cannot shrink, the apply will be rejected"
                                : ": the volume is expanded if its storage class allows it"));
                for (JsonNode side : List.of(a, b)) {
                    if (side.path("spec").path("resources").path("requests") instanceof ObjectNode requests) {
                        requests.remove("storage");
                    }
                }
            }
            if (!a.path("spec").equals(b.path("spec"))) {
                lines.add("the rest of a claim's spec is immutable: the apply will be rejected unless the claim is "
                        + "deleted first (and its data with it)");
            }
        }
        lines.addAll(JsonChanges.between(a, b));
        return lines;
    }

    private static BigDecimal bytes(String quantity) {
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity));
        } catch (RuntimeException e) {
            return BigDecimal.ZERO;
        }
    }
}
