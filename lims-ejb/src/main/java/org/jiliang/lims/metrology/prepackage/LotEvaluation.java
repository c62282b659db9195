package org.jiliang.lims.metrology.prepackage;

import static org.jiliang.lims.metrology.quantity.Decimals.toFourDecimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.metrology.quantity.Quantity;

/**
 * The verdict on a lot of prepackages from its sample's actual contents (JJF 1070; the rules of the 2005 Order's
 * 附表4 and its notes): each package against T and 2T, and, where the plan judges it, the sample's mean against
 * Q_n − λ·s. The lot passes when no package is short by more than 2T, no more packages than the plan allows are short
 * by more than T, and the mean is at least Q_n − λ·s; each failed rule is a reason.
 */
public final class LotEvaluation {

    /** Where a package's shortfall (Q_n − q_i) stands against T. */
    public enum Standing {
        /** Not short, or short by at most T. */
        WITHIN_T,
        /** Short by more than T and at most 2T (T1 in the specification's words). */
        BEYOND_T,
        /** Short by more than 2T (T2): never allowed. */
        BEYOND_TWO_T
    }

    /** One package of the sample: its actual content, its shortfall (negative: above Q_n) and standing. */
    public record PackageResult(int ordinal, BigDecimal content, BigDecimal shortfall, Standing standing) {
    }

    /** A rule the lot failed: a message key of the domain bundles and its arguments. */
    public record Reason(String key, List<String> arguments) {
    }

    /**
     * The verdict, with every figure it rests on, in the labelled quantity's unit.
     *
     * @param mean      the sample's mean actual content q̄
     * @param deviation the sample's standard deviation s (n − 1), null for a single package
     * @param meanLimit Q_n − λ·s, null where the plan does not judge the mean
     */
    public record Verdict(TolerableShortfall.Allowed t, SamplingPlan plan, long lotSize, List<PackageResult> packages,
            BigDecimal mean, BigDecimal deviation, BigDecimal meanLimit, long beyondT, long beyondTwoT,
            List<Reason> reasons) {

        public boolean passed() {
            return reasons.isEmpty();
        }
    }

    /** Digits kept in q̄, s and λ·s before they are compared: far beyond any balance's resolution. */
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private LotEvaluation() {
    }

    /**
     * Judges a lot.
     *
     * @param contents the actual content of each package of the sample, in the unit of {@code t.labelled()}
     * @throws NetContentRefusal if the sample is not the size the plan asks for
     */
    public static Verdict evaluate(TolerableShortfall.Allowed t, SamplingPlan plan, long lotSize,
            List<BigDecimal> contents) {
        int n = plan.sampleSize(lotSize);
        if (contents.size() != n) {
            throw new NetContentRefusal("error.netContent.sampleSize", lotSize, n, contents.size());
        }
        BigDecimal qn = t.labelled().value();
        BigDecimal allowed = t.t().to(t.labelled().unit()).value();
        BigDecimal twice = allowed.multiply(BigDecimal.valueOf(2));
        List<PackageResult> packages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            packages.add(judge(t, i + 1, contents.get(i)));
        }
        long beyondT = packages.stream().filter(p -> p.standing() == Standing.BEYOND_T).count();
        long beyondTwoT = packages.stream().filter(p -> p.standing() == Standing.BEYOND_TWO_T).count();
        BigDecimal sum = contents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), PRECISION);
        BigDecimal deviation = n < 2 ? null : contents.stream().map(q -> q.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(n - 1), PRECISION).sqrt(PRECISION);
        BigDecimal meanLimit = plan.judgesMean() ? qn.subtract(plan.lambda().multiply(deviation), PRECISION) : null;

        String unit = " " + t.labelled().unit().symbol();
        List<Reason> reasons = new ArrayList<>();
        if (beyondTwoT > plan.allowedBeyondTwoT()) {
            reasons.add(new Reason("netContent.reason.beyondTwoT", List.of(String.valueOf(beyondTwoT),
                    twice.stripTrailingZeros().toPlainString() + unit)));
        }
        if (beyondT > plan.allowedBeyondT()) {
            reasons.add(new Reason("netContent.reason.beyondT", List.of(String.valueOf(beyondT),
                    allowed.stripTrailingZeros().toPlainString() + unit, String.valueOf(plan.allowedBeyondT()))));
        }
        if (meanLimit != null && mean.compareTo(meanLimit) < 0) {
            reasons.add(new Reason("netContent.reason.mean", List.of(toFourDecimals(mean) + unit,
                    toFourDecimals(meanLimit) + unit, plan.lambda().toPlainString(), toFourDecimals(deviation) + unit)));
        }
        return new Verdict(t, plan, lotSize, List.copyOf(packages), mean, deviation, meanLimit, beyondT, beyondTwoT,
                List.copyOf(reasons));
    }

    /** One package against T and 2T, as soon as its actual content is known (in the unit of {@code t.labelled()}). */
    public static PackageResult judge(TolerableShortfall.Allowed t, int ordinal, BigDecimal content) {
        BigDecimal allowed = t.t().to(t.labelled().unit()).value();
        BigDecimal twice = allowed.multiply(BigDecimal.valueOf(2));
        BigDecimal shortfall = t.labelled().value().subtract(content);
        Standing standing = shortfall.compareTo(twice) > 0 ? Standing.BEYOND_TWO_T
                : shortfall.compareTo(allowed) > 0 ? Standing.BEYOND_T : Standing.WITHIN_T;
        return new PackageResult(ordinal, content, shortfall, standing);
    }

    /**
     * A package's actual content, in {@code unit}, from its gross and its tare (the packaging's own, or the sample's
     * average): refused when either is below zero or the tare is above the gross.
     */
    public static BigDecimal content(Quantity gross, Quantity tare, org.jiliang.lims.metrology.quantity.Unit unit) {
        BigDecimal g = gross.to(unit).value();
        BigDecimal tr = tare.to(unit).value();
        if (tr.signum() < 0 || g.signum() < 0) {
            throw new NetContentRefusal("error.netContent.negative", gross, tare);
        }
        if (tr.compareTo(g) > 0) {
            throw new NetContentRefusal("error.netContent.tare", tare, gross);
        }
        return g.subtract(tr);
    }

}
