package org.jiliang.lims.metrology.dmm;

import java.util.Objects;
import org.jiliang.lims.metrology.uncertainty.UncertaintyBudget;

/**
 * One line of a budget as a calibration certificate or a reviewer reads it: the engine's component (estimate, u,
 * distribution, c_i, contribution, ν) with a sentence saying what the quantity is and where its figure comes from.
 */
public record BudgetLine(UncertaintyBudget.Component component, String explanationZh, String explanationEn) {

    public BudgetLine {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(explanationZh, "explanationZh");
        Objects.requireNonNull(explanationEn, "explanationEn");
    }

    public String name() {
        return component.name();
    }
}
