package org.jiliang.lims.metrology.dmm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiliang.lims.metrology.CsvResource;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * The calibration points of a multimeter from the data (metrology/dmm/test-points.csv) and the instrument's ranges
 * per function and display digits, as the register records them (instrument parameters dcv.ranges,
 * resistance.ranges, digits). Each range gets the data's rows for "ALL" ranges and, for the function's basic range,
 * the "BASIC" rows, for every other range the "OTHER" rows; points come by function, then by range from the smallest,
 * then in the data's order.
 */
public final class DmmTestPlan {

    /** The plan's name as procedure editions record it (ProcedureVersion.testPlan): direct against a calibrator. */
    public static final String TEST_PLAN = "DMM-DIRECT";

    static final String POINTS_TABLE = "metrology/dmm/test-points.csv";
    static final String BASIC_RANGES_TABLE = "metrology/dmm/basic-ranges.csv";

    /** One line of test-points.csv. */
    record PointRule(DmmFunction function, String ranges, BigDecimal fraction, DmmPoint.Polarity polarity,
            String source, boolean confirmed) {

        boolean appliesTo(boolean basic) {
            return switch (ranges) {
                case "ALL" -> true;
                case "BASIC" -> basic;
                case "OTHER" -> !basic;
                default -> throw new IllegalStateException(POINTS_TABLE + ": ranges must be ALL, BASIC or OTHER, was "
                        + ranges);
            };
        }
    }

    private static final List<PointRule> RULES = loadRules();
    private static final int READINGS = loadReadings();
    private static final Map<DmmFunction, Quantity> BASIC_RANGES = loadBasicRanges();

    private DmmTestPlan() {
    }

