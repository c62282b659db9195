package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.jiliang.lims.metrology.Mass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirBuoyancyTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** C = (ρ_a − ρ_0)(1/ρ_t − 1/ρ_r), values [C] from the formula. */
    @ParameterizedTest(name = "ρ_a = {0}, ρ_t = {1}, ρ_r = {2}: C = {3}")
    @CsvSource({
            "1.2, 7950, 8000, 0",
            "1.1, 8000, 8000, 0",
            "1.1, 7950, 8000, -7.86163522E-8",
            "1.3, 7950, 8000, 7.86163522E-8",
            "1.1, 2700, 8000, -0.0000245370370"
    })
    void correctionFactorVanishesAtConventionalAirOrEqualDensities(BigDecimal rhoA, BigDecimal rhoT,
            BigDecimal rhoR, BigDecimal c) {
        BigDecimal factor = AirBuoyancy.correctionFactor(rhoA, rhoT, rhoR);

        assertThat(factor.round(new MathContext(9))).isEqualByComparingTo(c.round(new MathContext(9)));
    }

    @Test
    void correctionIsTheReferenceMassTimesC() {
        AirBuoyancy b = new AirBuoyancy(d("1.1"), d("0"), d("7950"), d("0"), d("8000"), d("0"), d("1.2"));

        Mass correction = b.correction(Mass.parse("1000 g"));

        assertThat(correction.to(org.jiliang.lims.metrology.MassUnit.MG).value().round(new MathContext(6)))
                .isEqualByComparingTo("-0.0786164");
    }

    @Test
    void uncertaintyOfTheAirDensityAloneGivesTheFirstTermOfUb() {
        // m_cr(ρ_r − ρ_t)/(ρ_r ρ_t) · u(ρ_a) = 1000 g · 50/(8000 · 7950) · 0.01 = 7.86163522E-6 g
        AirBuoyancy b = new AirBuoyancy(d("1.1"), d("0.01"), d("7950"), d("0"), d("8000"), d("0"), d("1.2"));

        assertThat(b.standardUncertainty(Mass.parse("1000 g")).value().round(new MathContext(9)))
                .isEqualByComparingTo("7.86163522E-6");
    }

    @Test
    void densityUncertaintiesOfBothWeightsAddTheirTerms() {
        AirBuoyancy onlyTest = new AirBuoyancy(d("1.1"), d("0"), d("7950"), d("10"), d("8000"), d("0"), d("1.2"));
        AirBuoyancy both = new AirBuoyancy(d("1.1"), d("0"), d("7950"), d("10"), d("8000"), d("10"), d("1.2"));

        // second term: [m(ρ_a − ρ_0)]² u²(ρ_t)/ρ_t⁴ = (1000 · 0.1)² · 100 / 7950⁴
        assertThat(onlyTest.standardUncertainty(Mass.parse("1000 g")).value().round(new MathContext(6)))
                .isEqualByComparingTo("1.58222E-5");
        assertThat(both.standardUncertainty(Mass.parse("1000 g")).value())
                .isGreaterThan(onlyTest.standardUncertainty(Mass.parse("1000 g")).value());
    }

    @Test
    void refusesATermCombinationWithANegativeVariance() {
        AirBuoyancy b = new AirBuoyancy(d("1.3"), d("0"), d("8000"), d("0"), d("8000"), d("10"), d("1.3"));

        assertThatThrownBy(() -> b.standardUncertainty(Mass.parse("1000 g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative variance");
    }
}
