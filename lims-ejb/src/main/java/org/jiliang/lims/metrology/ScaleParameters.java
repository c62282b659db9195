package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The metrological identity of a single-range non-automatic weighing instrument, checked against
 * OIML R 76-1:2006 Table 3 ({@link AccuracyClassTable#oimlR76()}) so that impossible parameters never reach
 * a test plan.
 *
 * @param max maximum capacity Max
 * @param e   verification scale interval
 * @param d   actual scale interval; d = e unless the instrument has an auxiliary indicating device
 * @throws IllegalArgumentException listing every violated requirement, e.g.
 *                                  "n = Max/e = 120 000 exceeds 10 000 allowed for class III"
 */
public record ScaleParameters(AccuracyClass accuracyClass, Mass max, Mass e, Mass d) {

    public ScaleParameters {
        Objects.requireNonNull(accuracyClass, "accuracyClass");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(d, "d");
        List<String> violations = AccuracyClassTable.oimlR76().violations(accuracyClass, max, e, d);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Scale parameters rejected (class " + accuracyClass.symbol()
                    + ", Max = " + DecimalText.grouped(max) + ", e = " + DecimalText.grouped(e) + ", d = "
                    + DecimalText.grouped(d) + "): " + String.join("; ", violations));
        }
    }

    /** The number of verification scale intervals n = Max / e, exact. */
    public BigDecimal n() {
        return DecimalText.tidy(max.dividedBy(e));
    }

    /** The lower limit of the minimum capacity Min (e.g. 20 e for class III), in the unit of e. */
    public Mass minCapacity() {
        return AccuracyClassTable.oimlR76().minCapacity(accuracyClass, e);
    }
}
