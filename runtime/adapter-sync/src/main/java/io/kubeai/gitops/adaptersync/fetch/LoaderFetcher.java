package io.kubeai.gitops.adaptersync.fetch;

import io.kubeai.gitops.adaptersync.log.Log;
import io.kubeai.gitops.loader.Loader;
import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches through the loader library ({@code runtime/loader}): {@code hf://}, {@code s3://} and local
 * sources, verified, with {@code .kubeai/complete.json} written last. Credentials and endpoints come from
 * the {@link LoaderEnv} (the process environment in production: HF_TOKEN, HF_ENDPOINT, AWS_*).
 *
 * <p>The loader's own retries are kept short: the reconciler retries a failed adapter with its own backoff
 * and reports it meanwhile, which a long retry inside one download would hide.
 */
public final class LoaderFetcher implements AdapterFetcher {

    private static final RetryPolicy RETRY =
            RetryPolicy.HTTP.withMaxAttempts(3).withBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    /** Adapters are a few files; a handful of requests at once is plenty and keeps threads few. */
    private static final int CONCURRENCY = 4;

    private final Loader loader;
    private final LoaderEnv env;

    public LoaderFetcher(LoaderEnv env) {
        this.env = env;
        this.loader = new Loader(env);
    }

    @Override
    public void fetch(String source, Path dest) throws IOException, InterruptedException {
        LoadRequest request = LoadRequest.builder(source, dest.toString())
                .env(env)
                .concurrency(CONCURRENCY)
                .retry(RETRY)
                .listener(new LoaderListener() {
                    @Override
                    public void warn(String message) {
                        Log.warn("loader", "source", source, "message", message);
                    }
                })
                .build();
        LoadResult result;
        try {
            result = loader.load(request);
        } catch (LoaderException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled");
        }
        Log.info(
                "loader finished",
                "source",
                source,
                "bytes",
                result.bytesTransferred(),
                "ms",
                result.elapsed().toMillis());
    }
}
