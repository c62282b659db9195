package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleMpeTable;
import org.jiliang.lims.metrology.VerificationType;

/**
 * The verification test set for one instrument, generated from its parameters, the verification type and a
 * procedure edition (OIML R 76-1 / JJG 539; shared/reference/metrology.md section 1):
 *
 * <ol>
 * <li><b>Zero-setting</b>: one changeover reading at 10 e (with zero-tracking) or at zero; its error E0 must lie
 * within the zero-setting limit (0.25 e, [M]) and corrects every other error (Ec = E − E0).</li>
 * <li><b>Weighing test</b>, increasing then decreasing loads. Loads: Min, the loads at which the class's MPE
 * changes (R 76-1 Table 6: 500 e and 2 000 e for class III), the edition's fixed loads (500 e and 2 000 e), all
 * only where not above Max, and Max; while there are fewer than the edition's minimum number of loads (5, R 76-1
 * A.4.4.1 [M]) the widest gap between neighbouring loads is split at its middle, rounded down to a multiple of e.</li>
 * <li><b>Eccentricity</b>: (Max + maximum additive tare)/3 on each of the four quarter segments for up to four
 * supports, (Max + tare)/(n − 1) over each of n supports otherwise (metrology.md 1.4, [V2]); rounded down to a
 * multiple of e.</li>
 * <li><b>Repeatability</b>: a series at about 50 % and one at Max, 10 weighings when Max &lt; 1 000 kg, else 3
 * ([M], data); the largest difference must not exceed |MPE| for the load (metrology.md 1.5).</li>
 * <li><b>Discrimination</b>: at Min, ½ Max and Max an extra 1.4 d must change the indication (R 76-1 3.8.2 /
 * A.4.8 [M], data).</li>
 * <li><b>Weighing test with tare</b>, only with a tare device: a tare of half the maximum tare ([M], data), then
 * the weighing-test loads up to Max − T, increasing and decreasing; the MPE applies to the net load
 * (Directive 2014/31/EU Annex I 4.1, [V]).</li>
 * </ol>
 *
 * Every MPE comes from {@link ScaleMpeTable} for the verification type (in service twice the initial MPE).
 */
public final class ScaleTestPlan {

    /** The plan's name as procedure editions record it (ProcedureVersion.testPlan). */
    public static final String TEST_PLAN = "R76";


    private final ScaleUnderTest instrument;
    private final VerificationType verificationType;
    private final ProcedureEdition edition;
    private final String mpeSource;
    private final List<TestPoint> points;

    private ScaleTestPlan(ScaleUnderTest instrument, VerificationType verificationType, ProcedureEdition edition,
            String mpeSource, List<TestPoint> points) {
        this.instrument = instrument;
        this.verificationType = verificationType;
        this.edition = edition;
        this.mpeSource = mpeSource;
        this.points = List.copyOf(points);
    }

    /** The plan with the MPE of OIML R 76-1:2006 Table 6 ({@link ScaleMpeTable#oimlR76()}). */
    public static ScaleTestPlan generate(ScaleUnderTest instrument, VerificationType verificationType,
            ProcedureEdition edition) {
        return generate(instrument, verificationType, edition, ScaleMpeTable.oimlR76());
    }

