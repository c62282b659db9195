package org.jiliang.lims.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the register accepts as an instrument's typed parameter, and how it is refused. */
class ParameterSpecTest {

    private static final ParameterSpec RANGES =
            ParameterSpec.quantities("dcv.ranges", "直流电压量程", "DC voltage ranges", "voltage", true);
    private static final ParameterSpec DIVISION =
            ParameterSpec.quantity("division", "分度值", "Division", "pressure", false);
    private static final ParameterSpec WATER =
            ParameterSpec.signedQuantity("thaw.water", "解冻水温", "Thawing water's temperature", "temperature", true);
    private static final ParameterSpec CHANNELS = ParameterSpec.integer("channels", "通道数", "Channels", 1, 64, true);
    private static final ParameterSpec DIGITS =
            ParameterSpec.choice("digits", "显示位数", "Display digits", List.of("5½", "6½"), true);

    @Test
    void aListOfRangesIsKeptAsWrittenEachWithItsUnit() {
        var value = RANGES.check(" 100.0 mV; 1 V;10 V ; 1000 V").orElseThrow();

        assertThat(value.text()).isEqualTo("100.0 mV; 1 V; 10 V; 1000 V");
        assertThat(value.unit()).isNull();
        assertThat(new InstrumentParameters(java.util.Map.of("dcv.ranges", value)).quantities("dcv.ranges"))
                .extracting(Object::toString).containsExactly("100.0 mV", "1 V", "10 V", "1000 V");
    }

    @ParameterizedTest(name = "{0} → refused")
    @CsvSource(delimiter = '|', value = {
            "10 Ω",        // another kind of quantity
            "10V",         // no space between value and unit
            "ten V",       // not a number
            "-10 V",       // not positive
            "0 V",
            "10 v",        // symbols are case-sensitive
            "1e400 V",     // beyond the digits a value keeps
            "1; 10",       // no unit
    })
    void aRangeThatIsNotAPositiveVoltageIsRefusedNamingTheParameter(String raw) {
        assertThatThrownBy(() -> RANGES.check(raw))
                .isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.instrument.parameterInvalid"))
                .hasMessageContaining("DC voltage ranges")
                .hasMessageContaining("V, mV");
    }

    @Test
    void aRequiredParameterLeftBlankIsRefusedAndAnOptionalOneIsSimplyAbsent() {
        assertThatThrownBy(() -> RANGES.check("  "))
                .satisfies(e -> assertThat(((RefusedException) e).messageKey()).isEqualTo("error.instrument.parameterMissing"));
        assertThat(DIVISION.check(null)).isEmpty();
    }

    @ParameterizedTest(name = "water {0} → {1} {2}")
    @CsvSource({"25 °C, 25, °C", "25.5  °C, 25.5, °C", "296.15 K, 296.15, K", "-2 °C, -2, °C"})
    void aTemperatureIsKeptWithItsUnitCelsiusOrKelvin(String raw, String value, String unit) {
        var kept = WATER.check(raw).orElseThrow();
        assertThat(kept.text()).isEqualTo(value);
        assertThat(kept.unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "water {0} → refused")
    @CsvSource({"25 g", "25", "warm", "25°C"}) // a value and its unit apart, as every quantity the register takes
    void aTemperatureWithoutAUnitOfTemperatureIsRefused(String raw) {
        assertThatThrownBy(() -> WATER.check(raw)).isInstanceOf(RefusedException.class);
    }

    @ParameterizedTest(name = "channels {0} → {1}")
    @CsvSource({"1, 1", "64, 64", "8.0, 8"})
    void aWholeNumberWithinItsBoundsIsAccepted(String raw, String stored) {
        assertThat(CHANNELS.check(raw).orElseThrow().text()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "channels {0} → refused")
    @CsvSource({"0", "65", "2.5", "two"})
    void aNumberOutsideItsBoundsOrNotWholeIsRefused(String raw) {
        assertThatThrownBy(() -> CHANNELS.check(raw)).hasMessageContaining("1 to 64");
    }

    @Test
    void aChoiceOutsideItsListIsRefusedNamingTheChoices() {
        assertThat(DIGITS.check("6½").orElseThrow().text()).isEqualTo("6½");
        assertThatThrownBy(() -> DIGITS.check("6.5")).hasMessageContaining("5½, 6½");
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedBeforeAnythingElse() {
        assertThatThrownBy(() -> RANGES.check("1 V; ".repeat(100)))
                .hasMessageContaining("≤ " + ParameterSpec.MAX_VALUE + " characters");
    }

    @Test
    void aListOfMoreThanSixteenRangesIsRefused() {
        String seventeen = String.join("; ", java.util.stream.IntStream.rangeClosed(1, 17).mapToObj(i -> i + " V")
                .toList());
        assertThatThrownBy(() -> RANGES.check(seventeen)).hasMessageContaining("≤ 16 values");
    }
}
