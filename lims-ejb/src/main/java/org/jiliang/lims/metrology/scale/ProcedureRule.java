package org.jiliang.lims.metrology.scale;

import java.util.Objects;

/**
 * One number of a procedure edition as it stands in the data, with where it comes from.
 *
 * @param name   e.g. "repeatability.weighings_below_threshold"
 * @param value  the value as written in the data, e.g. "10", "1.4 d", "0.5Max Max"
 * @param source citation, printed with results that depend on the rule
 * @param tag    how far the value was checked
 */
public record ProcedureRule(String name, String value, String source, EvidenceTag tag) {

    public ProcedureRule {
        requireText(name, "name");
        requireText(value, "value");
        requireText(source, "source");
        Objects.requireNonNull(tag, "tag");
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A procedure rule needs a " + what);
        }
    }

    /** E.g. "discrimination.extra_load = 1.4 d [M] (OIML R 76-1:2006 3.8.2 ...)". */
    @Override
    public String toString() {
        return name + " = " + value + " [" + tag + "] (" + source + ")";
    }
}
