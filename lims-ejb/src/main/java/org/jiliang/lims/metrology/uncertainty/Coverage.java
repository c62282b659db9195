package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the coverage factor k of the expanded uncertainty U = k·u_c is chosen (GUM 6.3).
 */
public sealed interface Coverage {

    /** The coverage probability that GUM G.2 and EA-4/02 tabulate next to k = 2 for ν = ∞. */
    BigDecimal NINETY_FIVE_POINT_FOUR_FIVE = new BigDecimal("0.9545");

    /**
     * k = t_p(ν_eff) from Student's t distribution (GUM G.4.1, G.6.4). ν_eff is truncated to the next lower integer
     * before the look-up and k is rounded half up to two decimal places, as GUM Table G.2 prints it.
     */
    static Coverage studentT(BigDecimal coverageProbability) {
        return new StudentT(coverageProbability);
    }

    /** k = t_95.45(ν_eff), the usual choice for calibration certificates. */
    static Coverage studentT95() {
        return new StudentT(NINETY_FIVE_POINT_FOUR_FIVE);
    }

    /** A stated k, e.g. k = 2 where EA-4/02 M:2022 5.1 allows it (normal output, reliable u_c). */
    static Coverage factor(BigDecimal k) {
        return new Factor(k);
    }

    /**
     * The coverage factor for the given effective degrees of freedom.
     *
     * @param effectiveDegreesOfFreedom ν_eff, or null when it is not defined (correlated inputs with finite ν)
     */
    BigDecimal coverageFactor(DegreesOfFreedom effectiveDegreesOfFreedom);

    /** Text for the certificate and the stored budget, e.g. "Student t, p = 0.9545" or "k = 2". */
    String describe();

    /** Student t coverage for a stated probability. */
    record StudentT(BigDecimal coverageProbability) implements Coverage {

        public StudentT {
            Objects.requireNonNull(coverageProbability, "coverageProbability");
            if (coverageProbability.signum() <= 0 || coverageProbability.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("Coverage probability must lie strictly between 0 and 1, was "
                        + coverageProbability.toPlainString());
            }
        }

        @Override
        public BigDecimal coverageFactor(DegreesOfFreedom effectiveDegreesOfFreedom) {
            if (effectiveDegreesOfFreedom == null) {
                throw new IllegalStateException("No Student t coverage factor: the Welch–Satterthwaite formula"
                        + " (GUM G.4.1) needs independent input quantities, and correlated inputs with finite degrees"
                        + " of freedom are present; state the coverage factor instead");
            }
            return StudentTDistribution.quantile(coverageProbability, effectiveDegreesOfFreedom.truncated())
                    .setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public String describe() {
            return "Student t, p = " + coverageProbability.toPlainString();
        }
    }

    /** A stated coverage factor. */
    record Factor(BigDecimal k) implements Coverage {

        public Factor {
            Objects.requireNonNull(k, "k");
            if (k.signum() <= 0) {
                throw new IllegalArgumentException("Coverage factor must be positive, was " + k.toPlainString());
            }
        }

        @Override
        public BigDecimal coverageFactor(DegreesOfFreedom effectiveDegreesOfFreedom) {
            return k;
        }

        @Override
        public String describe() {
            return "k = " + k.toPlainString();
        }
    }
}
