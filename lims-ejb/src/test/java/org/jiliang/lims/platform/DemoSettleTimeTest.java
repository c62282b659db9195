package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jiliang.demo.settle-time}: how long the demo's simulated pans move; a wrong value stops the start. */
class DemoSettleTimeTest {

    private static final String PROPERTY = "jiliang.demo.settle-time";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void aBenchScalesTimeUnlessToldOtherwise() {
        assertThat(Settings.demoSettleTime()).isEqualTo(Duration.ofMillis(800));
        System.setProperty(PROPERTY, "PT0.2S");
        assertThat(Settings.demoSettleTime()).isEqualTo(Duration.ofMillis(200));
        System.setProperty(PROPERTY, "PT0S");
        assertThat(Settings.demoSettleTime()).isZero();
        System.setProperty(PROPERTY, "PT10S");
        assertThat(Settings.demoSettleTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1S", "PT10.001S", "PT1M", "800", "fast", ""})
    void anythingElseStopsTheStartWithTheAllowedRange(String value) {
        System.setProperty(PROPERTY, value);
        assertThatThrownBy(Settings::demoSettleTime).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PT0S to PT10S").hasMessageContaining("'" + value + "'");
    }
}
