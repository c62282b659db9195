package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.Objects;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * What a multifunction calibrator (or another standard) puts on the multimeter's input, as its record gives it:
 * the value, its uncertainty from the calibration certificate (U and k: a normal distribution) or from the
 * manufacturer's specification (limits ±a: a rectangular distribution), and the limits of two effects the
 * certificate does not cover: drift since the calibration and the temperature of the laboratory.
 *
 * @param uncertainty     U from the certificate, or the half-width a of the specification
 * @param coverageFactor  k of U; null when {@code uncertainty} is a specification's half-width
 * @param driftLimits     half-width of the drift since calibration (zero if judged negligible)
 * @param temperatureLimits half-width of the temperature effect (zero inside the specified temperature band)
 */
public record CalibratorOutput(Quantity value, Quantity uncertainty, BigDecimal coverageFactor, Quantity driftLimits,
        Quantity temperatureLimits) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public CalibratorOutput {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(driftLimits, "driftLimits");
        Objects.requireNonNull(temperatureLimits, "temperatureLimits");
        for (Quantity q : new Quantity[] {uncertainty, driftLimits, temperatureLimits}) {
            if (!q.unit().sameKindAs(value.unit()) || q.value().signum() < 0) {
                throw new IllegalArgumentException("The calibrator's " + q + " is not a non-negative amount of "
                        + value.kind() + " like its value " + value);
            }
        }
        if (coverageFactor != null && coverageFactor.signum() <= 0) {
            throw new IllegalArgumentException("Coverage factor must be positive, was " + coverageFactor);
        }
    }

    /** From the calibrator's certificate: U with its k. */
    public static CalibratorOutput fromCertificate(Quantity value, Quantity expandedUncertainty,
            BigDecimal coverageFactor, Quantity driftLimits, Quantity temperatureLimits) {
        Objects.requireNonNull(coverageFactor, "coverageFactor");
        return new CalibratorOutput(value, expandedUncertainty, coverageFactor, driftLimits, temperatureLimits);
    }

    /** From the calibrator's specification: limits ±a, e.g. {@link #limits} of a ppm of output + b ppm of range. */
    public static CalibratorOutput fromSpecification(Quantity value, Quantity halfWidth, Quantity driftLimits,
            Quantity temperatureLimits) {
        return new CalibratorOutput(value, halfWidth, null, driftLimits, temperatureLimits);
    }

    public boolean fromCertificate() {
        return coverageFactor != null;
    }

    /**
     * a = |output|·p·10⁻⁶ + range·q·10⁻⁶, the usual form of a calibrator's specification ("p ppm of output + q ppm of
     * range"), in the unit of the output.
     */
    public static Quantity limits(Quantity output, BigDecimal ppmOfOutput, Quantity range, BigDecimal ppmOfRange) {
        BigDecimal a = output.value().abs().multiply(ppmOfOutput)
                .add(range.to(output.unit()).value().multiply(ppmOfRange))
                .divide(MILLION);
        return new Quantity(a.stripTrailingZeros().scale() < 0 ? a.setScale(0) : a.stripTrailingZeros(),
                output.unit());
    }
}
