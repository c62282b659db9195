package org.jiliang.reports.certificate;

import java.util.Objects;

import org.jiliang.reports.Quantity;

/**
 * The statement of conformity for one {@link CalibrationResult}: the limit it was judged against
 * and the outcome of the certificate's {@link DecisionRule}.
 *
 * @param limitType whether {@code limit} is a ± limit (e.g. the MPE of a weight), an upper or a lower limit
 * @param limit     the tolerance limit; for {@link LimitType#PLUS_MINUS} its absolute value, printed "±500 mg"
 */
public record ConformityDecision(LimitType limitType, Quantity limit, ConformityOutcome outcome) {

    /** How the limit is printed before its value. */
    public enum LimitType {
        PLUS_MINUS("±"),
        AT_MOST("≤ "),
        AT_LEAST("≥ ");

        private final String prefix;

        LimitType(String prefix) {
            this.prefix = prefix;
        }
    }

    public ConformityDecision {
        Objects.requireNonNull(limitType, "limitType");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(outcome, "outcome");
        if (limitType == LimitType.PLUS_MINUS && limit.value().signum() < 0) {
            throw new IllegalArgumentException("a ± limit is given as its absolute value, got " + limit.format());
        }
    }

    /** Judged against a two-sided limit ±{@code mpe}, e.g. the MPE ±δm of a weight. */
    public static ConformityDecision withinPlusMinus(Quantity mpe, ConformityOutcome outcome) {
        return new ConformityDecision(LimitType.PLUS_MINUS, mpe, outcome);
    }

    /** Judged against a one-sided upper limit. */
    public static ConformityDecision atMost(Quantity upperLimit, ConformityOutcome outcome) {
        return new ConformityDecision(LimitType.AT_MOST, upperLimit, outcome);
    }

    /** Judged against a one-sided lower limit. */
    public static ConformityDecision atLeast(Quantity lowerLimit, ConformityOutcome outcome) {
        return new ConformityDecision(LimitType.AT_LEAST, lowerLimit, outcome);
    }

    /** The limit as printed, e.g. "±500 mg". */
    String formattedLimit() {
        return limitType.prefix + limit.format();
    }
}
