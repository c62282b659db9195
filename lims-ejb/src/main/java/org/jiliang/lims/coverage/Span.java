package org.jiliang.lims.coverage;

import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * A closed range of one kind of quantity, from {@code lower} to {@code upper}: a need of the region, or the measuring
 * range (测量范围) of a standard, named by {@code source} (the standard's code, the need's description).
 */
public record Span(Quantity lower, Quantity upper, String source) {

    public Span {
        if (!lower.unit().sameKindAs(upper.unit())) {
            throw new IllegalArgumentException(source + ": " + lower + " and " + upper + " are not of one kind");
        }
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException(source + ": " + lower + " is above " + upper);
        }
    }

    public String kind() {
        return lower.kind();
    }

    @Override
    public String toString() {
        return lower + " – " + upper;
    }
}
