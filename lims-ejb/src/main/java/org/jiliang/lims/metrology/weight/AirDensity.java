package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Density of moist air from the recorded temperature, pressure and humidity, in kg/m³.
 *
 * <p>CIPM-2007: A. Picard, R. S. Davis, M. Gläser, K. Fujii, "Revised formula for the density of moist air
 * (CIPM-2007)", Metrologia 45 (2008) 149–155; constants as implemented in {@code Crparedes/masscor}
 * {@code R/airDensity.R} (commit 1c9c17d). The approximation of OIML R 111-1:2004 E.3 [M] is also offered.
 * Arithmetic is decimal throughout; the result keeps 12 significant digits.
 */
public final class AirDensity {

    private static final MathContext MC = new MathContext(30);
    private static final MathContext RESULT = new MathContext(12);

    /** Molar gas constant R, J/(mol·K) (CIPM-2007). */
    static final BigDecimal GAS_CONSTANT = new BigDecimal("8.314472");
    /** Molar mass of water M_v, kg/mol. */
    static final BigDecimal MOLAR_MASS_WATER = new BigDecimal("18.01528E-3");
    /** Molar mass of dry air at x_CO2 = 0.0004: 28.96546 g/mol, + 12.011 g/mol per unit of x_CO2 − 0.0004. */
    static final BigDecimal MOLAR_MASS_DRY_AIR = new BigDecimal("28.96546");
    static final BigDecimal MOLAR_MASS_CO2_SLOPE = new BigDecimal("12.011");
    static final BigDecimal REFERENCE_CO2 = new BigDecimal("0.0004");
    /** Saturation vapour pressure p_sv = exp(A T² + B T + C + D/T), Pa. */
    static final BigDecimal PSV_A = new BigDecimal("1.2378847E-5");
    static final BigDecimal PSV_B = new BigDecimal("-1.9121316E-2");
    static final BigDecimal PSV_C = new BigDecimal("33.93711047");
    static final BigDecimal PSV_D = new BigDecimal("-6.3431645E3");
    /** Enhancement factor f = α + β p + γ t². */
    static final BigDecimal F_ALPHA = new BigDecimal("1.00062");
    static final BigDecimal F_BETA = new BigDecimal("3.14E-8");
    static final BigDecimal F_GAMMA = new BigDecimal("5.6E-7");
    /** Compressibility factor Z. */
    static final BigDecimal A0 = new BigDecimal("1.58123E-6");
    static final BigDecimal A1 = new BigDecimal("-2.9331E-8");
    static final BigDecimal A2 = new BigDecimal("1.1043E-10");
    static final BigDecimal B0 = new BigDecimal("5.707E-6");
    static final BigDecimal B1 = new BigDecimal("-2.051E-8");
    static final BigDecimal C0 = new BigDecimal("1.9898E-4");
    static final BigDecimal C1 = new BigDecimal("-2.376E-6");
    static final BigDecimal D = new BigDecimal("1.83E-11");
    static final BigDecimal E = new BigDecimal("-0.765E-8");

    private static final BigDecimal KELVIN_OFFSET = new BigDecimal("273.15");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * An approximation ρ_a = (a·p − b·h_r·exp(c·t))/(273.15 + t) with p in hPa, h_r in %, t in °C.
     *
     * @param source where the coefficients come from
     */
    public record ApproximateFormula(BigDecimal a, BigDecimal b, BigDecimal c, String source) {

        /** OIML R 111-1:2004 (E.3-1) [M]: a = 0.34848, b = 0.009, c = 0.061. */
        public static final ApproximateFormula OIML_R111_E3 = new ApproximateFormula(new BigDecimal("0.34848"),
                new BigDecimal("0.009"), new BigDecimal("0.061"), "OIML R 111-1:2004 E.3 [M]");

        /** The variant masscor calls "CIPM.approx": b = 0.009024, c = 0.0612. */
        public static final ApproximateFormula MASSCOR_CIPM_APPROX = new ApproximateFormula(
                new BigDecimal("0.34848"), new BigDecimal("0.009024"), new BigDecimal("0.0612"),
                "Crparedes/masscor R/airDensity.R, model CIPM.approx");

        public ApproximateFormula {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(c, "c");
            Objects.requireNonNull(source, "source");
        }

