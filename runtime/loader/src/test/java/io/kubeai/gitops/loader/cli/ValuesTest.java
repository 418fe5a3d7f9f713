package io.kubeai.gitops.loader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void durations() {
        assertThat(Values.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Values.duration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Values.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Values.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Values.duration("5 minutes")).hasMessageContaining("not a duration");
    }

    @Test
    void sizes() {
        assertThat(Values.size("16MiB")).isEqualTo(16L << 20);
        assertThat(Values.size("16M")).isEqualTo(16L << 20);
        assertThat(Values.size("16MB")).isEqualTo(16_000_000L);
        assertThat(Values.size("64k")).isEqualTo(64L << 10);
        assertThat(Values.size("1048576")).isEqualTo(1L << 20);
        assertThatThrownBy(() -> Values.size("lots")).hasMessageContaining("not a size");
    }
}
