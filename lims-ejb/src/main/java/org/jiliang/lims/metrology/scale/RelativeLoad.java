package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * A test load named relative to the instrument, as the procedure data writes it: "Min", "Max", or a fraction of
 * Max such as "0.5Max".
 *
 * @param minimum       true for Min (then fractionOfMax is null)
 * @param fractionOfMax the fraction of Max, 0 &lt; f ≤ 1; null for Min
 */
public record RelativeLoad(boolean minimum, BigDecimal fractionOfMax) {

    public RelativeLoad {
        if (minimum == (fractionOfMax != null)) {
            throw new IllegalArgumentException("A relative load is either Min or a fraction of Max");
        }
        if (fractionOfMax != null && (fractionOfMax.signum() <= 0 || fractionOfMax.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("A fraction of Max must lie in (0, 1], was " + fractionOfMax);
        }
    }

    public static final RelativeLoad MIN = new RelativeLoad(true, null);
    public static final RelativeLoad MAX = new RelativeLoad(false, BigDecimal.ONE);

    /** "Min", "Max" or "0.5Max". */
    public static RelativeLoad parse(String text) {
        Objects.requireNonNull(text, "text");
        String token = text.strip();
        if (token.equals("Min")) {
            return MIN;
        }
        if (token.equals("Max")) {
            return MAX;
        }
        if (token.endsWith("Max")) {
            try {
                return new RelativeLoad(false, new BigDecimal(token.substring(0, token.length() - 3)));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("Not a load: \"" + text + "\"; expected Min, Max or e.g. 0.5Max",
                        ex);
            }
        }
        throw new IllegalArgumentException("Not a load: \"" + text + "\"; expected Min, Max or e.g. 0.5Max");
    }

    /**
     * The load for this instrument: its Min, or the fraction of Max rounded down to a multiple of e so that it
     * can be built from the test weights and stays at or below the nominal fraction.
     */
    public Mass resolve(ScaleUnderTest instrument) {
        Objects.requireNonNull(instrument, "instrument");
        if (minimum) {
            return instrument.min();
        }
        Mass e = instrument.e();
        BigDecimal intervals = instrument.max().times(fractionOfMax).dividedBy(e).setScale(0, RoundingMode.FLOOR);
        return DecimalText.tidy(e.times(intervals));
    }

    /** As a point label: "Min", "Max", "50 % Max". */
    public String label() {
        if (minimum) {
            return "Min";
        }
        if (fractionOfMax.compareTo(BigDecimal.ONE) == 0) {
            return "Max";
        }
        return DecimalText.grouped(fractionOfMax.movePointRight(2)) + " % Max";
    }

    /** The data form: "Min", "Max", "0.5Max". */
    @Override
    public String toString() {
        if (minimum) {
            return "Min";
        }
        return fractionOfMax.compareTo(BigDecimal.ONE) == 0 ? "Max" : DecimalText.grouped(fractionOfMax) + "Max";
    }
}
