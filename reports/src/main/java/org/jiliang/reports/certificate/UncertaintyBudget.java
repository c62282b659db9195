package org.jiliang.reports.certificate;

import java.util.List;
import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * The uncertainty budget (JCGM 100 / JJF 1059.1) behind one {@link CalibrationResult}; the coverage
 * factor and the expanded uncertainty printed under it are that result's.
 *
 * @param effectiveDegreesOfFreedom ν_eff (Welch–Satterthwaite); {@code null} for infinitely many (printed "∞")
 */
public record UncertaintyBudget(
        List<UncertaintyComponent> components,
        Quantity combinedStandardUncertainty,
        Integer effectiveDegreesOfFreedom) {

    public UncertaintyBudget {
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        Objects.requireNonNull(combinedStandardUncertainty, "combinedStandardUncertainty");
        if (components.isEmpty()) {
            throw new IllegalArgumentException("an uncertainty budget lists at least one component");
        }
        if (combinedStandardUncertainty.value().signum() <= 0) {
            throw new IllegalArgumentException("the combined standard uncertainty must be positive, got "
                    + combinedStandardUncertainty.format());
        }
        if (effectiveDegreesOfFreedom != null && effectiveDegreesOfFreedom < 1) {
            throw new IllegalArgumentException("effective degrees of freedom must be at least 1, got "
                    + effectiveDegreesOfFreedom);
        }
    }
}
