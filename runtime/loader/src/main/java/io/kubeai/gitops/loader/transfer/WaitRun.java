package io.kubeai.gitops.loader.transfer;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.location.Location;
import io.kubeai.gitops.loader.location.Locations;
import io.kubeai.gitops.loader.progress.Formats;
import java.time.Duration;
import java.util.Optional;

/** Waits until a destination's marker exists (and names the expected source, when one is given). */
public final class WaitRun {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final String destination;
    private final Duration timeout;
    private final Duration interval;
    private final String job;
    private final String expectedSource;
    private final LoaderEnv env;
    private final LoaderListener listener;

    /**
     * @param job the loader Job's name for the timeout message, or null
     * @param expectedSource a source URL the marker must name, or null for any
     */
    public WaitRun(
            String destination,
            Duration timeout,
            Duration interval,
            String job,
            String expectedSource,
            LoaderEnv env,
            LoaderListener listener) {
        this.destination = destination;
        this.timeout = timeout;
        this.interval = interval;
        this.job = job;
        this.expectedSource = expectedSource;
        this.env = env;
        this.listener = listener;
    }

    public CompletionMarker execute() throws LoaderException {
        Location to = Locations.parse(destination);
        String expected = expectedSource == null ? null : LoadRun.canonical(Locations.parse(expectedSource));
        TransferOptions options = TransferOptions.DEFAULTS.withRetryAttempts(3);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + REPORT_EVERY.toNanos();
        String where = to.display() + (to.display().endsWith("/") ? "" : "/") + CompletionMarker.PATH;
        listener.info("waiting for " + where + " (timeout " + Formats.duration(timeout) + ")");
        try (Peers peers = new Peers(env, options, listener);
                Destination dest = peers.destination(to, false)) {
            while (true) {
                try {
                    Optional<CompletionMarker> marker = dest.readMarker();
                    if (marker.isPresent()
                            && (expected == null
                                    || expected.equals(LoadRun.canonical(
                                            Locations.parse(marker.get().source()))))) {
                        listener.info("complete: " + to.display() + " holds "
                                + marker.get().source() + " at revision "
                                + marker.get().revision() + " ("
                                + marker.get().files().size() + " files, "
                                + Formats.bytes(marker.get().totalBytes()) + ")");
                        return marker.get();
                    }
                } catch (LoaderException e) {
                    if (e.reason() == Reason.AUTH) {
                        throw e;
                    }
                    listener.warn("cannot read " + where + " yet: " + e.getMessage());
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new LoaderException(
                            Reason.TIMEOUT,
                            "timed out after " + Formats.duration(timeout)
                                    + " waiting for " + where
                                    + (job == null
                                            ? "; look at the logs of the loader Job that fills it"
                                            : "; the loader Job '" + job
                                                    + "' has not finished it: see kubectl logs job/" + job
                                                    + " and kubectl describe job " + job));
                }
                if (now >= nextReport) {
                    listener.info("still waiting for " + where + " (" + Formats.duration(LoadRun.elapsed(start)) + ")"
                            + (job == null ? "" : "; loader Job: " + job));
                    nextReport = now + REPORT_EVERY.toNanos();
                }
                sleep(Math.min(interval.toNanos(), deadline - now));
            }
        }
    }

    private static void sleep(long nanos) throws LoaderException {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(Reason.TIMEOUT, "interrupted while waiting", e);
        }
    }
}
