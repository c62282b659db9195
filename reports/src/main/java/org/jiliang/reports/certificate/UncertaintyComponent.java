package org.jiliang.reports.certificate;

import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * One line of an {@link UncertaintyBudget}. Estimate and sensitivity coefficient come preformatted,
 * because they are often dimensionless or carry compound units ("1", "−8.3 mg/(kg/m³)").
 *
 * @param source              bilingual, e.g. "称量过程 Weighing process (ABBA, n = 3)"
 * @param estimate            the estimate x of the input quantity as printed; {@code null} prints a dash
 * @param standardUncertainty u(x), not negative
 * @param contribution        |c| · u(x), the contribution to the combined standard uncertainty, not negative
 * @param degreesOfFreedom    ν; {@code null} for infinitely many (Type B from a certificate), printed "∞"
 */
public record UncertaintyComponent(
        String source,
        String estimate,
        Quantity standardUncertainty,
        String sensitivityCoefficient,
        Quantity contribution,
        Integer degreesOfFreedom) {

    public UncertaintyComponent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(standardUncertainty, "standardUncertainty");
        Objects.requireNonNull(sensitivityCoefficient, "sensitivityCoefficient");
        Objects.requireNonNull(contribution, "contribution");
        if (standardUncertainty.value().signum() < 0 || contribution.value().signum() < 0) {
            throw new IllegalArgumentException(source + ": a standard uncertainty and its contribution are not negative");
        }
        if (degreesOfFreedom != null && degreesOfFreedom < 1) {
            throw new IllegalArgumentException(source + ": degrees of freedom must be at least 1, got " + degreesOfFreedom);
        }
    }
}
