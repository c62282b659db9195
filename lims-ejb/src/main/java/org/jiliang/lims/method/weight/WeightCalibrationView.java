package org.jiliang.lims.method.weight;

import java.util.List;

/**
 * The result as the bench and review pages show it (details.xhtml of weight-calibration): m_ct, U, k, the budget
 * behind them and the conformity decision; {@code missing} says what is still needed while there is no result.
 */
public record WeightCalibrationView(String referenceStandard, String airDensity, String conventionalMass,
        String expandedUncertainty, String coverageFactor, String effectiveDegreesOfFreedom, String mpe,
        String uncertaintyLimit, boolean uncertaintyWithinLimit, String decision, String statementZh,
        String statementEn, List<BudgetLine> budget, String missing) {

    /** One line of the uncertainty budget. */
    public record BudgetLine(String source, String symbol, String estimate, String standardUncertainty,
            String sensitivityCoefficient, String contribution, String degreesOfFreedom, String evaluation) {
    }
}
