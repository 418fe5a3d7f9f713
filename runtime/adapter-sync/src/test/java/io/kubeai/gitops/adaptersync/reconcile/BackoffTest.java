package io.kubeai.gitops.adaptersync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delayDoubles_andStaysWithinHalfToAllOfItsStep() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), () -> 0.999_999);

        assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(1)).isEqualTo(Duration.ofMillis(999));
        assertThat(low.delay(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delay(4)).isEqualTo(Duration.ofMillis(7999));
    }

    @Test
    void delayIsBoundedByMax_evenAfterManyFailures() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));
        for (int attempt = 1; attempt < 200; attempt++) {
            assertThat(backoff.delay(attempt))
                    .isLessThanOrEqualTo(Duration.ofMinutes(2))
                    .isPositive();
        }
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), () -> 0.0).delay(100))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
