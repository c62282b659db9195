package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import org.jiliang.lims.metrology.DecimalText;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;

/**
 * A value judged at a point, as it is printed: an error in the meter's unit, a rate in the meter's unit per
 * minute, a time in seconds.
 *
 * <p>A value that needed a division without a finite decimal expansion (a reference read in kPa for a meter that
 * indicates mmHg, a drop per minute) is printed to 16 significant digits ({@link MathContext#DECIMAL64}); the
 * verdict never uses the printed value but compares the exact inputs ({@link BpLimit}).
 *
 * @param unit e.g. "mmHg", "kPa/min", "s"
 */
public record BpValue(BigDecimal value, String unit) {

    static final MathContext PRINTED_PRECISION = MathContext.DECIMAL64;

    public BpValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    static BpValue of(Quantity q) {
        return new BpValue(DecimalText.tidy(q.value()), q.unit().symbol());
    }

    /** q in the target unit: exact where the result is a finite decimal (mmHg to kPa), else to 16 digits. */
    static Quantity inUnit(Quantity q, Unit target) {
        try {
            return q.to(target);
        } catch (ArithmeticException nonTerminating) {
            return q.to(target, PRINTED_PRECISION);
        }
    }

    /** "+3", "-0.2", "0": the sign always shown for a non-zero value, as an error is stated. */
    static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + DecimalText.grouped(v);
    }

    /** "+3 mmHg" */
    public String signed() {
        return signed(value) + " " + unit;
    }

    /** "0.4 kPa/min" */
    @Override
    public String toString() {
        return DecimalText.grouped(value) + " " + unit;
    }
}
