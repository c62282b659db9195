package org.jiliang.lims.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiliang.lims.metrology.quantity.Units;
import org.junit.jupiter.api.Test;

/** The bench shows loads and indications in the unit the technician reads on the instrument (issue 11). */
class BenchViewTest {

    @Test
    void aLoadOfThePlanIsShownInTheUnitTheScaleReads() {
        assertThat(BenchView.inUnitShown("30000 g", Units.find("kg").orElseThrow())).isEqualTo("30 kg");
        assertThat(BenchView.inUnitShown("200 g", Units.find("kg").orElseThrow())).isEqualTo("0.2 kg");
        assertThat(BenchView.inUnitShown("15010 g", Units.find("kg").orElseThrow())).isEqualTo("15.01 kg");
    }

    @Test
    void otherwiseThePlansValueStands() {
        // the same unit, no unit shown, another kind, and another unit of the kind that is no change of prefix
        assertThat(BenchView.inUnitShown("30000 g", Units.find("g").orElseThrow())).isNull();
        assertThat(BenchView.inUnitShown("30000 g", null)).isNull();
        assertThat(BenchView.inUnitShown("30000 g", Units.find("V").orElseThrow())).isNull();
        assertThat(BenchView.inUnitShown("150 mmHg", Units.find("kPa").orElseThrow())).isNull();
    }
}
