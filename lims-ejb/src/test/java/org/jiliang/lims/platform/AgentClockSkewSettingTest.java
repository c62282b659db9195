package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jiliang.agent.max-clock-skew}: how far ahead a bench agent's clock may run; a wrong value stops the start
 * ({@code StartupChecks} reads it before the first bench upload would).
 */
class AgentClockSkewSettingTest {

    private static final String PROPERTY = "jiliang.agent.max-clock-skew";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void twoMinutesUnlessToldOtherwiseInIsoOrInSeconds() {
        assertThat(Settings.agentMaxClockSkew()).isEqualTo(Duration.ofMinutes(2));
        System.setProperty(PROPERTY, "PT30S");
        assertThat(Settings.agentMaxClockSkew()).isEqualTo(Duration.ofSeconds(30));
        System.setProperty(PROPERTY, " 90 ");
        assertThat(Settings.agentMaxClockSkew()).isEqualTo(Duration.ofSeconds(90));
        System.setProperty(PROPERTY, "0");
        assertThat(Settings.agentMaxClockSkew()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1S", "two minutes", "", "1.5", "99999999999999999999"})
    void anythingElseStopsTheStartSayingWhatItMustBe(String value) {
        System.setProperty(PROPERTY, value);
        assertThatThrownBy(Settings::agentMaxClockSkew).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("such as PT2M or a number of seconds").hasMessageContaining("'" + value.strip() + "'");
    }
}
