package io.kubeai.gitops.loader.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.runtime.retry.RetryPolicy;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(2));
    private final Retrier retrier = new Retrier(policy, LoaderListener.NONE);

    @Test
    void retriesResetsAnd5xx_untilSuccess() throws LoaderException {
        AtomicInteger calls = new AtomicInteger();
        String r = retrier.call("x", attempt -> {
            if (calls.incrementAndGet() == 1) {
                throw new SocketException("Connection reset");
            }
            if (attempt == 2) {
                throw new HttpStatusException(503, null, null, "HTTP 503");
            }
            return "ok";
        });
        assertThat(r).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetry4xx() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call("reading x", attempt -> {
                    calls.incrementAndGet();
                    throw new HttpStatusException(403, null, null, "HTTP 403");
                }))
                .isInstanceOf(LoaderException.class)
                .hasMessageContaining("credentials refused");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpAfterMaxAttempts_namingWhatAndWhy() {
        assertThatThrownBy(() -> retrier.call("downloading f", attempt -> {
                    throw new java.net.SocketTimeoutException("Read timed out");
                }))
                .hasMessage("downloading f: timed out (Read timed out) (gave up after 4 attempts)");
    }

    @Test
    void retryAfter_isHonoured_andTooLongOnesFail() {
        IOException tooLong = new HttpStatusException(429, Duration.ofSeconds(60), null, "HTTP 429");
        assertThatThrownBy(() -> retrier.call("x", attempt -> {
                    throw tooLong;
                }))
                .hasMessageContaining("the server asked to wait 60s, more than the 2s allowed");
        assertThat(retrier.backoff(1, new HttpStatusException(429, Duration.ofSeconds(1), null, "")))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backoff_growsExponentially_withinTheCeiling() {
        for (int attempt = 1; attempt < 10; attempt++) {
            long ceiling = Math.min(40, 10L << (attempt - 1));
            assertThat(retrier.backoff(attempt, new IOException()).toMillis()).isBetween(0L, ceiling);
        }
    }
}
