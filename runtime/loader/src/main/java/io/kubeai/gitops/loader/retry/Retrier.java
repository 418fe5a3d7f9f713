package io.kubeai.gitops.loader.retry;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.RetryPolicy;
import io.kubeai.gitops.loader.http.HttpStatusException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;

/**
 * Runs a request until it succeeds, a failure is not worth retrying, or the attempts run out. The
 * backoff before attempt n+1 is uniform in [0, min(max, initial * 2^(n-1))] (full jitter); a
 * {@code Retry-After} replaces it.
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
                if (attempt >= policy.maxAttempts()) {
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
            if (h.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
                return null;
            }
            return h.retryAfter();
        }
        long initial = policy.initialBackoff().toMillis();
        long ceiling = Math.min(policy.maxBackoff().toMillis(), initial * (1L << Math.min(30, failedAttempt - 1)));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
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
