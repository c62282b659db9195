package org.jiliang.instrument.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.jiliang.instrument.frame.RawFrame;
import org.junit.jupiter.api.Test;

class DeviceReadingTest {

    private final RawFrame frame = new RawFrame("balance-1", 1, Instant.parse("2025-03-01T08:00:00Z"), new byte[] {'x', '\r', '\n'});

    @Test
    void onlyAStableWeightIsUsable() {
        assertThat(DeviceReading.weight(frame, true, new BigDecimal("100.00"), "g").isUsable()).isTrue();
        assertThat(DeviceReading.weight(frame, false, new BigDecimal("100.00"), "g").isUsable()).isFalse();
        assertThat(DeviceReading.withoutValue(frame, ReadingStatus.OVERLOAD).isUsable()).isFalse();
        assertThat(DeviceReading.malformed(frame, "garbage").isStable()).isFalse();
    }

    @Test
    void aWeightNeedsAValueAndAUnit() {
        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.STABLE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.DYNAMIC, BigDecimal.ONE, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.OVERLOAD, BigDecimal.ONE, "g", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectedReadingNeedsAReason() {
        assertThatThrownBy(() -> DeviceReading.malformed(frame, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceReading.deviceError(frame, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.UNDERLOAD, null, null, "pan lifted"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
