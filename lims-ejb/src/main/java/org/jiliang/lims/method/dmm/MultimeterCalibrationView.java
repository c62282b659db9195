package org.jiliang.lims.method.dmm;

import java.util.List;

/**
 * The multimeter's results as the bench and review pages show them (details.xhtml of dmm-calibration): per point
 * the standard's value, the mean indication, the error E with U and k and the budget behind them, as soon as the
 * point has all its indications.
 */
public record MultimeterCalibrationView(List<PointResult> points) {

    /** One point; {@code error} and the rest are null until the point has all its indications. */
    public record PointResult(int ordinal, String label, String standard, String standardValue, String meanIndication,
            String error, String expandedUncertainty, String coverageFactor, String effectiveDegreesOfFreedom,
            List<BudgetLine> budget) {
    }

    /** One line of a point's uncertainty budget. */
    public record BudgetLine(String symbol, String source, String estimate, String standardUncertainty,
            String distribution, String sensitivityCoefficient, String contribution, String degreesOfFreedom) {
    }
}
