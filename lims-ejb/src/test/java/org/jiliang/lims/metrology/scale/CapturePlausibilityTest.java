package org.jiliang.lims.metrology.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CapturePlausibilityTest {

    @Test
    void the_institutes_window_is_ten_limits_and_never_less_than_ten_e() {
        CapturePlausibility policy = CapturePlausibility.institute();

        assertThat(policy.windowLimits()).isEqualByComparingTo("10");
        assertThat(policy.source()).contains("laboratory policy", "2026-12");
        // a point with MPE 15 g on a scale with e = 10 g: 150 g either side of the expected load
        assertThat(policy.window(new BigDecimal("15"), BigDecimal.TEN)).isEqualByComparingTo("150");
        // the zero point's limit is 0.25 e = 2.5 g: the window is still 10 e, so a settling pan is not refused
        assertThat(policy.window(new BigDecimal("2.5"), BigDecimal.TEN)).isEqualByComparingTo("100");
    }

    @Test
    void a_window_of_no_width_is_refused() {
        assertThatThrownBy(() -> new CapturePlausibility(BigDecimal.ZERO, "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
