package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jiliang.lims.metrology.DecimalText;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * The verification points for one blood-pressure meter under one edition and verification type
 * (docs/blood-pressure-verification.md section 2), in the order they are done:
 *
 * <ol>
 * <li><b>Appearance</b>, by eye, where the edition's data names the check (JJG 270 5.3.2).</li>
 * <li><b>Zero</b>: a mercury meter's indication open to atmosphere against its asymmetric limit (JJG 270 3.1.1);
 * an aneroid meter's pointer inside the zero mark, by eye (3.1.2).</li>
 * <li><b>Sensitivity</b> of a mercury meter: the rebound against its lower limit (3.2).</li>
 * <li><b>Indication error</b> E = indication − reference at each point of test-points.csv, up (and down where
 * the data says so), against the MPE of the verification type.</li>
 * <li><b>Air leakage</b>: the pressure drop per time of the closed system against its limit.</li>
 * <li><b>Rapid exhaust</b>: the exhaust time against its limit.</li>
 * </ol>
 *
 * A meter is judged in the unit it indicates: each limit is the data's form in that unit (±3 mmHg, not ±0.4 kPa
 * converted). Test points are stated by the data in one unit (JJG 692 in mmHg, JJG 270 in kPa); for a meter of
 * the other unit a point is the graduation of the meter nearest to the converted point (5 kPa on a 2 mmHg scale
 * is 38 mmHg), since the pressure is set by the meter's scale. Points above the meter's range are left out.
 */
public final class BpTestPlan {

    /** Tests this plan can judge; an edition whose data names another test for the meter is refused. */
    private static final Set<BpTest> JUDGED = EnumSet.of(BpTest.ZERO, BpTest.SENSITIVITY,
            BpTest.CUFF_PRESSURE_INDICATION, BpTest.AIR_LEAKAGE, BpTest.RAPID_EXHAUST);

    static final String APPEARANCE_RULE = "appearance_check";
    static final String ANEROID_ZERO_RULE = "aneroid_zero";
    static final String AIR_LEAKAGE_START = "air_leakage_start";

    private final BpMeter meter;
    private final VerificationType verificationType;
    private final BpEdition edition;
    private final List<BpPoint> points;

    private BpTestPlan(BpMeter meter, VerificationType verificationType, BpEdition edition, List<BpPoint> points) {
        this.meter = meter;
        this.verificationType = verificationType;
        this.edition = edition;
        this.points = List.copyOf(points);
    }

    /**
     * @throws BpInputRefused if the edition does not cover the kind of meter, names no indication points for it,
     *                        none lies within the meter's range, or names a test this plan cannot judge
     */
    public static BpTestPlan generate(BpMeter meter, VerificationType verificationType, BpEdition edition) {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(verificationType, "verificationType");
        Objects.requireNonNull(edition, "edition");
        MeterType type = meter.type();
        if (!edition.covers(type)) {
            throw new BpInputRefused("error.bp.typeNotCovered", edition.edition(), type.label());
        }
        IndicationPoints nominal = edition.indicationPoints(type)
                .orElseThrow(() -> new BpInputRefused("error.bp.noPoints", edition.edition(), type.label()));
        List<String> notJudged = edition.limits(type, verificationType).stream().map(BpLimit::test)
                .filter(t -> !JUDGED.contains(t)).distinct().sorted().map(t -> t.title().toString()).toList();
        if (!notJudged.isEmpty()) {
            throw new BpInputRefused("error.bp.testNotImplemented", edition.edition(), type.label(),
                    String.join("; ", notJudged));
        }
        return new BpTestPlan(meter, verificationType, edition,
                new Generator(meter, verificationType, edition).points(nominal));
    }

    public BpMeter meter() {
        return meter;
    }

    public VerificationType verificationType() {
        return verificationType;
    }

    /** The edition the plan was made with; its result keeps it. */
    public BpEdition edition() {
        return edition;
    }

    /** Every point in the order it is done. */
    public List<BpPoint> points() {
        return points;
    }

    public List<BpTest> tests() {
        return points.stream().map(BpPoint::test).distinct().toList();
    }

    public List<BpPoint> points(BpTest test) {
        return points.stream().filter(p -> p.test() == test).toList();
    }

