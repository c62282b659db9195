package org.jiliang.reports.certificate;

import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * One test point of the results table.
 *
 * @param point      the test point as the procedure names it, e.g. "500 e"
 * @param mpe        the maximum permissible error as an absolute value; printed as "±mpe"
 * @param pass       whether |error| is within the MPE under the applied decision rule
 */
public record ResultRow(
        String point,
        Quantity load,
        Quantity indication,
        Quantity error,
        Quantity mpe,
        boolean pass) {

    public ResultRow {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(mpe, "mpe");
        if (mpe.value().signum() < 0) {
            throw new IllegalArgumentException("mpe is the absolute value of the ± limit, got " + mpe.format());
        }
    }
}
