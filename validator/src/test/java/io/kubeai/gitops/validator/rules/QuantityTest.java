package io.kubeai.gitops.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({
        "500m, 0.5",
        "2, 2",
        "1.5Gi, 1610612736",
        "16Gi, 17179869184",
        "1k, 1000",
        "1e3, 1000",
        "1E, 1000000000000000000",
        "1E-2, 0.01",
        ".5, 0.5",
        "+1, 1",
        "1., 1",
        "-1, -1"
    })
    void parses_likeKubernetes(String text, String value) {
        assertThat(Quantity.parse(text))
                .hasValueSatisfying(parsed -> assertThat(parsed).isEqualByComparingTo(new BigDecimal(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gi", "1.2.3", "10 Gi", "1GB", "1ki", "one", "0x10"})
    void refuses_whatKubernetesRefuses(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }
}
