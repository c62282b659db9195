package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What each accuracy class allows (OIML R 76-1:2006 Table 3): the range of the verification scale interval e,
 * the number of verification scale intervals n = Max / e, and the minimum capacity Min in e. Loaded from a
 * resource so that a corrected edition needs no code change.
 */
public final class AccuracyClassTable {

    static final String RESOURCE = "metrology/oiml-r76-1-2006-table3.csv";

    /** Instruments with an auxiliary indicating device (d &lt; e) belong to class I or II (Directive 2014/31/EU Annex I). */
    private static final Set<AccuracyClass> AUXILIARY_INDICATION_ALLOWED = EnumSet.of(AccuracyClass.I, AccuracyClass.II);

    /**
     * One line of Table 3.
     *
     * @param eMin         smallest e of this line, inclusive
     * @param eMax         largest e of this line, inclusive; null for no upper limit
     * @param nMin         smallest n = Max / e, inclusive
     * @param nMax         largest n, inclusive; null for no upper limit (class I)
     * @param minCapacityE lower limit of the minimum capacity Min, in e
     */
    public record Row(AccuracyClass accuracyClass, Mass eMin, Mass eMax, BigDecimal nMin, BigDecimal nMax,
            BigDecimal minCapacityE) {

        public Row {
            Objects.requireNonNull(accuracyClass, "accuracyClass");
            Objects.requireNonNull(eMin, "eMin");
            Objects.requireNonNull(nMin, "nMin");
            Objects.requireNonNull(minCapacityE, "minCapacityE");
            if (eMin.signum() <= 0 || eMax != null && eMax.compareTo(eMin) < 0) {
                throw new IllegalArgumentException("Invalid e range for class " + accuracyClass.symbol() + ": "
                        + eMin + " to " + eMax);
            }
            if (nMin.signum() <= 0 || nMax != null && nMax.compareTo(nMin) < 0) {
                throw new IllegalArgumentException("Invalid n range for class " + accuracyClass.symbol() + ": "
                        + nMin + " to " + nMax);
            }
            if (minCapacityE.signum() <= 0) {
                throw new IllegalArgumentException("Min must be positive for class " + accuracyClass.symbol());
            }
        }

        /** Whether e lies in this line's range of e. */
        public boolean covers(Mass e) {
            return e.compareTo(eMin) >= 0 && (eMax == null || e.compareTo(eMax) <= 0);
        }

        /** The e range as it is written in Table 3, e.g. "0.1 g ≤ e ≤ 2 g" or "e ≥ 5 g". */
        public String eRange() {
            return eMax == null
                    ? "e ≥ " + DecimalText.grouped(eMin)
                    : DecimalText.grouped(eMin) + " ≤ e ≤ " + DecimalText.grouped(eMax);
        }

        private boolean overlaps(Row other) {
            return accuracyClass == other.accuracyClass
                    && (eMax == null || other.eMin.compareTo(eMax) <= 0)
                    && (other.eMax == null || eMin.compareTo(other.eMax) <= 0);
        }
    }

    private final String source;
    private final List<Row> rows;

