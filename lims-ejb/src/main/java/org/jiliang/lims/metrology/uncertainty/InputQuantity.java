package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An input quantity X_i of a measurement model: its estimate x_i, standard uncertainty u(x_i), degrees of freedom
 * ν_i and how u(x_i) was evaluated. The factories implement GUM 4.2 (Type A) and 4.3 (Type B) and name the divisor
 * they apply.
 *
 * @param name   symbol or short name, unique within a budget, e.g. "m_S" or "δm_D"
 * @param unit   unit of the estimate and of the standard uncertainty, free text ("g", "Ω", "1/°C", "")
 */
public record InputQuantity(String name, String unit, BigDecimal estimate, BigDecimal standardUncertainty,
        DegreesOfFreedom degreesOfFreedom, Evaluation evaluation) {

    public InputQuantity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An input quantity needs a name");
        }
        name = name.strip();
        unit = Objects.requireNonNull(unit, "unit").strip();
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(standardUncertainty, "standardUncertainty");
        Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
        Objects.requireNonNull(evaluation, "evaluation");
        if (standardUncertainty.signum() < 0) {
            throw new IllegalArgumentException("Standard uncertainty of " + name + " must not be negative, was "
                    + standardUncertainty.toPlainString());
        }
    }

    /**
     * Type A from repeated readings: x = q̄, u = s(q̄) = s(q_k)/√n, ν = n − 1 (GUM 4.2.1 to 4.2.6).
     */
    public static InputQuantity typeA(String name, String unit, Readings readings) {
        Objects.requireNonNull(readings, "readings");
        return new InputQuantity(name, unit, readings.mean(), readings.standardDeviationOfMean(),
                readings.degreesOfFreedom(),
                new Evaluation(EvaluationType.A, "normal", "u = s/√n, n = " + readings.count() + ", s = "
                        + readings.experimentalStandardDeviation().round(new java.math.MathContext(3))
                        .toPlainString() + " " + unit));
    }

    /**
     * Type A with a pooled experimental standard deviation s_p from earlier series of the same measurement process:
     * u = s_p/√n for the mean of n new readings, ν = the degrees of freedom of s_p (GUM 4.2.4).
     */
    public static InputQuantity typeAPooled(String name, String unit, BigDecimal mean,
            BigDecimal pooledStandardDeviation, int n, DegreesOfFreedom pooledDegreesOfFreedom) {
        Objects.requireNonNull(pooledStandardDeviation, "pooledStandardDeviation");
        if (n < 1) {
            throw new IllegalArgumentException("The number of readings must be at least 1, was " + n);
        }
        BigDecimal u = pooledStandardDeviation.divide(Precision.sqrt(BigDecimal.valueOf(n)), Precision.WORKING);
        return new InputQuantity(name, unit, mean, Precision.tidy(u), pooledDegreesOfFreedom,
                new Evaluation(EvaluationType.A, "normal", "u = s_p/√n, n = " + n + ", s_p = "
                        + pooledStandardDeviation.stripTrailingZeros().toPlainString() + " " + unit + " (pooled)"));
    }

    /**
     * Type B from an expanded uncertainty and its coverage factor, e.g. from a calibration certificate:
     * u = U/k, ν = ∞ unless stated otherwise (GUM 4.3.3).
     */
    public static InputQuantity normal(String name, String unit, BigDecimal estimate, BigDecimal expandedUncertainty,
            BigDecimal coverageFactor) {
        Objects.requireNonNull(expandedUncertainty, "expandedUncertainty");
        Objects.requireNonNull(coverageFactor, "coverageFactor");
        if (coverageFactor.signum() <= 0) {
            throw new IllegalArgumentException("Coverage factor must be positive, was " + coverageFactor);
        }
        return typeB(name, unit, estimate, expandedUncertainty.divide(coverageFactor, Precision.WORKING), "normal",
                "u = U/k, U = " + expandedUncertainty.toPlainString() + " " + unit + ", k = "
                        + coverageFactor.toPlainString());
    }

    /** Type B, rectangular distribution of half-width a: u = a/√3 (GUM 4.3.7). */
    public static InputQuantity rectangular(String name, String unit, BigDecimal estimate, BigDecimal halfWidth) {
        return limits(name, unit, estimate, halfWidth, "rectangular", Precision.SQRT_3, "√3");
    }

    /** Type B, triangular distribution of half-width a: u = a/√6 (GUM 4.3.9). */
    public static InputQuantity triangular(String name, String unit, BigDecimal estimate, BigDecimal halfWidth) {
        return limits(name, unit, estimate, halfWidth, "triangular", Precision.SQRT_6, "√6");
    }

    /** Type B, U-shaped (arcsine) distribution of half-width a: u = a/√2, e.g. a cyclic temperature (GUM H.1.3.4). */
    public static InputQuantity uShaped(String name, String unit, BigDecimal estimate, BigDecimal halfWidth) {
        return limits(name, unit, estimate, halfWidth, "U-shaped", Precision.SQRT_2, "√2");
    }

    /**
     * A standard uncertainty obtained elsewhere (a previous budget, a published table), with its own basis text.
     */
    public static InputQuantity standardUncertainty(String name, String unit, BigDecimal estimate,
            BigDecimal standardUncertainty, DegreesOfFreedom degreesOfFreedom, EvaluationType type, String basis) {
        return new InputQuantity(name, unit, estimate, standardUncertainty, degreesOfFreedom,
                new Evaluation(type, "normal", basis));
    }

    /**
     * The same quantity with finite degrees of freedom, e.g. a Type B evaluation judged reliable to about 25 %
     * (ν ≈ 8, GUM G.4.2).
     */
    public InputQuantity withDegreesOfFreedom(DegreesOfFreedom nu) {
        return new InputQuantity(name, unit, estimate, standardUncertainty, nu, evaluation);
    }

    private static InputQuantity limits(String name, String unit, BigDecimal estimate, BigDecimal halfWidth,
            String distribution, BigDecimal divisor, String divisorText) {
        Objects.requireNonNull(halfWidth, "halfWidth");
        if (halfWidth.signum() < 0) {
            throw new IllegalArgumentException("Half-width of " + name + " must not be negative, was "
                    + halfWidth.toPlainString());
        }
        return typeB(name, unit, estimate, halfWidth.divide(divisor, Precision.WORKING), distribution,
                "u = a/" + divisorText + ", a = " + halfWidth.toPlainString() + (unit.isBlank() ? "" : " " + unit));
    }

    private static InputQuantity typeB(String name, String unit, BigDecimal estimate, BigDecimal u,
            String distribution, String basis) {
        return new InputQuantity(name, unit, estimate, Precision.tidy(u), DegreesOfFreedom.infinite(),
                new Evaluation(EvaluationType.B, distribution, basis));
    }
}