    /** @throws BpInputRefused if the plan has no such point */
    public BpPoint point(String id) {
        return points.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new BpInputRefused("error.bp.unknownPoint", id));
    }

    /**
     * One point's verdict as soon as its reading is typed (no point of this plan depends on another).
     *
     * @throws BpInputRefused for a reading of the wrong kind or unit, a negative time, a pressure outside the
     *                        meter's range
     */
    public BpPointResult evaluatePoint(String pointId, BpReading reading) {
        return BpEvaluation.point(this, point(pointId), reading);
    }

    /**
     * Every point judged, the verdict and the reasons.
     *
     * @throws BpInputRefused if a point has no reading, a reading names no point of the plan, or a reading is bad
     */
    public BpVerificationResult evaluate(Map<String, BpReading> readings) {
        return BpEvaluation.evaluate(this, readings);
    }

    private static final class Generator {

        private final BpMeter meter;
        private final VerificationType type;
        private final BpEdition edition;
        private final Unit unit;
        private final List<BpPoint> points = new ArrayList<>();

        Generator(BpMeter meter, VerificationType type, BpEdition edition) {
            this.meter = meter;
            this.type = type;
            this.edition = edition;
            this.unit = meter.unit();
        }

        List<BpPoint> points(IndicationPoints nominal) {
            edition.parameter(APPEARANCE_RULE).ifPresent(rule -> points.add(new BpPoint("appearance",
                    BpTest.APPEARANCE, BpTest.APPEARANCE.title(), null, null, null, rule.value(),
                    BpReading.Visual.class)));
            limit(BpTest.ZERO).ifPresentOrElse(
                    limit -> points.add(new BpPoint("zero", BpTest.ZERO, BpTest.ZERO.title(), null, null, limit,
                            limit.condition(), BpReading.Zero.class)),
                    () -> edition.parameter(ANEROID_ZERO_RULE).filter(r -> meter.type() == MeterType.ANEROID)
                            .ifPresent(rule -> points.add(new BpPoint("zero", BpTest.ZERO,
                                    new BilingualText("零位", "zero"), null, null, null, rule.value(),
                                    BpReading.Visual.class))));
            limit(BpTest.SENSITIVITY).ifPresent(limit -> points.add(new BpPoint("sensitivity", BpTest.SENSITIVITY,
                    BpTest.SENSITIVITY.title(), null, null, limit, limit.condition(), BpReading.Sensitivity.class)));
            indication(nominal);
            limit(BpTest.AIR_LEAKAGE).ifPresent(limit -> points.add(new BpPoint("air-leakage", BpTest.AIR_LEAKAGE,
                    BpTest.AIR_LEAKAGE.title(), leakageStart().orElse(null), null, limit, limit.condition(),
                    BpReading.Leakage.class)));
            limit(BpTest.RAPID_EXHAUST).ifPresent(limit -> points.add(new BpPoint("rapid-exhaust",
                    BpTest.RAPID_EXHAUST, BpTest.RAPID_EXHAUST.title(), null, null, limit, limit.condition(),
                    BpReading.Exhaust.class)));
            return points;
        }

        private void indication(IndicationPoints nominal) {
            BpLimit mpe = limit(BpTest.CUFF_PRESSURE_INDICATION).orElseThrow(() -> new IllegalStateException(
                    edition + " has no indication MPE for " + meter.type() + " in " + type));
            List<Quantity> pressures = new ArrayList<>();
            for (BigDecimal p : nominal.points()) {
                Quantity point = onScale(new Quantity(p, nominal.unit()));
                if (meter.inRange(point) && point.value().signum() > 0 && !pressures.contains(point)) {
                    pressures.add(point);
                }
            }
            if (pressures.isEmpty()) {
                throw new BpInputRefused("error.bp.noPointsInRange", meter.rangeLow(), meter.rangeHigh(),
                        edition.edition());
            }
            for (Quantity p : pressures) {
                points.add(indicationPoint(p, Direction.UP, mpe));
            }
            if (nominal.directions().contains(Direction.DOWN)) {
                for (int i = pressures.size() - 1; i >= 0; i--) {
                    points.add(indicationPoint(pressures.get(i), Direction.DOWN, mpe));
                }
            }
        }

        private BpPoint indicationPoint(Quantity pressure, Direction direction, BpLimit mpe) {
            String at = pressure + " " + direction.arrow();
            BilingualText title = BpTest.CUFF_PRESSURE_INDICATION.title();
            return new BpPoint("indication-" + pressure.value().toPlainString() + "-" + direction.name().toLowerCase(),
                    BpTest.CUFF_PRESSURE_INDICATION, new BilingualText(title.zh() + " " + at, title.en() + " " + at),
                    pressure, direction, mpe, mpe.condition(), BpReading.Indication.class);
        }

        private Optional<Quantity> leakageStart() {
            return edition.parameter(AIR_LEAKAGE_START)
                    .map(p -> onScale(new Quantity(p.numbers().get(0), Units.of(p.unit()))));
        }

        /** The graduation of the meter nearest to a pressure (half a division rounds up), in the meter's unit. */
        private Quantity onScale(Quantity pressure) {
            BigDecimal value = BpValue.inUnit(pressure, unit).value();
            BigDecimal division = meter.division().value();
            BigDecimal graduations = value.divide(division, 0, RoundingMode.HALF_UP);
            return new Quantity(DecimalText.tidy(graduations.multiply(division)), unit);
        }

        private Optional<BpLimit> limit(BpTest test) {
            return edition.limit(meter.type(), test, type, unit);
        }
    }
}
