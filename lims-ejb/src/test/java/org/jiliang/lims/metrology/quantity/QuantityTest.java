package org.jiliang.lims.metrology.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Quantities of every kind the methods use, converted exactly by the SI's relations (units.csv). */
class QuantityTest {

    @Test
    void massKeepsItsDigitsThroughExactConversions() {
        assertThat(Quantity.of("5.00", "kg").to(Units.of("g")).toString()).isEqualTo("5000 g");
        assertThat(Quantity.of("5000", "g").to(Units.of("kg")).toString()).isEqualTo("5.000 kg");
        assertThat(Quantity.of("0.1", "mg").to(Units.of("g")).toString()).isEqualTo("0.0001 g");
        assertThat(Quantity.of("1.5", "t").to(Units.of("kg")).toString()).isEqualTo("1500 kg");
    }

    @Test
    void electricalQuantitiesConvertByTheirPrefixes() {
        assertThat(Quantity.of("10.00021", "V").to(Units.of("mV")).toString()).isEqualTo("10000.21 mV");
        assertThat(Quantity.of("999.98", "Ω").to(Units.of("kΩ")).toString()).isEqualTo("0.99998 kΩ");
        assertThat(Quantity.of("1", "MΩ").compareTo(Quantity.of("1000", "kΩ"))).isZero();
    }

    @Test
    void celsiusIsKelvinShiftedBy273Point15() {
        assertThat(Quantity.of("20.5", "°C").to(Units.of("K")).toString()).isEqualTo("293.65 K");
        assertThat(Quantity.of("293.65", "K").to(Units.of("°C")).toString()).isEqualTo("20.50 °C");
        assertThat(Quantity.of("-10", "°C").compareTo(Quantity.of("263.15", "K"))).isZero();
    }

    @Test
    void millimetresOfMercuryAreExactInPascalsButPascalsInMmHgNeedAStatedPrecision() {
        // 1 mmHg = 133.322 387 415 Pa by convention: 120 mmHg is exactly 15 998.686 489 8 Pa
        assertThat(Quantity.of("120", "mmHg").to(Units.of("Pa")).value()).isEqualByComparingTo("15998.6864898");
        assertThatThrownBy(() -> Quantity.of("16", "kPa").to(Units.of("mmHg")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Quantity.of("16", "kPa").to(Units.of("mmHg"), new MathContext(12)).value())
                .isEqualByComparingTo("120.009852135");
    }

    @Test
    void quantitiesOfDifferentKindsAreNeitherConvertedNorCompared() {
        assertThatThrownBy(() -> Quantity.of("1", "V").to(Units.of("Ω")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voltage").hasMessageContaining("Ω");
        assertThatThrownBy(() -> Quantity.of("1", "kg").compareTo(Quantity.of("1", "kPa")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void symbolsAreCaseSensitiveAndUnknownOnesAreRefusedByName() {
        assertThat(Units.find("Mg")).as("a megagram is not a milligram, and not in the table").isEmpty();
        assertThatThrownBy(() -> Units.of("ohm")).hasMessageContaining("\"ohm\"");
        assertThat(Units.ofKind("pressure")).extracting(Unit::symbol).contains("Pa", "kPa", "mmHg", "bar");
    }

    @Test
    void aUnitWithAnotherPrefixIsTheSameUnitMovedByAPowerOfTen() {
        assertThat(Units.of("g").differsOnlyByPrefix(Units.of("kg"))).isTrue();
        assertThat(Units.of("kPa").differsOnlyByPrefix(Units.of("Pa"))).isTrue();
        // mmHg and kPa measure the same kind, but not by a power of ten; °C has an offset; volts are no mass
        assertThat(Units.of("mmHg").differsOnlyByPrefix(Units.of("kPa"))).isFalse();
        assertThat(Units.of("°C").differsOnlyByPrefix(Units.of("K"))).isFalse();
        assertThat(Units.of("g").differsOnlyByPrefix(Units.of("V"))).isFalse();
    }
}
