package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputQuantityTest {

    private static BigDecimal sig(BigDecimal value, int digits) {
        return value.round(new MathContext(digits));
    }

    @ParameterizedTest(name = "{0}, a = 1: u = {1}, divisor {2}")
    @CsvSource({
            "rectangular, 0.577350269, √3",
            "triangular,  0.408248290, √6",
            "U-shaped,    0.707106781, √2"
    })
    void typeBFromLimitsDividesTheHalfWidthByTheDivisorOfItsDistribution(String distribution, BigDecimal u,
            String divisor) {
        InputQuantity q = switch (distribution) {
            case "rectangular" -> InputQuantity.rectangular("x", "mg", BigDecimal.ZERO, BigDecimal.ONE);
            case "triangular" -> InputQuantity.triangular("x", "mg", BigDecimal.ZERO, BigDecimal.ONE);
            default -> InputQuantity.uShaped("x", "mg", BigDecimal.ZERO, BigDecimal.ONE);
        };

        assertThat(sig(q.standardUncertainty(), 9)).isEqualByComparingTo(u);
        assertThat(q.degreesOfFreedom().isInfinite()).isTrue();
        assertThat(q.evaluation().type()).isEqualTo(EvaluationType.B);
        assertThat(q.evaluation().distribution()).isEqualTo(distribution);
        assertThat(q.evaluation().basis()).isEqualTo("u = a/" + divisor + ", a = 1 mg");
    }

    @Test
    void typeBFromACertificateDividesTheExpandedUncertaintyByK() {
        InputQuantity q = InputQuantity.normal("m_S", "g", new BigDecimal("10000.005"), new BigDecimal("0.045"),
                new BigDecimal("2"));

        assertThat(q.standardUncertainty()).isEqualByComparingTo("0.0225");
        assertThat(q.estimate()).isEqualByComparingTo("10000.005");
        assertThat(q.evaluation().basis()).isEqualTo("u = U/k, U = 0.045 g, k = 2");
    }

    @Test
    void typeAFromReadingsGivesTheMeanTheStandardDeviationOfTheMeanAndNMinusOneDegreesOfFreedom() {
        Readings readings = Readings.of("10.1", "10.3", "10.2", "10.4", "10.0");

        InputQuantity q = InputQuantity.typeA("x", "mm", readings);

        assertThat(q.estimate()).isEqualByComparingTo("10.2");
        assertThat(sig(readings.experimentalStandardDeviation(), 9)).isEqualByComparingTo("0.158113883");
        assertThat(sig(q.standardUncertainty(), 9)).isEqualByComparingTo("0.0707106781");
        assertThat(q.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(4));
        assertThat(q.evaluation().type()).isEqualTo(EvaluationType.A);
        assertThat(q.evaluation().basis()).startsWith("u = s/√n, n = 5");
    }

    @Test
    void typeAWithAPooledStandardDeviationDividesItByTheRootOfTheNewReadings() {
        InputQuantity q = InputQuantity.typeAPooled("δm", "mg", new BigDecimal("20"), new BigDecimal("25"), 3,
                DegreesOfFreedom.of(30));

        assertThat(sig(q.standardUncertainty(), 3)).isEqualByComparingTo("14.4");
        assertThat(q.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(30));
    }

    @Test
    void aTypeBEvaluationCanBeGivenFiniteDegreesOfFreedom() {
        InputQuantity q = InputQuantity.rectangular("δθ", "°C", BigDecimal.ZERO, new BigDecimal("0.05"))
                .withDegreesOfFreedom(DegreesOfFreedom.of(2));

        assertThat(q.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(2));
        assertThat(q.evaluation().distribution()).isEqualTo("rectangular");
    }

    @Test
    void refusesANegativeHalfWidth() {
        assertThatThrownBy(() -> InputQuantity.rectangular("x", "mg", BigDecimal.ZERO, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Half-width of x must not be negative, was -1");
    }

    @Test
    void refusesASingleReading() {
        assertThatThrownBy(() -> Readings.of("1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two readings");
    }

    @Test
    void correlationOfSimultaneousReadingsIsThatOfTheirMeans() {
        Readings a = Readings.of("1", "2", "3", "4");
        Readings b = Readings.of("2", "4", "6", "8");
        Readings c = Readings.of("8", "6", "4", "2");

        assertThat(a.correlationWith(b)).isEqualByComparingTo("1");
        assertThat(a.correlationWith(c)).isEqualByComparingTo("-1");
    }

    @ParameterizedTest(name = "\"{0}\" is ν = {1}")
    @CsvSource({"∞, ∞", "inf, ∞", "25.6, 25.6", "16.76, 16.76"})
    void degreesOfFreedomReadBackTheirPrintedForm(String text, String printed) {
        assertThat(DegreesOfFreedom.parse(text)).hasToString(printed);
    }

    @Test
    void refusesZeroDegreesOfFreedom() {
        assertThatThrownBy(() -> DegreesOfFreedom.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
