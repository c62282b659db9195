package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirDensityTest {

    private static String five(BigDecimal value) {
        return value.setScale(5, RoundingMode.HALF_UP).toPlainString();
    }

    /** The test vectors of the project reference §2.4 [C], x_CO2 = 0.0004, to the printed five decimals. */
    @ParameterizedTest(name = "t = {0} °C, p = {1} hPa, h = {2} %: CIPM-2007 {3}, R 111 E.3 {4}, masscor {5}")
    @CsvSource({
            "20,   1013.25, 50, 1.19931, 1.19929, 1.19926",
            "20,   1000,    50, 1.18356, 1.18354, 1.18351",
            "22.3, 997.4,   37, 1.17202, 1.17203, 1.17200"
    })
    void reproducesTheReferenceTestVectors(BigDecimal t, BigDecimal p, BigDecimal h, String cipm, String oiml,
            String masscor) {
        assertThat(five(AirDensity.cipm2007(t, p, h))).isEqualTo(cipm);
        assertThat(five(AirDensity.oimlR111Approximation(t, p, h))).isEqualTo(oiml);
        assertThat(five(AirDensity.ApproximateFormula.MASSCOR_CIPM_APPROX.density(t, p, h))).isEqualTo(masscor);
    }

    @Test
    void moreCarbonDioxideMakesTheAirDenser() {
        BigDecimal t = new BigDecimal("20");
        BigDecimal p = new BigDecimal("1013.25");
        BigDecimal h = new BigDecimal("50");

        assertThat(AirDensity.cipm2007(t, p, h, new BigDecimal("0.0005")))
                .isGreaterThan(AirDensity.cipm2007(t, p, h, new BigDecimal("0.0004")));
    }

    @Test
    void dryAirAtStandardConditionsIsAbout1Point2Kilograms() {
        BigDecimal rho = AirDensity.cipm2007(new BigDecimal("20"), new BigDecimal("1013.25"), BigDecimal.ZERO);

        assertThat(rho).isBetween(new BigDecimal("1.20"), new BigDecimal("1.21"));
    }

    @ParameterizedTest(name = "h = {0} % is refused")
    @CsvSource({"-1", "100.1"})
    void refusesAnImpossibleHumidity(BigDecimal h) {
        assertThatThrownBy(() -> AirDensity.cipm2007(new BigDecimal("20"), new BigDecimal("1000"), h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 % and 100 %");
    }

    @Test
    void refusesANonPositivePressure() {
        assertThatThrownBy(() -> AirDensity.oimlR111Approximation(new BigDecimal("20"), BigDecimal.ZERO,
                new BigDecimal("50")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Air pressure must be positive, was 0 hPa");
    }
}
