package org.jiliang.lims.metrology.prepackage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * The tolerable shortfall T (允许短缺量) of a prepackage by its labelled quantity Q_n, per edition, from
 * {@code tolerable-shortfall.csv} (SAMR Order No. 70 (2023), annex table; the 2005 Order's 附表3). Q_n is looked up in
 * the unit the table is written in (g, mL, m, m², pcs); a quantity of another kind, or outside every band (above
 * 50 kg, say), is refused with the reason.
 */
public final class TolerableShortfall {

    static final String RESOURCE = "metrology/prepackage/tolerable-shortfall.csv";

    /**
     * One line of the table: Q_n above {@code above} (exclusive) and up to {@code upTo} (inclusive, null: no bound),
     * T a percentage of Q_n or an absolute value, rounded to {@code roundTo} (null: as computed).
     */
    public record Band(String edition, String kind, Unit unit, BigDecimal above, BigDecimal upTo, BigDecimal percent,
            BigDecimal absolute, BigDecimal roundTo, RoundingMode rounding, String tag) {

        boolean contains(BigDecimal q) {
            return q.compareTo(above) > 0 && (upTo == null || q.compareTo(upTo) <= 0);
        }

        /** T for a Q_n of this band, in the band's unit. */
        BigDecimal t(BigDecimal q) {
            BigDecimal t = percent != null ? q.multiply(percent).movePointLeft(2) : absolute;
            return roundTo == null ? t.stripTrailingZeros() : t.divide(roundTo, 0, rounding).multiply(roundTo);
        }

        /** The line as a person reads it: "mass 100 g < Q_n ≤ 200 g: 4.5 %". */
        public String describe() {
            String range = above + " " + unit.symbol() + " < Q_n" + (upTo == null ? "" : " ≤ " + upTo + " " + unit.symbol());
            String value = percent != null ? percent.toPlainString() + " %" : absolute.toPlainString() + " " + unit.symbol();
            return kind + " " + range + ": " + value;
        }
    }

    /** T for one labelled quantity: in the table's unit, with the line of the table it comes from. */
    public record Allowed(Quantity labelled, Quantity t, Band band) {
    }

    private static final List<Band> BANDS = load();

    /** The kinds of quantity the table has bands for: mass, volume, length, area, count. */
    private static final Set<String> KINDS = BANDS.stream().map(Band::kind).collect(Collectors.toUnmodifiableSet());

    private TolerableShortfall() {
    }

    private static List<Band> load() {
        CsvResource table = CsvResource.load(RESOURCE).requireMetadata("source", "edition", "tag");
        return table.rows().stream().map(r -> {
            Band band = new Band(r.text("edition"), r.text("quantity"), Units.of(r.text("unit")), r.decimal("above"),
                    r.decimalOrNull("up_to"), r.decimalOrNull("percent"), r.decimalOrNull("absolute"),
                    r.decimalOrNull("round_to"), r.decimalOrNull("round_to") == null ? RoundingMode.UNNECESSARY
                            : r.constant("rounding", RoundingMode.class), r.text("tag"));
            if (!band.unit().kind().equals(band.kind())
                    || (band.percent() == null) == (band.absolute() == null)
                    || (band.roundTo() == null) != (band.rounding() == RoundingMode.UNNECESSARY)) {
                throw new IllegalStateException(RESOURCE + " line " + r.lineNumber() + " is not a band of T: "
                        + r.values());
            }
            return band;
        }).toList();
    }

    /**
     * T for a labelled quantity under an edition.
     *
     * @param value      Q_n as labelled, e.g. 500
     * @param unitSymbol its unit as labelled, e.g. g, kg, mL, L, m, m², pcs
     * @throws NetContentRefusal for an unknown unit, a unit of no net-content kind, a Q_n not above 0 or outside
     *                           every band of its kind
     */
    public static Allowed of(String edition, BigDecimal value, String unitSymbol) {
        Unit unit = Units.find(unitSymbol).filter(u -> KINDS.contains(u.kind()))
                .orElseThrow(() -> new NetContentRefusal("error.netContent.unit", unitSymbol));
        Quantity labelled = new Quantity(value, unit);
        List<Band> ofKind = BANDS.stream().filter(b -> b.edition().equals(edition) && b.kind().equals(unit.kind()))
                .toList();
        if (ofKind.isEmpty()) {
            throw new NetContentRefusal("error.netContent.noEdition", edition);
        }
        BigDecimal q = labelled.to(ofKind.get(0).unit()).value();
        Band band = ofKind.stream().filter(b -> b.contains(q)).findFirst()
                .orElseThrow(() -> new NetContentRefusal("error.netContent.outsideTable", labelled, edition,
                        ofKind.get(0).above().toPlainString() + " " + ofKind.get(0).unit().symbol(),
                        ofKind.get(ofKind.size() - 1).upTo() == null ? "∞"
                                : ofKind.get(ofKind.size() - 1).upTo().toPlainString() + " " + ofKind.get(0).unit().symbol()));
        return new Allowed(labelled, new Quantity(band.t(q), band.unit()), band);
    }
}