    /** A table from explicit rows; the e ranges of one class must not overlap. */
    public AccuracyClassTable(String source, List<Row> rows) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("An accuracy class table needs a source to cite");
        }
        this.source = source;
        this.rows = List.copyOf(rows);
        for (int i = 0; i < this.rows.size(); i++) {
            for (int j = i + 1; j < this.rows.size(); j++) {
                if (this.rows.get(i).overlaps(this.rows.get(j))) {
                    throw new IllegalArgumentException("Overlapping e ranges for class "
                            + this.rows.get(i).accuracyClass().symbol() + ": " + this.rows.get(i).eRange()
                            + " and " + this.rows.get(j).eRange());
                }
            }
        }
    }

    /** OIML R 76-1:2006 Table 3, from the class path. */
    public static AccuracyClassTable oimlR76() {
        return OimlR76Holder.TABLE;
    }

    private static final class OimlR76Holder {
        static final AccuracyClassTable TABLE = load();
    }

    private static AccuracyClassTable load() {
        CsvResource file = CsvResource.load(RESOURCE);
        List<Row> rows = file.rows().stream()
                .map(row -> {
                    BigDecimal eMax = row.decimalOrNull("e_max_g");
                    return new Row(
                            row.constant("class", AccuracyClass.class),
                            Mass.of(row.decimal("e_min_g"), MassUnit.G),
                            eMax == null ? null : Mass.of(eMax, MassUnit.G),
                            row.decimal("n_min"),
                            row.decimalOrNull("n_max"),
                            row.decimal("min_capacity_e"));
                })
                .toList();
        return new AccuracyClassTable(file.metadata("source") + " [" + file.metadata("edition") + "]", rows);
    }

    public String source() {
        return source;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The line of Table 3 that applies to this class and e, if e is allowed for the class at all. */
    public Optional<Row> rowFor(AccuracyClass accuracyClass, Mass e) {
        return rows.stream().filter(r -> r.accuracyClass() == accuracyClass && r.covers(e)).findFirst();
    }

    /**
     * The lower limit of the minimum capacity, Min = (Min in e) × e, in the unit of e.
     *
     * @throws IllegalArgumentException if e is not allowed for the class
     */
    public Mass minCapacity(AccuracyClass accuracyClass, Mass e) {
        Row row = rowFor(accuracyClass, e).orElseThrow(() -> new IllegalArgumentException(
                "e = " + DecimalText.grouped(e) + " is not allowed for class " + accuracyClass.symbol()));
        return Mass.of(DecimalText.tidy(e.value().multiply(row.minCapacityE())), e.unit());
    }

    /**
     * Every reason why these parameters cannot describe a verifiable instrument, worded for a technician;
     * empty if they are acceptable.
     *
     * @param max maximum capacity Max
     * @param e   verification scale interval
     * @param d   actual scale interval (d = e unless the instrument has an auxiliary indicating device)
     */
    public List<String> violations(AccuracyClass accuracyClass, Mass max, Mass e, Mass d) {
        Objects.requireNonNull(accuracyClass, "accuracyClass");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(d, "d");
        String cls = "class " + accuracyClass.symbol();
        List<String> problems = new ArrayList<>();
        requirePositive("Max", max, problems);
        requirePositive("e", e, problems);
        requirePositive("d", d, problems);
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        boolean eValid = ScaleIntervalForm.isValid(e);
        if (!eValid) {
            problems.add("e = " + DecimalText.grouped(e) + " is not of the form " + ScaleIntervalForm.RULE);
        }
        if (!ScaleIntervalForm.isValid(d)) {
            problems.add("d = " + DecimalText.grouped(d) + " is not of the form " + ScaleIntervalForm.RULE);
        }
        if (d.compareTo(e) > 0) {
            problems.add("d = " + DecimalText.grouped(d) + " is greater than e = " + DecimalText.grouped(e)
                    + "; d must not exceed e");
        } else if (d.compareTo(e) < 0 && !AUXILIARY_INDICATION_ALLOWED.contains(accuracyClass)) {
            problems.add("d = " + DecimalText.grouped(d) + " is smaller than e = " + DecimalText.grouped(e)
                    + ": only class I and II instruments may have an auxiliary indicating device (d < e); "
                    + "for " + cls + " d must equal e");
        }
        if (!eValid) {
            return List.copyOf(problems);
        }
        Optional<Row> row = rowFor(accuracyClass, e);
        if (row.isEmpty()) {
            problems.add(eOutsideClass(accuracyClass, e));
            return List.copyOf(problems);
        }
        BigDecimal n = max.dividedBy(e); // exact: e is 1, 2 or 5 × 10^k
        Row r = row.get();
        if (n.compareTo(r.nMin()) < 0) {
            problems.add("n = Max/e = " + DecimalText.grouped(n) + " is below the " + DecimalText.grouped(r.nMin())
                    + " required for " + cls + " with " + r.eRange());
        }
        if (r.nMax() != null && n.compareTo(r.nMax()) > 0) {
            problems.add("n = Max/e = " + DecimalText.grouped(n) + " exceeds " + DecimalText.grouped(r.nMax())
                    + " allowed for " + cls + (nMaxDependsOnE(accuracyClass) ? " with " + r.eRange() : ""));
        }
        return List.copyOf(problems);
    }

    private String eOutsideClass(AccuracyClass accuracyClass, Mass e) {
        List<Row> classRows = rowsOf(accuracyClass);
        String cls = "class " + accuracyClass.symbol();
        if (classRows.isEmpty()) {
            return "No accuracy class requirements for " + cls + " in " + source;
        }
        Row lowest = classRows.stream().min((a, b) -> a.eMin().compareTo(b.eMin())).orElseThrow();
        if (e.compareTo(lowest.eMin()) < 0) {
            return "e = " + DecimalText.grouped(e) + " is too small for " + cls + ", which requires e ≥ "
                    + DecimalText.grouped(lowest.eMin());
        }
        boolean bounded = classRows.stream().allMatch(r -> r.eMax() != null);
        if (bounded) {
            Mass largest = classRows.stream().map(Row::eMax).max(Mass::compareTo).orElseThrow();
            if (e.compareTo(largest) > 0) {
                return "e = " + DecimalText.grouped(e) + " is too large for " + cls + ", which requires e ≤ "
                        + DecimalText.grouped(largest);
            }
        }
        return "e = " + DecimalText.grouped(e) + " is not allowed for " + cls + "; allowed: "
                + String.join(" or ", classRows.stream().map(Row::eRange).toList());
    }

    private boolean nMaxDependsOnE(AccuracyClass accuracyClass) {
        return rowsOf(accuracyClass).stream()
                .map(r -> r.nMax() == null ? null : r.nMax().stripTrailingZeros())
                .distinct()
                .count() > 1;
    }

    private List<Row> rowsOf(AccuracyClass accuracyClass) {
        return rows.stream().filter(r -> r.accuracyClass() == accuracyClass).toList();
    }

    private static void requirePositive(String name, Mass value, List<String> problems) {
        if (value.signum() <= 0) {
            problems.add(name + " must be greater than zero, was " + DecimalText.grouped(value));
        }
    }
}
