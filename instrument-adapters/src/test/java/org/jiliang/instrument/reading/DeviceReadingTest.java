package org.jiliang.instrument.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

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

    @Test
    void aSingleValueReadingHasOneQuantity() {
        DeviceReading legacy = new DeviceReading(frame, ReadingStatus.STABLE, new BigDecimal("100.00"), "g", null);
        DeviceReading weight = DeviceReading.weight(frame, true, new BigDecimal("100.00"), "g");

        assertThat(legacy.quantities()).containsExactly(new Quantity(DeviceReading.PRIMARY, new BigDecimal("100.00"), "g"));
        assertThat(weight.quantities()).containsExactly(new Quantity(DeviceReading.MASS, new BigDecimal("100.00"), "g"));
        assertThat(DeviceReading.malformed(frame, "garbage").quantities()).isEmpty();
    }

    @Test
    void aMeasurementOfSeveralQuantitiesKeepsThePrimaryOneAsValueAndUnit() {
        DeviceReading conditions = DeviceReading.measurement(frame, true, List.of(
                new Quantity("P", new BigDecimal("1013.2"), "hPa"),
                new Quantity("T", new BigDecimal("20.3"), "'C"),
                new Quantity("RH", new BigDecimal("48.5"), "%RH")));

        assertThat(conditions.value()).isEqualTo(new BigDecimal("1013.2"));
        assertThat(conditions.unit()).isEqualTo("hPa");
        assertThat(conditions.quantity("RH")).map(Quantity::value).contains(new BigDecimal("48.5"));
        assertThat(conditions.quantity("CO2")).isEmpty();
        assertThat(conditions.isUsable()).isTrue();
    }

    @Test
    void quantitiesMustAgreeWithTheValue() {
        List<Quantity> pressure = List.of(new Quantity("P", new BigDecimal("1013.2"), "hPa"));

        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.STABLE, new BigDecimal("1000"), "hPa", null, pressure))
                .hasMessage("value and unit must be those of the first quantity");
        assertThatThrownBy(() -> new DeviceReading(frame, ReadingStatus.OVERLOAD, null, null, null, pressure))
                .hasMessage("a reading has quantities exactly when it has a value");
        assertThatThrownBy(() -> DeviceReading.measurement(frame, true, List.of()))
                .hasMessage("a measurement needs at least one quantity");
        assertThatThrownBy(() -> new Quantity("T", BigDecimal.ONE, " ")).hasMessage("quantity T needs a unit");
    }
}
