package org.jiliang.lims.method.dmm;

import java.util.List;

/**
 * A substitution's results as the bench and review pages show them (details.xhtml of resistor-substitution): the
 * pairs of indications with their ratios as they are taken, then R_X with U, k and the budget behind them; the value
 * fields are null until both points have all their indications and the conditions are recorded.
 */
public record ResistorCalibrationView(List<Pair> pairs, String reference, String referenceValue, String temperature,
        String meanRatio, String value, String expandedUncertainty, String coverageFactor,
        String effectiveDegreesOfFreedom, List<MultimeterCalibrationView.BudgetLine> budget, String missing) {

    /** Pair k: the indications of R_X and R_S and their ratio, each null until taken. */
    public record Pair(int number, String unknown, String reference, String ratio) {
    }
}
