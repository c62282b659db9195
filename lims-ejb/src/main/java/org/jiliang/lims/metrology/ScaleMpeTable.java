package org.jiliang.lims.metrology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maximum permissible errors of non-automatic weighing instruments as data: MPE bands in verification scale
 * intervals e per accuracy class (OIML R 76-1:2006 Table 6), and a factor per verification type (in service
 * twice the initial MPE). The values live in resource files so that a corrected edition needs no code change.
 */
public final class ScaleMpeTable {

    static final String BANDS_RESOURCE = "metrology/oiml-r76-1-2006-table6.csv";
    static final String FACTORS_RESOURCE = "metrology/mpe-factor-by-verification-type.csv";

    /**
     * One MPE band of one accuracy class: {@code lowerExclusiveE < m ≤ upperInclusiveE}, with m = load / e.
     * A band whose lower bound is 0 also contains m = 0 (the empty load receptor), as Table 6 reads 0 ≤ m.
     *
     * @param upperInclusiveE null for the open last band (class I above 200 000 e)
     * @param mpeE            absolute value of the MPE on initial verification, in e
     */
    public record Band(AccuracyClass accuracyClass, BigDecimal lowerExclusiveE, BigDecimal upperInclusiveE,
            BigDecimal mpeE) {

        public Band {
            Objects.requireNonNull(accuracyClass, "accuracyClass");
            Objects.requireNonNull(lowerExclusiveE, "lowerExclusiveE");
            Objects.requireNonNull(mpeE, "mpeE");
            if (lowerExclusiveE.signum() < 0) {
                throw new IllegalArgumentException("Band lower bound must not be negative: " + lowerExclusiveE);
            }
            if (upperInclusiveE != null && upperInclusiveE.compareTo(lowerExclusiveE) <= 0) {
                throw new IllegalArgumentException("Band upper bound " + upperInclusiveE
                        + " e must be above its lower bound " + lowerExclusiveE + " e");
            }
            if (mpeE.signum() <= 0) {
                throw new IllegalArgumentException("Band MPE must be positive: " + mpeE + " e");
            }
        }

        /** Whether a load of m verification scale intervals falls in this band. */
        public boolean contains(BigDecimal m) {
            boolean aboveLower = m.compareTo(lowerExclusiveE) > 0 || m.signum() == 0 && lowerExclusiveE.signum() == 0;
            return aboveLower && (upperInclusiveE == null || m.compareTo(upperInclusiveE) <= 0);
        }
    }

    private final String source;
    private final Map<AccuracyClass, List<Band>> bandsByClass;
    private final Map<VerificationType, BigDecimal> factorByType;

    /**
     * A table from explicit rows. The bands of each class must be contiguous from 0, and every verification
     * type needs a factor.
     *
     * @param source citation printed with results computed from this table
     */
    public ScaleMpeTable(String source, List<Band> bands, Map<VerificationType, BigDecimal> factorByType) {
        this.source = requireText(source);
        this.bandsByClass = contiguousBandsByClass(bands);
        this.factorByType = completeFactors(factorByType);
    }

    /** OIML R 76-1:2006 Table 6 with the Directive 2014/31/EU / JJG 539 factors, from the class path. */
    public static ScaleMpeTable oimlR76() {
        return OimlR76Holder.TABLE;
    }

    private static final class OimlR76Holder {
        static final ScaleMpeTable TABLE = load();
    }

    private static ScaleMpeTable load() {
        CsvResource bandFile = CsvResource.load(BANDS_RESOURCE);
        CsvResource factorFile = CsvResource.load(FACTORS_RESOURCE);
        List<Band> bands = bandFile.rows().stream()
                .map(row -> new Band(
                        row.constant("class", AccuracyClass.class),
                        row.decimal("lower_exclusive_e"),
                        row.decimalOrNull("upper_inclusive_e"),
                        row.decimal("mpe_e")))
                .toList();
        Map<VerificationType, BigDecimal> factors = new EnumMap<>(VerificationType.class);
        for (CsvResource.Row row : factorFile.rows()) {
            VerificationType type = row.constant("verification_type", VerificationType.class);
            if (factors.put(type, row.decimal("factor")) != null) {
                throw new IllegalStateException(FACTORS_RESOURCE + " line " + row.lineNumber() + ": " + type
                        + " is listed twice");
            }
        }
        String source = bandFile.metadata("source") + " [" + bandFile.metadata("edition") + "]; MPE factor by"
                + " verification type: " + factorFile.metadata("source");
        return new ScaleMpeTable(source, bands, factors);
    }