        public BigDecimal density(BigDecimal temperatureCelsius, BigDecimal pressureHpa,
                BigDecimal relativeHumidityPercent) {
            requireConditions(temperatureCelsius, pressureHpa, relativeHumidityPercent);
            BigDecimal vapour = b.multiply(relativeHumidityPercent)
                    .multiply(DecimalExponential.exp(c.multiply(temperatureCelsius), MC));
            return a.multiply(pressureHpa).subtract(vapour)
                    .divide(KELVIN_OFFSET.add(temperatureCelsius), MC).round(RESULT);
        }
    }

    private AirDensity() {
    }

    /**
     * CIPM-2007.
     *
     * @param temperatureCelsius      t in °C
     * @param pressureHpa             p in hPa
     * @param relativeHumidityPercent h_r in %
     * @param co2MoleFraction         x_CO2, e.g. 0.0004
     */
    public static BigDecimal cipm2007(BigDecimal temperatureCelsius, BigDecimal pressureHpa,
            BigDecimal relativeHumidityPercent, BigDecimal co2MoleFraction) {
        requireConditions(temperatureCelsius, pressureHpa, relativeHumidityPercent);
        Objects.requireNonNull(co2MoleFraction, "co2MoleFraction");
        BigDecimal t = temperatureCelsius;
        BigDecimal temperature = t.add(KELVIN_OFFSET);
        BigDecimal p = pressureHpa.multiply(HUNDRED);
        BigDecimal h = relativeHumidityPercent.divide(HUNDRED, MC);
        BigDecimal ma = MOLAR_MASS_DRY_AIR.add(MOLAR_MASS_CO2_SLOPE.multiply(co2MoleFraction.subtract(REFERENCE_CO2)))
                .movePointLeft(3);
        BigDecimal exponent = PSV_A.multiply(temperature.pow(2)).add(PSV_B.multiply(temperature)).add(PSV_C)
                .add(PSV_D.divide(temperature, MC));
        BigDecimal psv = DecimalExponential.exp(exponent, MC);
        BigDecimal f = F_ALPHA.add(F_BETA.multiply(p)).add(F_GAMMA.multiply(t.pow(2)));
        BigDecimal xv = h.multiply(f).multiply(psv).divide(p, MC);
        BigDecimal bracket = A0.add(A1.multiply(t)).add(A2.multiply(t.pow(2)))
                .add(B0.add(B1.multiply(t)).multiply(xv))
                .add(C0.add(C1.multiply(t)).multiply(xv.pow(2)));
        BigDecimal z = BigDecimal.ONE.subtract(p.divide(temperature, MC).multiply(bracket))
                .add(p.pow(2).divide(temperature.pow(2), MC).multiply(D.add(E.multiply(xv.pow(2)))));
        BigDecimal vapourFactor = BigDecimal.ONE.subtract(
                xv.multiply(BigDecimal.ONE.subtract(MOLAR_MASS_WATER.divide(ma, MC))));
        return p.multiply(ma).divide(z.multiply(GAS_CONSTANT).multiply(temperature), MC).multiply(vapourFactor)
                .round(RESULT);
    }

    /** CIPM-2007 with x_CO2 = 0.0004. */
    public static BigDecimal cipm2007(BigDecimal temperatureCelsius, BigDecimal pressureHpa,
            BigDecimal relativeHumidityPercent) {
        return cipm2007(temperatureCelsius, pressureHpa, relativeHumidityPercent, REFERENCE_CO2);
    }

    /** OIML R 111-1:2004 (E.3-1) [M]. */
    public static BigDecimal oimlR111Approximation(BigDecimal temperatureCelsius, BigDecimal pressureHpa,
            BigDecimal relativeHumidityPercent) {
        return ApproximateFormula.OIML_R111_E3.density(temperatureCelsius, pressureHpa, relativeHumidityPercent);
    }

    private static void requireConditions(BigDecimal t, BigDecimal p, BigDecimal h) {
        Objects.requireNonNull(t, "temperatureCelsius");
        Objects.requireNonNull(p, "pressureHpa");
        Objects.requireNonNull(h, "relativeHumidityPercent");
        if (p.signum() <= 0) {
            throw new IllegalArgumentException("Air pressure must be positive, was " + p.toPlainString() + " hPa");
        }
        if (h.signum() < 0 || h.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Relative humidity must lie between 0 % and 100 %, was "
                    + h.toPlainString() + " %");
        }
        if (t.compareTo(new BigDecimal("-50")) < 0 || t.compareTo(new BigDecimal("60")) > 0) {
            throw new IllegalArgumentException("Air temperature " + t.toPlainString()
                    + " °C is outside the range a weighing room can have (−50 °C to 60 °C)");
        }
    }
}
