package org.jiliang.reports.certificate;

import java.math.BigDecimal;
import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * One measured value of a calibration, stated with its expanded uncertainty and no legal verdict.
 * The values are printed as given: rounding (U to at most two significant digits, the value to
 * the same decimal place) is done by whoever computed them.
 *
 * @param item                what was measured, e.g. "10 kg 砝码 No. W-2411-07"
 * @param quantity            the measurand, bilingual, e.g. "约定质量 Conventional mass"
 * @param nominalValue        nominal value or set point; {@code null} when there is none (printed as a dash)
 * @param measuredValue       e.g. 10000.025 g
 * @param expandedUncertainty U = k · u_c, e.g. 59 mg; positive
 * @param coverageFactor      k, e.g. 2; positive
 * @param coverageProbability as printed, e.g. "≈95 %"
 * @param conformity          the decision for this value when the customer asked for a statement of
 *                            conformity; {@code null} otherwise. The certificate then names the rule in
 *                            its {@link ConformityStatement}.
 * @param budget              the uncertainty budget behind U, printed in its own table; {@code null} when
 *                            the certificate gives none
 */
public record CalibrationResult(
        String item,
        String quantity,
        Quantity nominalValue,
        Quantity measuredValue,
        Quantity expandedUncertainty,
        BigDecimal coverageFactor,
        String coverageProbability,
        ConformityDecision conformity,
        UncertaintyBudget budget) {

    public CalibrationResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(measuredValue, "measuredValue");
        Objects.requireNonNull(expandedUncertainty, "a calibration result states its expanded uncertainty");
        Objects.requireNonNull(coverageFactor, "coverageFactor");
        Objects.requireNonNull(coverageProbability, "coverageProbability");
        if (item.isBlank()) {
            throw new IllegalArgumentException("a calibration result names the item it belongs to");
        }
        if (expandedUncertainty.value().signum() <= 0) {
            throw new IllegalArgumentException(item + ": the expanded uncertainty must be positive, got "
                    + expandedUncertainty.format());
        }
        if (coverageFactor.signum() <= 0) {
            throw new IllegalArgumentException(item + ": the coverage factor k must be positive, got "
                    + coverageFactor.toPlainString());
        }
        if (coverageProbability.isBlank()) {
            throw new IllegalArgumentException(item + ": the coverage probability is stated with k");
        }
    }
}
