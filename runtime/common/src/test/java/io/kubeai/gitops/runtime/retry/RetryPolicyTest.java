package io.kubeai.gitops.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** The low end of every jitter range. */
    private static final RandomGenerator LOWEST = () -> 0L;

    private final RetryPolicy policy =
            new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(2));

    @Test
    void backoff_doublesWithEachFailure_withinHalfToAllOfItsStep_upToTheCap() {
        SplittableRandom random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long step = Math.min(100L << (attempt - 1), 1000);
            for (int draw = 0; draw < 50; draw++) {
                assertThat(policy.backoff(attempt, random).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void backoff_alwaysWaitsHalfItsStep() {
        RetryPolicy seconds = RetryPolicy.unbounded(Duration.ofSeconds(1), Duration.ofMinutes(2));

        assertThat(seconds.backoff(1, LOWEST)).isEqualTo(Duration.ofMillis(500));
        assertThat(seconds.backoff(4, LOWEST)).isEqualTo(Duration.ofSeconds(4));
        assertThat(seconds.backoff(100, LOWEST)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void backoff_staysBoundedAndPositive_afterAnyNumberOfFailures() {
        RetryPolicy seconds = RetryPolicy.unbounded(Duration.ofSeconds(1), Duration.ofMinutes(2));
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt < 200; attempt++) {
            assertThat(seconds.backoff(attempt, random))
                    .isLessThanOrEqualTo(Duration.ofMinutes(2))
                    .isPositive();
        }
        assertThat(seconds.backoff(Integer.MAX_VALUE, random)).isLessThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void backoff_spreadsClientsThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(1);
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToLong(i -> policy.backoff(5, random).toMillis())
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void zeroBackoff_retriesAtOnce() {
        RetryPolicy now = policy.withBackoff(Duration.ZERO, Duration.ZERO);

        assertThat(now.backoff(3, new SplittableRandom(3))).isZero();
    }

    @Test
    void attempts_areBounded_unlessUnbounded() {
        RetryPolicy three = policy.withMaxAttempts(3);

        assertThat(three.allowsAnotherAfter(1)).isTrue();
        assertThat(three.allowsAnotherAfter(2)).isTrue();
        assertThat(three.allowsAnotherAfter(3)).isFalse();
        assertThat(RetryPolicy.unbounded(Duration.ofSeconds(1), Duration.ofSeconds(2))
                        .allowsAnotherAfter(1_000_000))
                .isTrue();
    }

    @Test
    void retryAfter_isHonouredUpToItsBound() {
        assertThat(policy.honours(Duration.ofSeconds(2))).isTrue();
        assertThat(policy.honours(Duration.ofSeconds(3))).isFalse();
        assertThat(RetryPolicy.HTTP.honours(Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void timeoutsThrottlingAndPassingServerErrors_areRetried_andRefusalsAreNot() {
        assertThat(List.of(408, 429, 500, 502, 503, 504, 599))
                .allSatisfy(s ->
                        assertThat(RetryPolicy.retryableStatus(s)).as("%d", s).isTrue());
        assertThat(List.of(200, 304, 400, 401, 403, 404, 409, 412, 501, 505, 600))
                .allSatisfy(s ->
                        assertThat(RetryPolicy.retryableStatus(s)).as("%d", s).isFalse());
    }

    @Test
    void theDefaults_areWhatTheProgramsDocument() {
        assertThat(RetryPolicy.HTTP)
                .isEqualTo(new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5)));
        assertThat(RetryPolicy.GIT_PUSH.maxAttempts())
                .isEqualTo(RetryPolicy.GIT_PUSH_ATTEMPTS)
                .isEqualTo(20);
        assertThat(RetryPolicy.GIT_PUSH.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonsense_isRefused() {
        assertThatThrownBy(() -> policy.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> policy.withBackoff(Duration.ofSeconds(-1), Duration.ZERO))
                .hasMessageContaining("negative");
    }
}
