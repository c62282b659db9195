package org.jiliang.lims.metrology.uncertainty;

import java.util.Objects;

/**
 * How the standard uncertainty of an input quantity was obtained, as a budget prints it.
 *
 * @param type         Type A or Type B
 * @param distribution the assumed probability distribution ("normal", "rectangular", ...)
 * @param basis        the formula with its data, e.g. "u = a/√3, a = 15 mg" or "u = s/√n, n = 5"
 */
public record Evaluation(EvaluationType type, String distribution, String basis) {

    public Evaluation {
        Objects.requireNonNull(type, "type");
        distribution = requireText(distribution, "distribution");
        basis = requireText(basis, "basis");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An evaluation needs a " + name);
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("The " + name + " of an evaluation is one line of text: " + value);
        }
        return value.strip();
    }
}
