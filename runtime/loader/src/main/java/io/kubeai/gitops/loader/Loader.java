package io.kubeai.gitops.loader;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import io.kubeai.gitops.loader.publish.PublishRun;
import io.kubeai.gitops.loader.transfer.LoadRun;
import io.kubeai.gitops.loader.transfer.WaitRun;
import java.time.Duration;
import java.util.Objects;

/**
 * Fills model caches, publishes adapters, and waits for caches to be complete.
 *
 * <pre>{@code
 * Loader loader = new Loader();
 * LoadResult r = loader.load(LoadRequest.builder("hf://org/model@main", "/models/org-model").build());
 * loader.awaitComplete("s3://cache/models/org-model/", Duration.ofMinutes(30));
 * loader.publish(PublishRequest.builder(Path.of("/out/adapter"), "s3://bucket/adapters/job-1/").build());
 * }</pre>
 *
 * <p>A load is verified (sizes always; sha256 of Hub LFS files; md5 of single-part S3 ETags; git blob
 * ids of small Hub files), resumable after a kill, retried on network and server errors, and
 * idempotent: it returns at once when the destination's marker names the same source, revision and
 * file selection. The marker {@code .kubeai/complete.json} is written last and atomically. Methods
 * are safe to call from several threads at once for different destinations.
 */
public final class Loader {
    private final LoaderEnv env;
    private final Duration pollInterval;

    /** A loader that reads endpoints and credentials from the process environment. */
    public Loader() {
        this(LoaderEnv.system());
    }

    /** A loader whose {@link #awaitComplete} reads markers with this environment. */
    public Loader(LoaderEnv env) {
        this(env, Duration.ofSeconds(2));
    }

    /** As {@link #Loader(LoaderEnv)}, polling for markers every {@code pollInterval}. */
    public Loader(LoaderEnv env, Duration pollInterval) {
        this.env = Objects.requireNonNull(env, "env");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /**
     * Loads {@code request.source()} into {@code request.destination()}.
     *
     * @throws LoaderException when the input is wrong, credentials are refused, verification fails
     *     twice for a file, or retries run out; no marker is written then
     */
    public LoadResult load(LoadRequest request) throws LoaderException {
        return new LoadRun(request).execute();
    }

    /**
     * Uploads a directory to {@code s3://} or {@code hf://} with the same verification, then writes the
     * marker (on the Hub, in the same commit).
     */
    public PublishResult publish(PublishRequest request) throws LoaderException {
        return new PublishRun(request).execute();
    }

    /**
     * Blocks until {@code destination} (a directory or an {@code s3://} prefix) holds a marker.
     *
     * @throws LoaderException with {@link LoaderException.Reason#TIMEOUT} when {@code timeout} passes
     */
    public CompletionMarker awaitComplete(String destination, Duration timeout) throws LoaderException {
        return awaitComplete(destination, timeout, null, LoaderListener.NONE);
    }

    /**
     * As {@link #awaitComplete(String, Duration)}; {@code job} (may be null) names the loader Job in the
     * timeout message, and {@code listener} hears about the wait.
     */
    public CompletionMarker awaitComplete(String destination, Duration timeout, String job, LoaderListener listener)
            throws LoaderException {
        return new WaitRun(destination, timeout, pollInterval, job, null, env, listener).execute();
    }

    /** The marker at {@code destination}, or null when the cache is not complete. */
    public CompletionMarker readMarker(String destination) throws LoaderException {
        try {
            return new WaitRun(destination, Duration.ZERO, pollInterval, null, null, env, LoaderListener.NONE)
                    .execute();
        } catch (LoaderException e) {
            if (e.reason() == LoaderException.Reason.TIMEOUT) {
                return null;
            }
            throw e;
        }
    }
}
