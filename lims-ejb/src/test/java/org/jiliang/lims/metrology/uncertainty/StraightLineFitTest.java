package org.jiliang.lims.metrology.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JCGM 100:2008 Annex H.3, "Calibration of a thermometer": eleven readings t_k against a reference, corrections
 * b_k = t_R,k − t_k (Table H.6), fitted by b(t) = y₁ + y₂(t − t₀), t₀ = 20 °C, by unweighted least squares.
 * Published (H.3.3, H.3.4): y₁ = −0.1712 °C, s(y₁) = 0.0029 °C, y₂ = 0.00218, s(y₂) = 0.00067, r(y₁, y₂) = −0.930,
 * s = 0.0035 °C, ν = 9; at t = 30 °C: b = −0.1494 °C with u = 0.0041 °C.
 *
 * <p>The GUM text was not readable in the stored sources. The table is as in MSLNZ/GTC examples/GUM_H3.py and the
 * METAS UncLib "Example Gum H3"; GTC docs/API/GUM_H3.rst (commit 6d606b1) prints "Intercept: -0.1712(29)",
 * "Slope: 0.00218(67)", "Correlation: -0.93", "Correction at 30 C: -0.1494(41)", the sum of squared residuals
 * 0.000110096583109 and the unrounded intercept -0.17120379013135004, and states that they agree with the GUM.
 * The third digit of r (−0.930) and s = 0.0035 °C are quoted from memory of the GUM [unconfirmed]; s follows from
 * that sum of squares, √(0.000110096583109/9) = 0.0034975 °C.
 */
class StraightLineFitTest {

    private static final List<BigDecimal> T = decimals("21.521", "22.012", "22.512", "23.003", "23.507", "23.999",
            "24.513", "25.002", "25.503", "26.010", "26.511");
    private static final List<BigDecimal> B = decimals("-0.171", "-0.169", "-0.166", "-0.159", "-0.164", "-0.165",
            "-0.156", "-0.157", "-0.159", "-0.161", "-0.160");
    private static final BigDecimal T0 = new BigDecimal("20");

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static BigDecimal sig(BigDecimal value, int digits) {
        return value.round(new MathContext(digits, RoundingMode.HALF_UP));
    }

    @Test
    void thermometerCorrectionCurveHasThePublishedCoefficientsAndUncertainties() {
        StraightLineFit fit = StraightLineFit.ordinary(T, B, T0);

        assertThat(fit.intercept().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("-0.1712");
        assertThat(sig(fit.slope(), 3)).isEqualByComparingTo("0.00218");
        assertThat(sig(fit.interceptUncertainty(), 2)).isEqualByComparingTo("0.0029");
        assertThat(sig(fit.slopeUncertainty(), 2)).isEqualByComparingTo("0.00067");
        assertThat(fit.correlation().setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("-0.930");
        assertThat(sig(fit.residualStandardDeviation(), 2)).isEqualByComparingTo("0.0035");
        assertThat(fit.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(9));
        // the unrounded figures GTC prints for the same data
        assertThat(sig(fit.intercept(), 15)).isEqualByComparingTo("-0.171203790131350");
        assertThat(sig(fit.residualStandardDeviation().pow(2).multiply(BigDecimal.valueOf(9)), 12))
                .isEqualByComparingTo("0.000110096583109");
    }

    @Test
    void correctionAt30DegreesHasThePublishedValueAndUncertainty() {
        StraightLineFit.Prediction b30 = StraightLineFit.ordinary(T, B, T0).predict(new BigDecimal("30"));

        assertThat(b30.value().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("-0.1494");
        assertThat(sig(b30.standardUncertainty(), 2)).isEqualByComparingTo("0.0041");
        assertThat(b30.asInputQuantity("b(30 °C)", "°C").degreesOfFreedom()).isEqualTo(DegreesOfFreedom.of(9));
    }

    @Test
    void theCorrelationOfTheCoefficientsMattersForThePrediction() {
        // Without the covariance term u(b(30)) would be √(0.0029² + 10²·0.00067²) ≈ 0.0073 °C, not 0.0041 °C.
        StraightLineFit fit = StraightLineFit.ordinary(T, B, T0);
        BigDecimal withoutCovariance = Precision.sqrt(fit.interceptUncertainty().pow(2)
                .add(BigDecimal.valueOf(100).multiply(fit.slopeUncertainty().pow(2))));

        assertThat(sig(withoutCovariance, 2)).isEqualByComparingTo("0.0073");
    }

    @Test
    void weightedFitWithEqualStatedUncertaintiesHasTheSameLineAndUncertaintiesFromTheStatedValue() {
        BigDecimal u = new BigDecimal("0.0035");
        StraightLineFit ordinary = StraightLineFit.ordinary(T, B, T0);
        StraightLineFit weighted = StraightLineFit.weighted(T, B, Collections.nCopies(T.size(), u), T0);

        assertThat(sig(weighted.intercept(), 30)).isEqualByComparingTo(sig(ordinary.intercept(), 30));
        assertThat(sig(weighted.slope(), 30)).isEqualByComparingTo(sig(ordinary.slope(), 30));
        assertThat(weighted.correlation().setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("-0.930");
        assertThat(weighted.degreesOfFreedom().isInfinite()).isTrue();
        // u(y_i) = 0.0035 °C ≈ s: the stated uncertainties explain the scatter, χ² ≈ ν = 9
        assertThat(weighted.chiSquared().orElseThrow().setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("9");
        assertThat(sig(weighted.interceptUncertainty(), 2)).isEqualByComparingTo("0.0029");
    }

    @Test
    void aPointWithMoreUncertaintyWeighsLess() {
        List<BigDecimal> x = decimals("0", "1", "2", "3");
        List<BigDecimal> y = decimals("0", "1", "2", "4");
        StraightLineFit equal = StraightLineFit.weighted(x, y, decimals("0.1", "0.1", "0.1", "0.1"), BigDecimal.ZERO);
        StraightLineFit lastUncertain = StraightLineFit.weighted(x, y, decimals("0.1", "0.1", "0.1", "10"),
                BigDecimal.ZERO);

        assertThat(equal.slope()).isEqualByComparingTo("1.3");
        assertThat(lastUncertain.slope().subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("0.001"));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> StraightLineFit.ordinary(decimals("1", "1", "1"), decimals("1", "2", "3"), T0))
                .hasMessageContaining("all x values are equal");
        assertThatThrownBy(() -> StraightLineFit.ordinary(decimals("1", "2"), decimals("1", "2"), T0))
                .hasMessageContaining("at least 3 points");
        assertThatThrownBy(() -> StraightLineFit.weighted(decimals("1", "2", "3"), decimals("1", "2", "3"),
                decimals("0.1", "0", "0.1"), T0)).hasMessageContaining("point 2");
    }
}
