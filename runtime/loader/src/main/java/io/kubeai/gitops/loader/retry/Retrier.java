package io.kubeai.gitops.loader.retry;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;

/**
 * Runs a request until it succeeds, a failure is not worth retrying, or the attempts run out, waiting
 * between attempts as the {@link RetryPolicy} says (jittered exponential backoff, or the server's
 * {@code Retry-After} within its bound).
 */
public final class Retrier {
    private final RetryPolicy policy;
    private final LoaderListener listener;

    public Retrier(RetryPolicy policy, LoaderListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T> T call(String what, IoCall<T> call) throws LoaderException {
        return call(what, call, ErrorMapper.DEFAULT);
    }

    public <T> T call(String what, IoCall<T> call, ErrorMapper mapper) throws LoaderException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call(attempt);
            } catch (IOException e) {
                if (!retryable(e)) {
                    throw mapper.map(what, e, false);
                }
                if (!policy.allowsAnotherAfter(attempt)) {
                    LoaderException last = mapper.map(what, e, true);
                    throw new LoaderException(
                            last.reason(),
                            last.getMessage() + " (gave up after " + policy.maxAttempts() + " attempts)",
                            e);
                }
                Duration wait = backoff(attempt, e);
                if (wait == null) {
                    LoaderException last = mapper.map(what, e, true);
                    throw new LoaderException(
                            last.reason(),
                            last.getMessage() + " (the server asked to wait "
                                    + ((HttpStatusException) e).retryAfter().toSeconds() + "s, more than the "
                                    + policy.maxRetryAfter().toSeconds() + "s allowed)",
                            e);
                }
                boolean asked = e instanceof HttpStatusException h && h.retryAfter() != null;
                listener.warn("retrying " + what + " in " + format(wait) + (asked ? ", as the server asked" : "")
                        + " (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + "): "
                        + ErrorMapper.describe(e));
                sleep(wait);
            }
        }
    }

    /** Whether another attempt might succeed. */
    public static boolean retryable(IOException e) {
        if (e instanceof NonRetryableException || e instanceof SSLHandshakeException) {
            return false;
        }
        if (e instanceof HttpStatusException h) {
            return h.retryable();
        }
        return true;
    }

    /** The wait before the next attempt, or null when the server's Retry-After is too long. */
    Duration backoff(int failedAttempt, IOException e) {
        if (e instanceof HttpStatusException h && h.retryAfter() != null) {
            return policy.honours(h.retryAfter()) ? h.retryAfter() : null;
        }
        return policy.backoff(failedAttempt, ThreadLocalRandom.current());
    }

    private static void sleep(Duration d) throws LoaderException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(LoaderException.Reason.TRANSFER, "interrupted", e);
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + "ms" : String.format("%.1fs", ms / 1000.0);
    }
}
