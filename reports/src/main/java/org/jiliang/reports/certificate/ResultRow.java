package org.jiliang.reports.certificate;

import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * One test point of the results table.
 *
 * @param point      the test point as the procedure names it, e.g. "500 e"
 * @param load       the load or nominal value; null for a test without one (an appearance check, a time)
 * @param indication what the instrument showed; null for a test without one
 * @param error      the value judged: an error, or a rate or a time where {@code limit} says what it is judged
 *                   against; null for a check by eye
 * @param measure    what the value judged is when it is not the error of the row, printed before it: the spread of
 *                   a repeatability series ("Emax − Emin"), the change of indication of a discrimination test
 *                   ("ΔI"); null for an error
 * @param mpe        the maximum permissible error as an absolute value, printed as "±mpe"; null where
 *                   {@code limit} is given or there is none
 * @param limit      the limit as printed when it is not "±mpe" ("≤ 10 s", "−0.2 kPa … +0.5 kPa"); null otherwise
 * @param pass       whether the value is within its limit under the applied decision rule
 */
public record ResultRow(
        String point,
        Quantity load,
        Quantity indication,
        Quantity error,
        String measure,
        Quantity mpe,
        String limit,
        boolean pass) {

    public ResultRow {
        Objects.requireNonNull(point, "point");
        if (mpe != null && mpe.value().signum() < 0) {
            throw new IllegalArgumentException("mpe is the absolute value of the ± limit, got " + mpe.format());
        }
    }

    /** A row whose value judged is its error, or says what it is through its limit. */
    public ResultRow(String point, Quantity load, Quantity indication, Quantity error, Quantity mpe, String limit,
            boolean pass) {
        this(point, load, indication, error, null, mpe, limit, pass);
    }

    /** A weighing point: load, indication, error and ±MPE. */
    public ResultRow(String point, Quantity load, Quantity indication, Quantity error, Quantity mpe, boolean pass) {
        this(point, Objects.requireNonNull(load, "load"), Objects.requireNonNull(indication, "indication"),
                Objects.requireNonNull(error, "error"), null, Objects.requireNonNull(mpe, "mpe"), null, pass);
    }
}
