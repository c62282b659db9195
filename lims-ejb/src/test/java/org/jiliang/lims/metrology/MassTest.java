package org.jiliang.lims.metrology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MassTest {

    @ParameterizedTest(name = "{0} = {2} {1}")
    @CsvSource({
            "5 kg,      G,  5000",
            "5000 g,    KG, 5",
            "1 g,       MG, 1000",
            "250 mg,    G,  0.25",
            "0.001 kg,  MG, 1000",
            "1.2345 g,  MG, 1234.5",
            "3 mg,      KG, 0.000003",
            "-2.5 g,    MG, -2500"
    })
    void convertsExactly(String mass, MassUnit target, BigDecimal expected) {
        Mass converted = Mass.parse(mass).to(target);

        assertThat(converted.unit()).isEqualTo(target);
        assertThat(converted.value()).isEqualByComparingTo(expected);
        assertThat(converted.to(Mass.parse(mass).unit())).isEqualTo(Mass.parse(mass));
    }

    @ParameterizedTest(name = "{0} prints as \"{0}\"")
    @CsvSource({"5000 g", "0.5 mg", "2.50 g", "-10 g", "30 kg"})
    void printsValueAndSymbol(String text) {
        assertThat(Mass.parse(text)).hasToString(text);
    }

    @Test
    void printsConvertedValuesWithoutExponent() {
        assertThat(Mass.parse("5 g").to(MassUnit.MG)).hasToString("5000 mg");
        assertThat(Mass.parse("5 kg").to(MassUnit.G)).hasToString("5000 g");
        assertThat(Mass.parse("5 g").to(MassUnit.KG)).hasToString("0.005 kg");
    }

    @Test
    void equalMassesDenoteTheSameQuantity() {
        assertThat(Mass.parse("5 kg")).isEqualTo(Mass.parse("5000 g")).hasSameHashCodeAs(Mass.parse("5000000 mg"));
        assertThat(Mass.parse("2.50 g")).isEqualTo(Mass.parse("2.5 g")).hasSameHashCodeAs(Mass.parse("2.5 g"));
        assertThat(Mass.parse("0 kg")).isEqualTo(Mass.parse("0.000 mg")).hasSameHashCodeAs(Mass.parse("0.000 mg"));
        assertThat(Mass.parse("5 g")).isNotEqualTo(Mass.parse("5 mg"));
    }

    @Test
    void comparesAcrossUnits() {
        assertThat(Mass.parse("1.001 kg")).isGreaterThan(Mass.parse("1000 g"));
        assertThat(Mass.parse("999999 mg")).isLessThan(Mass.parse("1 kg"));
        assertThat(Mass.parse("1 kg").compareTo(Mass.parse("1000000 mg"))).isZero();
    }

    @Test
    void computesInTheUnitOfTheLeftOperand() {
        assertThat(Mass.parse("20 kg").plus(Mass.parse("10 g"))).hasToString("20.010 kg");
        assertThat(Mass.parse("20010 g").minus(Mass.parse("20 kg"))).hasToString("10 g");
        assertThat(Mass.parse("-2.5 g").abs()).hasToString("2.5 g");
        assertThat(Mass.parse("2.5 g").negate()).hasToString("-2.5 g");
        assertThat(Mass.parse("5 g").times(new BigDecimal("0.5"))).isEqualTo(Mass.parse("2.5 g"));
        assertThat(Mass.parse("30 kg").dividedBy(Mass.parse("10 g"))).isEqualByComparingTo("3000");
    }

    @Test
    void keepsSmallDifferencesExact() {
        Mass sum = Stream.generate(() -> Mass.parse("0.1 g")).limit(10).reduce(Mass.parse("0 g"), Mass::plus);

        assertThat(sum).isEqualTo(Mass.parse("1 g"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a mass")
    @CsvSource({"5000", "5000 lb", "five g", "5 000 g", "5 Mg"})
    void refusesUnreadableText(String text) {
        assertThatThrownBy(() -> Mass.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1} g per unit")
    @CsvSource({"MG, mg, 0.001", "G, g, 1", "KG, kg, 1000"})
    void knowsSymbolAndFactorToGram(MassUnit unit, String symbol, BigDecimal gramsPerUnit) {
        assertThat(unit.symbol()).isEqualTo(symbol);
        assertThat(unit.gramsPerUnit()).isEqualByComparingTo(gramsPerUnit);
        assertThat(MassUnit.fromSymbol(symbol)).isEqualTo(unit);
    }
}
