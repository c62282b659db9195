package org.jiliang.lims.metrology.prepackage;

import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.metrology.CsvResource;

/**
 * The sampling plan for a lot of prepackages (计量检验抽样方案) under an edition, from {@code sampling-plans.csv}: the
 * lot size N gives the sample size n, the correction factor λ of the mean and how many packages may be short by
 * more than T (none by more than 2T). The plan is looked up, never typed.
 *
 * @param lotTo  the largest lot of this line, null for no bound
 * @param sample n, null for the whole lot
 * @param lambda λ, null where the lot is judged package by package without the mean (N ≤ 10)
 */
public record SamplingPlan(String edition, long lotFrom, Long lotTo, Integer sample, BigDecimal lambda,
        int allowedBeyondT, int allowedBeyondTwoT, String tag) {

    static final String RESOURCE = "metrology/prepackage/sampling-plans.csv";
    /** The largest lot a plan is looked up for: beyond, the number is a typing error, not a lot. */
    public static final long LARGEST_LOT = 100_000_000L;

    private static final List<SamplingPlan> PLANS = CsvResource.load(RESOURCE)
            .requireMetadata("source", "edition", "tag").rows().stream()
            .map(r -> new SamplingPlan(r.text("edition"), r.integer("lot_from"),
                    r.decimalOrNull("lot_to") == null ? null : r.decimalOrNull("lot_to").longValueExact(),
                    r.decimalOrNull("sample") == null ? null : r.decimalOrNull("sample").intValueExact(),
                    r.decimalOrNull("lambda"),
                    r.integer("allowed_t1"), r.integer("allowed_t2"), r.text("tag")))
            .toList();

    /**
     * The plan for a lot of {@code lotSize} packages.
     *
     * @throws NetContentRefusal for a lot of fewer than 1 or more than {@link #LARGEST_LOT} packages, or an edition
     *                           without plans
     */
    public static SamplingPlan forLot(String edition, long lotSize) {
        if (lotSize < 1 || lotSize > LARGEST_LOT) {
            throw new NetContentRefusal("error.netContent.lotSize", lotSize, LARGEST_LOT);
        }
        return PLANS.stream().filter(p -> p.edition().equals(edition) && lotSize >= p.lotFrom()
                        && (p.lotTo() == null || lotSize <= p.lotTo())).findFirst()
                .orElseThrow(() -> new NetContentRefusal("error.netContent.noEdition", edition));
    }

    /** How many packages of a lot of {@code lotSize} are weighed. */
    public int sampleSize(long lotSize) {
        return sample != null ? sample : (int) lotSize;
    }

    /** Whether the sample's mean is judged (not for the smallest lots). */
    public boolean judgesMean() {
        return lambda != null;
    }
}
