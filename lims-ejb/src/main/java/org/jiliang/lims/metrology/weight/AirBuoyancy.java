package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * Air buoyancy in the comparison of a test weight with a reference weight (OIML R 111-1:2004 C.4.4 and C.6.3 [M]).
 * Densities in kg/m³.
 *
 * @param airDensity                        ρ_a during the weighing
 * @param airDensityUncertainty             u(ρ_a)
 * @param testDensity                       ρ_t of the test weight
 * @param testDensityUncertainty            u(ρ_t)
 * @param referenceDensity                  ρ_r of the reference weight
 * @param referenceDensityUncertainty       u(ρ_r)
 * @param airDensityAtReferenceCalibration  ρ_a1, the air density when the reference weight was calibrated
 */
public record AirBuoyancy(BigDecimal airDensity, BigDecimal airDensityUncertainty, BigDecimal testDensity,
        BigDecimal testDensityUncertainty, BigDecimal referenceDensity, BigDecimal referenceDensityUncertainty,
        BigDecimal airDensityAtReferenceCalibration) {

    /** ρ_0 = 1.2 kg/m³, the air density of the conventional mass (OIML D 28). */
    public static final BigDecimal REFERENCE_AIR_DENSITY = new BigDecimal("1.2");

    private static final MathContext MC = MathContext.DECIMAL128;

    public AirBuoyancy {
        Objects.requireNonNull(airDensity, "airDensity");
        Objects.requireNonNull(airDensityUncertainty, "airDensityUncertainty");
        Objects.requireNonNull(testDensity, "testDensity");
        Objects.requireNonNull(testDensityUncertainty, "testDensityUncertainty");
        Objects.requireNonNull(referenceDensity, "referenceDensity");
        Objects.requireNonNull(referenceDensityUncertainty, "referenceDensityUncertainty");
        Objects.requireNonNull(airDensityAtReferenceCalibration, "airDensityAtReferenceCalibration");
        if (testDensity.signum() <= 0 || referenceDensity.signum() <= 0 || airDensity.signum() <= 0) {
            throw new IllegalArgumentException("Densities must be positive");
        }
    }

    /** C = (ρ_a − ρ_0)(1/ρ_t − 1/ρ_r) (R 111-1 C.4.4 [M]). */
    public static BigDecimal correctionFactor(BigDecimal airDensity, BigDecimal testDensity,
            BigDecimal referenceDensity) {
        return airDensity.subtract(REFERENCE_AIR_DENSITY).multiply(
                BigDecimal.ONE.divide(testDensity, MC).subtract(BigDecimal.ONE.divide(referenceDensity, MC)), MC);
    }

    public BigDecimal correctionFactor() {
        return correctionFactor(airDensity, testDensity, referenceDensity);
    }

    /** The buoyancy correction m_cr·C, in the unit of m_cr. */
    public Mass correction(Mass referenceConventionalMass) {
        return referenceConventionalMass.times(correctionFactor());
    }

    /**
     * u_b, the standard uncertainty of the buoyancy correction, implemented as written in the project reference
     * (R 111-1 C.6.3 [M]):
     * u_b² = [m_cr(ρ_r − ρ_t)/(ρ_r ρ_t)]² u²(ρ_a) + [m_cr(ρ_a − ρ_0)]² u²(ρ_t)/ρ_t⁴
     * + m_cr²(ρ_a − ρ_0)[(ρ_a − ρ_0) − 2(ρ_a1 − ρ_0)] u²(ρ_r)/ρ_r⁴.
     *
     * @throws IllegalArgumentException if the three terms add up to a negative variance
     */
    public Mass standardUncertainty(Mass referenceConventionalMass) {
        BigDecimal m = referenceConventionalMass.value();
        BigDecimal rhoA0 = airDensity.subtract(REFERENCE_AIR_DENSITY);
        BigDecimal first = m.multiply(referenceDensity.subtract(testDensity))
                .divide(referenceDensity.multiply(testDensity), MC).pow(2).multiply(airDensityUncertainty.pow(2));
        BigDecimal second = m.multiply(rhoA0).pow(2).multiply(testDensityUncertainty.pow(2))
                .divide(testDensity.pow(4), MC);
        BigDecimal third = m.pow(2).multiply(rhoA0)
                .multiply(rhoA0.subtract(BigDecimal.valueOf(2).multiply(
                        airDensityAtReferenceCalibration.subtract(REFERENCE_AIR_DENSITY))))
                .multiply(referenceDensityUncertainty.pow(2)).divide(referenceDensity.pow(4), MC);
        BigDecimal variance = first.add(second).add(third, MC);
        if (variance.signum() < 0) {
            throw new IllegalArgumentException("The buoyancy terms give a negative variance " + variance
                    + "; check ρ_a1 and u(ρ_r)");
        }
        return Mass.of(variance.signum() == 0 ? BigDecimal.ZERO : variance.sqrt(MC), referenceConventionalMass.unit());
    }
}
