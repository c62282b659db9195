package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.util.Objects;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;

/**
 * What the test plan needs to know about the instrument beyond its metrological identity.
 *
 * @param parameters      class, Max, e and d, already checked against R 76-1 Table 3
 * @param min             minimum capacity as marked; at least the lower limit of the class (e.g. 20 e)
 * @param supports        number of points of support of the load receptor (eccentricity load and positions)
 * @param maxAdditiveTare maximum additive tare, zero if none; it adds to Max in the eccentricity load
 * @param maxTare         maximum subtractive tare effect, zero if the instrument has no tare device (then no tare test)
 * @param zeroTracking    whether a zero-tracking device is fitted; then E0 is found at 10 e instead of at zero
 */
public record ScaleUnderTest(ScaleParameters parameters, Mass min, int supports, Mass maxAdditiveTare, Mass maxTare,
        boolean zeroTracking) {

    public ScaleUnderTest {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(maxAdditiveTare, "maxAdditiveTare");
        Objects.requireNonNull(maxTare, "maxTare");
        Mass lowerLimit = parameters.minCapacity();
        if (min.compareTo(lowerLimit) < 0) {
            throw new IllegalArgumentException("Min = " + DecimalText.grouped(min) + " is below the lower limit "
                    + DecimalText.grouped(lowerLimit) + " of class " + parameters.accuracyClass().symbol()
                    + " with e = " + DecimalText.grouped(parameters.e()));
        }
        if (min.compareTo(parameters.max()) >= 0) {
            throw new IllegalArgumentException("Min = " + DecimalText.grouped(min) + " must be below Max = "
                    + DecimalText.grouped(parameters.max()));
        }
        if (supports < 1) {
            throw new IllegalArgumentException("The load receptor needs at least one point of support, was "
                    + supports);
        }
        if (maxAdditiveTare.signum() < 0 || maxTare.signum() < 0) {
            throw new IllegalArgumentException("Tare capacities must not be negative");
        }
        if (maxTare.compareTo(parameters.max()) > 0) {
            throw new IllegalArgumentException("Maximum subtractive tare " + DecimalText.grouped(maxTare)
                    + " exceeds Max = " + DecimalText.grouped(parameters.max()));
        }
    }

    /** An instrument with Min at the lower limit of its class and no tare device. */
    public static ScaleUnderTest of(ScaleParameters parameters, int supports, boolean zeroTracking) {
        Objects.requireNonNull(parameters, "parameters");
        Mass none = Mass.of("0", parameters.e().unit());
        return new ScaleUnderTest(parameters, parameters.minCapacity(), supports, none, none, zeroTracking);
    }

    public ScaleUnderTest withMin(Mass newMin) {
        return new ScaleUnderTest(parameters, newMin, supports, maxAdditiveTare, maxTare, zeroTracking);
    }

    /** With a subtractive tare device of this maximum effect. */
    public ScaleUnderTest withTare(Mass newMaxTare) {
        return new ScaleUnderTest(parameters, min, supports, maxAdditiveTare, newMaxTare, zeroTracking);
    }

    public ScaleUnderTest withAdditiveTare(Mass newMaxAdditiveTare) {
        return new ScaleUnderTest(parameters, min, supports, newMaxAdditiveTare, maxTare, zeroTracking);
    }

    public AccuracyClass accuracyClass() {
        return parameters.accuracyClass();
    }

    public Mass max() {
        return parameters.max();
    }

    public Mass e() {
        return parameters.e();
    }

    public Mass d() {
        return parameters.d();
    }

    public boolean hasTareDevice() {
        return maxTare.signum() > 0;
    }
}
