package org.jiliang.lims.metrology;

import java.util.Objects;

/**
 * The verdict on one weighing test point, with everything a statement of conformity has to show: load,
 * indication, error, the MPE used as acceptance limit and the decision rule (ISO/IEC 17025:2017 7.8.6).
 *
 * @param error    the error compared with the MPE, in the unit of the MPE
 * @param mpe      absolute value of the MPE
 * @param verdict  always {@code decisionRule.verdict(error, mpe)}
 */
public record WeighingPointResult(Mass load, Mass indication, Mass error, Mass mpe, Verdict verdict,
        DecisionRule decisionRule) {

    public WeighingPointResult {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(mpe, "mpe");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decisionRule, "decisionRule");
        if (decisionRule.verdict(error, mpe) != verdict) {
            throw new IllegalArgumentException("Verdict " + verdict + " contradicts " + decisionRule.labelEn()
                    + " for error " + error + " and MPE ±" + mpe);
        }
    }

    /**
     * Evaluates E = I − L against ±MPE by simple acceptance: |E| ≤ MPE passes.
     *
     * @param mpe absolute value of the MPE for this load, e.g. from {@link ScaleMpeTable#mpe}; its unit is the
     *            unit of the error
     */
    public static WeighingPointResult evaluate(Mass load, Mass indication, Mass mpe) {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(mpe, "mpe");
        Mass error = indication.minus(load).to(mpe.unit());
        DecisionRule rule = DecisionRule.SIMPLE_ACCEPTANCE;
        return new WeighingPointResult(load, indication, error, mpe, rule.verdict(error, mpe), rule);
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
