package org.jiliang.lims.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: times were shown as raw ISO strings ({@code 2026-12-04T01:44:02.599635}, instants in UTC with a Z).
 * One readable format, in the institute's zone (Asia/Shanghai unless configured).
 */
class InstituteTimeTest {

    @Test
    void anInstantIsShownInTheInstitutesZoneToTheSecond() {
        Instant at = Instant.parse("2026-12-04T01:44:02.599635Z");

        assertThat(InstituteTime.shown(at)).isEqualTo("2026-12-04 09:44:02");
        assertThat(InstituteTime.seconds(at)).isEqualTo("2026-12-04 09:44:02");
        assertThat(InstituteTime.minutes(at)).isEqualTo("2026-12-04 09:44");
    }

    @Test
    void everyKindOfTimeTheViewsCarryGetsTheSameFormat() {
        assertThat(InstituteTime.shown(LocalDateTime.of(2026, 12, 4, 9, 44, 0, 599_635_000)))
                .as("seconds shown even when zero, no fraction").isEqualTo("2026-12-04 09:44:00");
        assertThat(InstituteTime.shown(OffsetDateTime.of(2026, 12, 4, 1, 44, 2, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-12-04 09:44:02");
        assertThat(InstituteTime.shown(LocalDate.of(2027, 12, 3))).isEqualTo("2027-12-03");
        assertThat(InstituteTime.shown(null)).isEmpty();
        assertThatThrownBy(() -> InstituteTime.shown("2026-12-04")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theZoneIsConfigurableAndAnUnknownOneStopsTheStart() {
        String before = System.getProperty("jiliang.time-zone");
        try {
            System.setProperty("jiliang.time-zone", "Europe/Berlin");
            assertThat(Settings.timeZone().getId()).isEqualTo("Europe/Berlin");
            System.setProperty("jiliang.time-zone", "Asia/Beijing");
            assertThatThrownBy(Settings::timeZone).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Asia/Beijing");
            System.clearProperty("jiliang.time-zone");
            assertThat(Settings.timeZone().getId()).isEqualTo("Asia/Shanghai");
        } finally {
            if (before == null) {
                System.clearProperty("jiliang.time-zone");
            } else {
                System.setProperty("jiliang.time-zone", before);
            }
        }
    }
}
