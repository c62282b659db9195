package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.jiliang.lims.metrology.DecimalText;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.decision.ConformityAssessment;
import org.jiliang.lims.metrology.decision.Decision;
import org.jiliang.lims.metrology.decision.ToleranceLimits;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.scale.EvidenceTag;

/**
 * One line of mpe.csv: the limits of a test for a kind of meter and the verification types they apply to.
 * Both bounds are inclusive (the file's convention, and simple acceptance: a value exactly at a bound passes).
 * Every judgement is exact: values and bounds are compared in the coherent SI unit (Pa, s), where converting
 * kPa and mmHg is a multiplication by the unit's exact factor, and a rate is compared by cross-multiplying with
 * the times instead of dividing.
 *
 * @param lower   lowest admitted value in {@code unit}; null = no lower bound
 * @param upper   highest admitted value; null = no upper bound
 * @param unit    kPa or mmHg for a pressure and a pressure per time, s for a time
 * @param perTime the time of a rate ("kPa/min" has unit kPa, per min); null for a pressure or a time
 */
public record BpLimit(String edition, MeterType meterType, BpTest test, Set<VerificationType> verificationTypes,
        BigDecimal lower, BigDecimal upper, Unit unit, Unit perTime, String condition, String source,
        EvidenceTag tag) {

    public BpLimit {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(meterType, "meterType");
        Objects.requireNonNull(test, "test");
        verificationTypes = Set.copyOf(verificationTypes);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tag, "tag");
        if (lower == null && upper == null) {
            throw new IllegalArgumentException("A limit needs a lower or an upper bound");
        }
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("Lower bound " + lower + " is above upper bound " + upper);
        }
        if (perTime != null && !perTime.kind().equals("time")) {
            throw new IllegalArgumentException("A rate is per time, not per " + perTime);
        }
    }

    /** "kPa", "mmHg/min", "s". */
    public String symbol() {
        return perTime == null ? unit.symbol() : unit.symbol() + "/" + perTime.symbol();
    }

    public boolean isRate() {
        return perTime != null;
    }

    /** "±3 mmHg", "-0.2 kPa … +0.5 kPa", "≤ 0.8 kPa/min", "≥ 2.25 mmHg". */
    public String describe() {
        String u = " " + symbol();
        if (lower == null) {
            return "≤ " + DecimalText.grouped(upper) + u;
        }
        if (upper == null) {
            return "≥ " + DecimalText.grouped(lower) + u;
        }
        if (lower.negate().compareTo(upper) == 0 && upper.signum() > 0) {
            return "±" + DecimalText.grouped(upper) + u;
        }
        return BpValue.signed(lower) + u + " … " + BpValue.signed(upper) + u;
    }

    /** A pressure (an error, a rebound) against this limit. */
    Verdict judgePressure(Quantity value) {
        requireKind(value, unit.kind());
        return judge(coherent(value), BigDecimal.ONE);
    }

    /** A time (rapid exhaust) against this limit. */
    Verdict judgeTime(Quantity time) {
        requireKind(time, unit.kind());
        return judge(coherent(time), BigDecimal.ONE);
    }

    /**
     * The rate drop / elapsed against this limit, exactly: drop / elapsed ≤ bound / 1 perTime is the same as
     * drop × perTime ≤ bound × elapsed, which needs no division.
     */
    Verdict judgeRate(Quantity drop, Quantity elapsed) {
        if (perTime == null) {
            throw new IllegalStateException(edition + " " + test.dataName() + " is not a rate limit");
        }
        requireKind(drop, unit.kind());
        requireKind(elapsed, "time");
        BigDecimal value = coherent(drop).multiply(perTime.factor());
        return judge(value, coherent(elapsed));
    }

    private Verdict judge(BigDecimal coherentValue, BigDecimal boundScale) {
        BigDecimal factor = unit.factor().multiply(boundScale);
        ToleranceLimits limits = new ToleranceLimits(lower == null ? null : lower.multiply(factor),
                upper == null ? null : upper.multiply(factor), "");
        Decision decision = ConformityAssessment.simpleAcceptance(coherentValue, limits).decision();
        return decision == Decision.PASS ? Verdict.PASS : Verdict.FAIL;
    }

    private static BigDecimal coherent(Quantity q) {
        return q.value().multiply(q.unit().factor()).add(q.unit().offset());
    }

    private void requireKind(Quantity q, String kind) {
        if (!q.kind().equals(kind)) {
            throw new IllegalArgumentException(q + " is not a " + kind + " (" + edition + " " + test.dataName() + ")");
        }
    }
}