    public static ScaleTestPlan generate(ScaleUnderTest instrument, VerificationType verificationType,
            ProcedureEdition edition, ScaleMpeTable mpeTable) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(verificationType, "verificationType");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(mpeTable, "mpeTable");
        Generator generator = new Generator(instrument, verificationType, edition, mpeTable);
        return new ScaleTestPlan(instrument, verificationType, edition, mpeTable.source(), generator.points());
    }

    public ScaleUnderTest instrument() {
        return instrument;
    }

    public VerificationType verificationType() {
        return verificationType;
    }

    /** The procedure edition the plan was made with; its result keeps it. */
    public ProcedureEdition edition() {
        return edition;
    }

    /** Citation of the MPE table the points' MPE come from. */
    public String mpeSource() {
        return mpeSource;
    }

    /** All points in the order they are performed. */
    public List<TestPoint> points() {
        return points;
    }

    /** The tests of this plan, in the order they are performed (no tare test without a tare device). */
    public List<ScaleTest> tests() {
        return points.stream().map(TestPoint::test).distinct().toList();
    }

    public List<TestPoint> points(ScaleTest test) {
        return points.stream().filter(p -> p.test() == test).toList();
    }

    /**
     * @throws IllegalArgumentException if the plan has no such point
     */
    public TestPoint point(String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan has no point \"" + id + "\""));
    }

    /**
     * Evaluates the readings of every point by the changeover-point method against this plan.
     *
     * @throws IllegalArgumentException if a point has no reading or a reading of the wrong kind, a reading names no
     *                                  point of the plan, or a repeatability series has too few weighings
     */
    /** The result of one point while the verification is in progress; empty until it can be judged. */
    public java.util.Optional<PointResult> evaluatePoint(String pointId, ScaleReadings readings) {
        return VerificationEvaluation.point(this, pointId, readings);
    }

    /** What the point's result is and the requirement it is held to, known before any reading. */
    public Requirement requirement(String pointId) {
        return Requirement.of(point(pointId), instrument.d());
    }

    public ScaleVerificationResult evaluate(ScaleReadings readings) {
        return VerificationEvaluation.evaluate(this, readings);
    }

    /** Builds the points; kept apart so that the plan itself is a plain value. */
    private static final class Generator {

        private final ScaleUnderTest instrument;
        private final VerificationType type;
        private final ProcedureEdition edition;
        private final ScaleMpeTable mpeTable;
        private final Mass e;
        private final Mass zero;
        private final List<TestPoint> points = new ArrayList<>();

        Generator(ScaleUnderTest instrument, VerificationType type, ProcedureEdition edition, ScaleMpeTable mpeTable) {
            this.instrument = instrument;
            this.type = type;
            this.edition = edition;
            this.mpeTable = mpeTable;
            this.e = instrument.e();
            this.zero = Mass.of("0", e.unit());
        }

        List<TestPoint> points() {
            zeroSetting();
            weighing(ScaleTest.WEIGHING, zero, loadsUpTo(instrument.max(), "Max"));
            eccentricity();
            repeatability();
            discrimination();
            if (instrument.hasTareDevice()) {
                Mass tare = multipleOfE(instrument.maxTare().times(edition.tareFraction()));
                weighing(ScaleTest.TARE, tare, loadsUpTo(instrument.max().minus(tare), "Max − T"));
            }
            return points;
        }

        private void zeroSetting() {
            Mass load = instrument.zeroTracking()
                    ? DecimalText.tidy(e.times(edition.zeroLoadWithZeroTrackingE()))
                    : zero;
            Mass limit = DecimalText.tidy(e.times(edition.zeroLimitE()));
            points.add(new TestPoint("zero", ScaleTest.ZERO_SETTING, ScaleTest.ZERO_SETTING.prefix(), load, limit,
                    zero, zero, 1, LoadDirection.NONE));
        }

        private void weighing(ScaleTest test, Mass tare, List<NamedLoad> loads) {
            String key = test == ScaleTest.TARE ? "tare" : "weighing";
            for (int i = 0; i < loads.size(); i++) {
                add(test, key + "-" + (i + 1) + "-up", loads.get(i), tare, LoadDirection.INCREASING);
            }
            for (int i = loads.size() - 1; i >= 0; i--) {
                add(test, key + "-" + (i + 1) + "-down", loads.get(i), tare, LoadDirection.DECREASING);
            }
        }

        private void add(ScaleTest test, String id, NamedLoad load, Mass tare, LoadDirection direction) {
            points.add(new TestPoint(id, test, label(test, load.label() + " " + direction.arrow()), load.mass(),
                    mpe(load.mass()), tare, zero, 1, direction));
        }

        private void eccentricity() {
            int supports = instrument.supports();
            boolean quarters = supports <= ProcedureEdition.QUARTER_SEGMENT_SUPPORTS;
            BigDecimal divisor = quarters ? edition.eccentricityDivisor() : BigDecimal.valueOf(supports - 1L);
            int positions = quarters ? edition.eccentricityPositions() : supports;
            Mass base = instrument.max().plus(instrument.maxAdditiveTare());
            BigDecimal intervals = base.dividedBy(e).divide(divisor, 0, RoundingMode.FLOOR);
            Mass load = DecimalText.tidy(e.times(intervals));
            for (int k = 1; k <= positions; k++) {
                var label = new BilingualText("偏载 位置 " + k, "eccentricity position " + k);
                points.add(new TestPoint("eccentricity-" + k, ScaleTest.ECCENTRICITY, label, load, mpe(load), zero,
                        zero, 1, LoadDirection.NONE));
            }
        }

        private void repeatability() {
            int weighings = edition.repeatabilityWeighings(instrument.max());
            List<RelativeLoad> loads = edition.repeatabilityLoads();
            for (int i = 0; i < loads.size(); i++) {
                Mass load = loads.get(i).resolve(instrument);
                points.add(new TestPoint("repeatability-" + (i + 1), ScaleTest.REPEATABILITY,
                        label(ScaleTest.REPEATABILITY, loads.get(i).label()), load, mpe(load), zero, zero, weighings,
                        LoadDirection.NONE));
            }
        }

        private void discrimination() {
            Mass extra = edition.discriminationExtraLoad(instrument.parameters());
            List<RelativeLoad> loads = edition.discriminationLoads();
            for (int i = 0; i < loads.size(); i++) {
                Mass load = loads.get(i).resolve(instrument);
                points.add(new TestPoint("discrimination-" + (i + 1), ScaleTest.DISCRIMINATION,
                        label(ScaleTest.DISCRIMINATION, loads.get(i).label()), load, mpe(load), zero, extra, 1,
                        LoadDirection.NONE));
            }
        }

        /**
         * Min, the MPE change points of the class, the edition's fixed loads, and the top load; then the widest gap
         * split until the edition's minimum number of loads is reached.
         */
        private List<NamedLoad> loadsUpTo(Mass top, String topLabel) {
            BigDecimal minE = instrument.min().dividedBy(e);
            BigDecimal topE = top.dividedBy(e);
            NavigableMap<BigDecimal, String> loads = new TreeMap<>();
            loads.put(topE, topLabel);
            if (minE.compareTo(topE) < 0) {
                loads.put(minE, "Min");
            }
            mpeTable.bands().stream()
                    .filter(b -> b.accuracyClass() == instrument.accuracyClass() && b.upperInclusiveE() != null)
                    .map(ScaleMpeTable.Band::upperInclusiveE)
                    .filter(m -> m.compareTo(minE) > 0 && m.compareTo(topE) < 0)
                    .forEach(m -> loads.putIfAbsent(m, DecimalText.grouped(m) + " e"));
            edition.fixedWeighingLoadsE().stream()
                    .filter(m -> m.compareTo(minE) > 0 && m.compareTo(topE) < 0)
                    .forEach(m -> loads.putIfAbsent(m, DecimalText.grouped(m) + " e"));
            while (loads.size() < edition.minimumWeighingLoads()) {
                BigDecimal[] gap = widestGap(loads);
                if (gap == null) {
                    break;
                }
                BigDecimal middle = gap[0].add(gap[1]).divide(BigDecimal.valueOf(2), 0, RoundingMode.FLOOR);
                if (middle.compareTo(gap[0]) <= 0) {
                    break; // neighbouring loads one e apart: nothing left to split
                }
                loads.put(middle, DecimalText.grouped(e.times(middle)));
            }
            List<NamedLoad> result = new ArrayList<>();
            for (Map.Entry<BigDecimal, String> entry : loads.entrySet()) {
                result.add(new NamedLoad(DecimalText.tidy(e.times(entry.getKey())), entry.getValue()));
            }
            return Collections.unmodifiableList(result);
        }

        /** The first of the widest gaps between neighbouring loads, or null with fewer than two loads. */
        private static BigDecimal[] widestGap(NavigableMap<BigDecimal, String> loads) {
            BigDecimal[] widest = null;
            BigDecimal previous = null;
            for (BigDecimal m : loads.keySet()) {
                if (previous != null && (widest == null
                        || m.subtract(previous).compareTo(widest[1].subtract(widest[0])) > 0)) {
                    widest = new BigDecimal[] {previous, m};
                }
                previous = m;
            }
            return widest;
        }

        private Mass multipleOfE(Mass mass) {
            return DecimalText.tidy(e.times(mass.dividedBy(e).setScale(0, RoundingMode.FLOOR)));
        }

        private Mass mpe(Mass load) {
            return mpeTable.mpe(instrument.accuracyClass(), e, load, type);
        }

        private static BilingualText label(ScaleTest test, String what) {
            BilingualText prefix = test.prefix();
            return new BilingualText(prefix.zh() + " " + what.strip(), prefix.en() + " " + what.strip());
        }
    }

    private record NamedLoad(Mass mass, String label) {
    }
}