    private static List<PointRule> loadRules() {
        List<PointRule> rules = new ArrayList<>();
        CsvResource table = CsvResource.load(POINTS_TABLE).requireMetadata("source", "edition", "tag");
        for (CsvResource.Row row : table.rows()) {
            BigDecimal fraction = row.decimal("fraction");
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalStateException(POINTS_TABLE + " line " + row.lineNumber()
                        + ": the fraction of full scale must lie between 0 and 1, was " + fraction);
            }
            PointRule rule = new PointRule(DmmFunction.ofCode(row.text("function")), row.text("ranges"), fraction,
                    row.constant("polarity", DmmPoint.Polarity.class), row.text("source"), confirmed(row));
            rule.appliesTo(true);
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static int loadReadings() {
        String text = CsvResource.load(POINTS_TABLE).metadata("readings").strip().split("\\s+")[0];
        int n = Integer.parseInt(text);
        if (n < DmmPointCalibration.MINIMUM_READINGS) {
            throw new IllegalStateException(POINTS_TABLE + ": readings per point must be at least "
                    + DmmPointCalibration.MINIMUM_READINGS + ", was " + n);
        }
        return n;
    }

    /** How many indications the meter gives at every point (test-points.csv, header "readings"). */
    public static int readingsPerPoint() {
        return READINGS;
    }

    private static Map<DmmFunction, Quantity> loadBasicRanges() {
        Map<DmmFunction, Quantity> basic = new EnumMap<>(DmmFunction.class);
        CsvResource table = CsvResource.load(BASIC_RANGES_TABLE).requireMetadata("source", "edition", "tag");
        for (CsvResource.Row row : table.rows()) {
            DmmFunction f = DmmFunction.ofCode(row.text("function"));
            Quantity range = new Quantity(row.decimal("basic_range"), Units.of(row.text("unit")));
            if (!range.kind().equals(f.kind())) {
                throw new IllegalStateException(BASIC_RANGES_TABLE + " line " + row.lineNumber() + ": " + range
                        + " is not a " + f.kind() + " range");
            }
            basic.put(f, range);
        }
        return Collections.unmodifiableMap(basic);
    }

    private static boolean confirmed(CsvResource.Row row) {
        return switch (row.text("tag")) {
            case "C" -> true;
            case "M" -> false;
            default -> throw new IllegalStateException(row.file() + " line " + row.lineNumber()
                    + ": tag must be C (confirmed) or M (not confirmed), was " + row.text("tag"));
        };
    }

    /** The basic range of each function from basic-ranges.csv (10 V, 10 kΩ). */
    public static Map<DmmFunction, Quantity> defaultBasicRanges() {
        return BASIC_RANGES;
    }

    /** The points of a meter with these DC voltage and resistance ranges (either list may be empty). */
    public static List<DmmPoint> plan(List<Quantity> dcVoltageRanges, List<Quantity> resistanceRanges,
            DisplayDigits digits) {
        Map<DmmFunction, List<Quantity>> ranges = new EnumMap<>(DmmFunction.class);
        ranges.put(DmmFunction.DC_VOLTAGE, dcVoltageRanges);
        ranges.put(DmmFunction.RESISTANCE, resistanceRanges);
        return plan(ranges, digits, BASIC_RANGES);
    }

    /**
     * The points of a meter whose basic ranges are given (a meter whose basic DC voltage range is 1 V, say).
     *
     * @param basicRanges the basic range per function; needed only for a function the data has BASIC rows for
     */
    public static List<DmmPoint> plan(Map<DmmFunction, List<Quantity>> ranges, DisplayDigits digits,
            Map<DmmFunction, Quantity> basicRanges) {
        Objects.requireNonNull(ranges, "ranges");
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(basicRanges, "basicRanges");
        List<DmmPoint> points = new ArrayList<>();
        for (DmmFunction f : DmmFunction.values()) {
            List<Quantity> functionRanges = sorted(f, ranges.getOrDefault(f, List.of()));
            if (functionRanges.isEmpty()) {
                continue;
            }
            Quantity basic = basicRanges.get(f);
            boolean needsBasic = RULES.stream().anyMatch(r -> r.function() == f && !r.ranges().equals("ALL"));
            if (needsBasic && (basic == null || functionRanges.stream().noneMatch(r -> same(r, basic)))) {
                throw new DmmRefusal("error.dmm.noBasicRange", "The " + f.labelEn() + " ranges " + functionRanges
                        + " do not include the basic range " + (basic == null ? "(none named)" : basic)
                        + "; name the meter's basic range", f.labelZh(), f.labelEn(), functionRanges.toString(),
                        String.valueOf(basic));
            }
            for (Quantity range : functionRanges) {
                boolean isBasic = basic != null && same(range, basic);
                for (PointRule rule : RULES) {
                    if (rule.function() == f && rule.appliesTo(isBasic)) {
                        points.add(new DmmPoint(f, range, nominal(range, rule), digits, rule.polarity(), isBasic,
                                rule.source(), rule.confirmed()));
                    }
                }
            }
        }
        return List.copyOf(points);
    }

    private static List<Quantity> sorted(DmmFunction f, List<Quantity> ranges) {
        List<Quantity> sorted = new ArrayList<>();
        for (Quantity range : ranges) {
            Objects.requireNonNull(range, "range");
            if (!range.kind().equals(f.kind()) || range.value().signum() <= 0) {
                throw new DmmRefusal("error.dmm.rangeKind", "The range " + range + " is not a positive "
                        + f.kind() + " range of the " + f.labelEn() + " function", range.toString(), f.labelZh(),
                        f.labelEn());
            }
            if (sorted.stream().anyMatch(r -> same(r, range))) {
                throw new DmmRefusal("error.dmm.rangeTwice", "The " + f.labelEn() + " range " + range
                        + " is listed twice", f.labelZh(), f.labelEn(), range.toString());
            }
            sorted.add(range);
        }
        sorted.sort(null);
        return sorted;
    }

    private static boolean same(Quantity a, Quantity b) {
        return a.unit().sameKindAs(b.unit()) && a.compareTo(b) == 0;
    }

    /** fraction × full scale in the range's unit, negative for reversed polarity: 0.9 of 100 mV is 90 mV. */
    private static Quantity nominal(Quantity range, PointRule rule) {
        BigDecimal v = range.value().multiply(rule.fraction());
        if (rule.polarity() == DmmPoint.Polarity.NEGATIVE) {
            v = v.negate();
        }
        v = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        return new Quantity(v.scale() < 0 ? v.setScale(0) : v, range.unit());
    }
}
