package org.jiliang.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void formatsValueInPlainNotationWithItsUnit() {
        assertThat(new Quantity(new BigDecimal("5E+3"), "g").format()).isEqualTo("5000 g");
    }

    @Test
    void keepsTheStatedResolution() {
        assertThat(Quantity.of("0.10", "g").format()).isEqualTo("0.10 g");
        assertThat(Quantity.of("-1.50", "g").format()).isEqualTo("-1.50 g");
    }

    @Test
    void rejectsAQuantityWithoutUnit() {
        assertThatThrownBy(() -> Quantity.of("1", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quantity(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }
}
