package io.kubeai.gitops.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void multiplied_quantities_areWrittenInTheApiServersCanonicalForm() {
        assertThat(Quantities.multiply("24Gi", 2)).isEqualTo("48Gi");
        assertThat(Quantities.multiply("512Mi", 2)).isEqualTo("1Gi");
        assertThat(Quantities.multiply("500m", 2)).isEqualTo("1");
        assertThat(Quantities.multiply("500m", 3)).isEqualTo("1500m");
        assertThat(Quantities.multiply("6", 8)).isEqualTo("48");
        assertThat(Quantities.multiply("1.5", 1)).isEqualTo("1500m");
        assertThat(Quantities.multiply("2000m", 1)).isEqualTo("2");
        assertThat(Quantities.multiply("1000", 3)).isEqualTo("3k");
        assertThat(Quantities.multiply("0", 3)).isEqualTo("0");
    }
}
