package io.kubeai.gitops.loader.transfer;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.location.LocalLocation;
import io.kubeai.gitops.loader.location.Location;
import io.kubeai.gitops.loader.location.Locations;
import io.kubeai.gitops.loader.progress.Formats;
import io.kubeai.gitops.loader.progress.ProgressTracker;
import io.kubeai.gitops.loader.source.FileSelection;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.verify.Digests;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A load from start to end: check the marker, resolve and list the source, select files, transfer
 * them, prune what an older load left, and write the marker last.
 */
public final class LoadRun {
    private final LoadRequest request;
    private final LoaderListener listener;

    public LoadRun(LoadRequest request) {
        this.request = request;
        this.listener = request.listener();
    }

    public LoadResult execute() throws LoaderException {
        long start = System.nanoTime();
        Digests.warmUpInBackground();
        Location from = Locations.parse(request.source());
        Location to = Locations.parse(request.destination());
        if (canonical(from).equals(canonical(to))) {
            throw new LoaderException(Reason.INPUT, "the source and the destination are the same: " + to.display());
        }
        FileSelection selection;
        try {
            selection = new FileSelection(
                    request.includes(), request.excludes(), request.defaultExcludes() && from instanceof HfLocation);
        } catch (IllegalArgumentException e) {
            throw new LoaderException(Reason.INPUT, "invalid pattern: " + e.getMessage(), e);
        }
        String selected = describeSelection(from);
        try (Peers peers = new Peers(request.env(), request.options(), listener);
                Source source = peers.source(from, request.source());
                Destination dest = peers.destination(to, request.fsync())) {
            Optional<CompletionMarker> marker = dest.readMarker();
            Optional<CompletionMarker> same =
                    marker.filter(m -> canonicalUrl(m.source()).equals(canonical(from))
                            && m.selection().equals(selected));
            String revision;
            try {
                revision = source.revision();
            } catch (LoaderException e) {
                if (same.isPresent() && e.reason() == Reason.TRANSFER && !request.force()) {
                    listener.warn("cannot reach " + from.display() + " (" + e.getMessage() + "); " + dest.display()
                            + " is complete for revision " + same.get().revision() + ", keeping it");
                    return new LoadResult(same.get(), true, List.of(), 0, elapsed(start));
                }
                throw e;
            }
            if (same.isPresent() && same.get().revision().equals(revision) && !request.force()) {
                listener.info("already complete: " + dest.display() + " holds " + from.display() + " at revision "
                        + revision);
                return new LoadResult(same.get(), true, List.of(), 0, elapsed(start));
            }
            listener.info("loading " + from.display() + " (revision " + revision + ") into " + dest.display());
            Listing listing = source.list();
            FileSelection.Result chosen = selection.apply(listing.files());
            if (!chosen.skipped().isEmpty()) {
                listener.info("skipping " + chosen.summary());
            }
            if (chosen.selected().isEmpty()) {
                throw new LoaderException(
                        Reason.INPUT,
                        "nothing to load: " + from.display() + " has "
                                + listing.files().size() + " file(s) and none is selected");
            }
            long total = chosen.selected().stream().mapToLong(f -> f.size()).sum();
            listener.info(chosen.selected().size() + " file(s), " + Formats.bytes(total) + " to load, "
                    + request.options().concurrency() + " requests at once");
            if (marker.isPresent()) {
                // A cache changes only after its marker is gone: no reader may trust a half-replaced model.
                dest.removeMarker();
            }
            try (ProgressTracker progress = new ProgressTracker(
                    listener, total, chosen.selected().size(), request.options().progressInterval())) {
                List<FileEntry> entries = new TransferEngine(request.options(), peers.retrier(), listener)
                        .run(source, dest, chosen.selected(), progress);
                Set<String> keep = entries.stream().map(FileEntry::path).collect(Collectors.toSet());
                if (marker.isPresent()) {
                    dest.prune(keep, marker.get().files());
                }
                dest.seal(entries);
                CompletionMarker done = new CompletionMarker(
                        1,
                        request.source(),
                        revision,
                        selected,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        total,
                        entries);
                dest.writeMarker(done);
                listener.progress(progress.finalSnapshot());
                Duration took = elapsed(start);
                listener.info("complete: " + entries.size() + " file(s), " + Formats.bytes(total) + " in "
                        + Formats.duration(took) + " (" + Formats.rate(progress.averageRate()) + ", "
                        + Formats.bytes(progress.bytesTransferred()) + " transferred); wrote " + dest.display()
                        + (dest.display().endsWith("/") ? "" : "/") + CompletionMarker.PATH);
                return new LoadResult(
                        done, false, List.copyOf(chosen.skipped().keySet()), progress.bytesTransferred(), took);
            }
        }
    }

    private String describeSelection(Location from) {
        boolean defaults = request.defaultExcludes() && from instanceof HfLocation;
        return "include=" + request.includes() + ";exclude=" + request.excludes() + ";defaultExcludes=" + defaults;
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A location without its revision, for comparing markers: the revision is compared on its own. */
    static String canonical(Location l) {
        if (l instanceof HfLocation h) {
            return "hf://" + h.repo();
        }
        if (l instanceof BucketLocation b) {
            return b.display();
        }
        return ((LocalLocation) l).dir().toString();
    }

    private static String canonicalUrl(String url) {
        try {
            return canonical(Locations.parse(url));
        } catch (LoaderException e) {
            return url;
        }
    }
}
