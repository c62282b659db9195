package org.jiliang.lims.metrology.prepackage;

import static org.jiliang.lims.metrology.quantity.Decimals.toFourDecimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.metrology.CsvResource;

/**
 * Whether a lot's tare may be the average of a sample of empty packagings (平均皮重) or must be each package's own
 * (逐件皮重), per edition, from {@code tare-rules.csv}: how many empty packagings are weighed, and the two limits of
 * which one must hold — the mean tare at most a fraction of Q_n, or the tares' standard deviation at most a fraction
 * of T.
 */
public record TareRule(String edition, int packagings, BigDecimal meanOfQn, BigDecimal deviationOfT, String tag) {

    static final String RESOURCE = "metrology/prepackage/tare-rules.csv";
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private static final List<TareRule> RULES = CsvResource.load(RESOURCE)
            .requireMetadata("source", "edition", "tag").rows().stream()
            .map(r -> new TareRule(r.text("edition"), r.integer("packagings"), r.decimal("mean_of_qn"),
                    r.decimal("deviation_of_t"), r.text("tag")))
            .toList();

    /** The rule of an edition. */
    public static TareRule of(String edition) {
        return RULES.stream().filter(r -> r.edition().equals(edition)).findFirst()
                .orElseThrow(() -> new NetContentRefusal("error.netContent.noEdition", edition));
    }

    /** How many empty packagings are weighed for a sample of {@code sample} packages. */
    public int packagings(int sample) {
        return Math.min(packagings, sample);
    }

    /**
     * Why the average of these tares may not be used, or empty when it may.
     *
     * @param t     T for the lot's Q_n
     * @param tares the empty packagings' tares, in the unit of {@code t.labelled()} (a volume through the density)
     */
    public Optional<NetContentRefusal> refusesAverage(TolerableShortfall.Allowed t, List<BigDecimal> tares) {
        BigDecimal mean = mean(tares);
        BigDecimal meanLimit = t.labelled().value().multiply(meanOfQn);
        if (mean.compareTo(meanLimit) <= 0) {
            return Optional.empty();
        }
        BigDecimal s = deviation(tares, mean);
        BigDecimal deviationLimit = t.t().to(t.labelled().unit()).value().multiply(deviationOfT);
        if (s != null && s.compareTo(deviationLimit) <= 0) {
            return Optional.empty();
        }
        String unit = " " + t.labelled().unit().symbol();
        return Optional.of(new NetContentRefusal("error.netContent.averageTare", toFourDecimals(mean) + unit,
                toFourDecimals(meanLimit) + unit, s == null ? "—" : toFourDecimals(s) + unit,
                toFourDecimals(deviationLimit) + unit, edition,
                meanOfQn.movePointRight(2).stripTrailingZeros().toPlainString() + " %",
                deviationOfT.stripTrailingZeros().toPlainString() + " T"));
    }

    /** The mean of the tares, exact to 16 digits. */
    public static BigDecimal mean(List<BigDecimal> tares) {
        return tares.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(tares.size()),
                PRECISION);
    }

    private static BigDecimal deviation(List<BigDecimal> values, BigDecimal mean) {
        if (values.size() < 2) {
            return null;
        }
        return values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size() - 1L), PRECISION).sqrt(PRECISION);
    }

}
