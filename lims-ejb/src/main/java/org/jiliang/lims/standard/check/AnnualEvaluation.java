package org.jiliang.lims.standard.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jiliang.lims.metrology.quantity.Decimals;

/**
 * The yearly evaluations JJF 1033-2016 asks of an existing measurement standard, computed from one check point's
 * checks of the year (docs/standards.md, "Stability and repeatability"; clauses as we read them, [M]):
 * <ul>
 * <li><b>stability</b> (稳定性, §4.2.4 and its appendix): each check is a group of repeated measurements of the check
 * standard and its mean the group's value; with at least {@value #MIN_GROUPS} groups in the year, the stability is
 * the largest value minus the smallest. It must be smaller than the standard's MPE when the standard is used at its
 * nominal value, or than the expanded uncertainty of its correction when it is used corrected.</li>
 * <li><b>repeatability</b> (重复性, §4.2.3): the experimental standard deviation of repeated measurements under
 * repeatability conditions, here pooled over the checks of the year, s_p = √(Σ_j Σ_i (x_ij − x̄_j)² / Σ_j (n_j − 1)),
 * with Σ_j (n_j − 1) degrees of freedom (the pooled standard deviation of JJF 1059.1-2012). It may not exceed the
 * repeatability the uncertainty budget of the standard's results assumes; if it does, the budget is re-evaluated.</li>
 * </ul>
 * Pure: the service reads the checks and stores what this finds.
 */
public final class AnnualEvaluation {

    /** JJF 1033-2016: at least four groups for a stability evaluation ([M]). */
    public static final int MIN_GROUPS = 4;

    private static final MathContext WORK = MathContext.DECIMAL64;
    private static final MathContext STATED = new MathContext(6, RoundingMode.HALF_EVEN);

    /** What an evaluation concludes. */
    public enum Verdict {
        /** Within the limit. */
        PASS,
        /** Beyond the limit. */
        FAIL,
        /** Not enough data for the evaluation (fewer groups than required; single readings only). */
        INSUFFICIENT
    }

    /** One check at the point: its day and the readings taken. */
    public record Group(LocalDate day, List<BigDecimal> readings) {

        public Group {
            readings = List.copyOf(readings);
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("a group has at least one reading");
            }
        }

        public BigDecimal mean() {
            return readings.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(readings.size()), WORK);
        }
    }

    /** The stability found: the groups counted, the smallest and largest group value, their difference. */
    public record Stability(int groups, BigDecimal smallest, BigDecimal largest, BigDecimal range, Verdict verdict) {
    }

    /** The repeatability found: the readings counted, the degrees of freedom, the pooled standard deviation. */
    public record Repeatability(int readings, int degreesOfFreedom, BigDecimal standardDeviation, Verdict verdict) {
    }

    private AnnualEvaluation() {
    }

    /**
     * The stability of the groups against {@code limit} (MPE or U, positive): PASS only when the range, as stated, is
     * smaller.
     */
    public static Stability stability(List<Group> groups, BigDecimal limit) {
        if (groups.isEmpty()) {
            return new Stability(0, null, null, null, Verdict.INSUFFICIENT);
        }
        BigDecimal smallest = groups.stream().map(Group::mean).min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal largest = groups.stream().map(Group::mean).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal range = stated(largest.subtract(smallest, WORK));
        Verdict verdict = groups.size() < MIN_GROUPS ? Verdict.INSUFFICIENT
                : range.compareTo(limit) < 0 ? Verdict.PASS : Verdict.FAIL;
        return new Stability(groups.size(), kept(smallest), kept(largest), range, verdict);
    }

    /** The pooled repeatability of the groups against {@code limit} (positive): PASS when, as stated, not above it. */
    public static Repeatability repeatability(List<Group> groups, BigDecimal limit) {
        int readings = 0;
        int freedom = 0;
        BigDecimal squares = BigDecimal.ZERO;
        for (Group g : groups) {
            BigDecimal mean = g.mean();
            readings += g.readings().size();
            freedom += g.readings().size() - 1;
            for (BigDecimal x : g.readings()) {
                BigDecimal d = x.subtract(mean, WORK);
                squares = squares.add(d.multiply(d, WORK), WORK);
            }
        }
        if (freedom == 0) {
            return new Repeatability(readings, 0, null, Verdict.INSUFFICIENT);
        }
        BigDecimal s = stated(squares.divide(BigDecimal.valueOf(freedom), WORK).sqrt(WORK));
        return new Repeatability(readings, freedom, s, s.compareTo(limit) <= 0 ? Verdict.PASS : Verdict.FAIL);
    }

    /** A group value as computed, to the columns' twelve decimals: 1000.00012 keeps every digit. */
    private static BigDecimal kept(BigDecimal x) {
        return Decimals.plain(x.scale() > 12 ? x.setScale(12, RoundingMode.HALF_EVEN) : x);
    }

    /** A figure: six significant digits, at most twelve decimals (the columns' scale), no trailing zeros. */
    private static BigDecimal stated(BigDecimal x) {
        BigDecimal r = x.signum() == 0 ? BigDecimal.ZERO : x.round(STATED);
        return Decimals.plain(r.scale() > 12 ? r.setScale(12, RoundingMode.HALF_EVEN) : r);
    }
}