    /**
     * The absolute value of the MPE (the "±" value) for a load, in the unit of e.
     *
     * @param e    verification scale interval of the instrument
     * @param load test load; it need not be a multiple of e
     * @throws IllegalArgumentException for a negative load, an impossible e, or a load above the last band
     */
    public Mass mpe(AccuracyClass accuracyClass, Mass e, Mass load, VerificationType type) {
        Objects.requireNonNull(accuracyClass, "accuracyClass");
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(type, "type");
        if (!ScaleIntervalForm.isValid(e)) {
            throw new IllegalArgumentException("e = " + DecimalText.grouped(e)
                    + " is not a verification scale interval: e must be " + ScaleIntervalForm.RULE);
        }
        if (load.signum() < 0) {
            throw new IllegalArgumentException("Load must not be negative: " + DecimalText.grouped(load));
        }
        BigDecimal m = load.dividedBy(e); // exact: e is 1, 2 or 5 × 10^k
        List<Band> bands = bandsByClass.get(accuracyClass);
        if (bands == null) {
            throw new IllegalArgumentException("No MPE bands for class " + accuracyClass.symbol() + " in " + source);
        }
        Band band = bands.stream()
                .filter(b -> b.contains(m))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No MPE for class " + accuracyClass.symbol()
                        + " at load " + DecimalText.grouped(load) + " with e = " + DecimalText.grouped(e)
                        + ": m = load/e = " + DecimalText.grouped(m) + " e is above the last band of the MPE table"
                        + " (m ≤ " + DecimalText.grouped(bands.get(bands.size() - 1).upperInclusiveE()) + " e)"));
        BigDecimal mpeInE = band.mpeE().multiply(factorByType.get(type));
        return Mass.of(DecimalText.tidy(mpeInE.multiply(e.value())), e.unit());
    }

    /** The factor applied to the initial-verification MPE for this verification type. */
    public BigDecimal factor(VerificationType type) {
        return factorByType.get(Objects.requireNonNull(type, "type"));
    }

    /** All bands, by class and ascending load. */
    public List<Band> bands() {
        return bandsByClass.values().stream().flatMap(List::stream).toList();
    }

    /** Citation of the table and the verification-type factors, for certificates and audit. */
    public String source() {
        return source;
    }

    private static Map<AccuracyClass, List<Band>> contiguousBandsByClass(List<Band> bands) {
        Objects.requireNonNull(bands, "bands");
        Map<AccuracyClass, List<Band>> byClass = new EnumMap<>(AccuracyClass.class);
        for (Band band : bands) {
            Objects.requireNonNull(band, "band");
            byClass.computeIfAbsent(band.accuracyClass(), cls -> new ArrayList<>()).add(band);
        }
        Map<AccuracyClass, List<Band>> result = new EnumMap<>(AccuracyClass.class);
        byClass.forEach((cls, list) -> {
            list.sort(Comparator.comparing(Band::lowerExclusiveE));
            BigDecimal expectedLower = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                Band band = list.get(i);
                if (expectedLower == null || band.lowerExclusiveE().compareTo(expectedLower) != 0) {
                    throw new IllegalArgumentException("MPE bands of class " + cls.symbol()
                            + " must be contiguous from 0 e: band starting at " + band.lowerExclusiveE()
                            + " e does not follow " + (expectedLower == null ? "an open band" : expectedLower + " e"));
                }
                expectedLower = band.upperInclusiveE();
            }
            result.put(cls, List.copyOf(list));
        });
        return Collections.unmodifiableMap(result);
    }

    private static Map<VerificationType, BigDecimal> completeFactors(Map<VerificationType, BigDecimal> factors) {
        Objects.requireNonNull(factors, "factorByType");
        for (VerificationType type : VerificationType.values()) {
            BigDecimal factor = factors.get(type);
            if (factor == null || factor.signum() <= 0) {
                throw new IllegalArgumentException("MPE factor for " + type + " must be given and positive, was "
                        + factor);
            }
        }
        return Collections.unmodifiableMap(new EnumMap<>(factors));
    }

    private static String requireText(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("An MPE table needs a source to cite");
        }
        return source;
    }
}
