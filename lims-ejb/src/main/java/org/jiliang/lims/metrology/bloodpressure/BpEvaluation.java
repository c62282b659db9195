package org.jiliang.lims.metrology.bloodpressure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jiliang.lims.metrology.DecimalText;
import org.jiliang.lims.metrology.DecisionRule;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Unit;
import org.jiliang.lims.metrology.quantity.Units;
import org.jiliang.lims.metrology.scale.BilingualText;

/**
 * Turns the readings of a plan into verdicts with reasons. Every verdict is exact ({@link BpLimit}); the value
 * printed in a reason is in the meter's unit ({@link BpValue}).
 */
final class BpEvaluation {

    private static final DecisionRule RULE = DecisionRule.SIMPLE_ACCEPTANCE;
    private static final Unit SECOND = Units.of("s");

    private BpEvaluation() {
    }

    static BpVerificationResult evaluate(BpTestPlan plan, Map<String, BpReading> readings) {
        Objects.requireNonNull(readings, "readings");
        List<String> unknown = readings.keySet().stream()
                .filter(id -> plan.points().stream().noneMatch(p -> p.id().equals(id))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BpInputRefused("error.bp.unknownPoint", String.join(", ", unknown));
        }
        List<String> missing = plan.points().stream().filter(p -> readings.get(p.id()) == null)
                .map(p -> p.label().toString()).toList();
        if (!missing.isEmpty()) {
            throw new BpInputRefused("error.bp.missingReadings", String.join("; ", missing));
        }
        Map<BpTest, List<BpPointResult>> byTest = new EnumMap<>(BpTest.class);
        for (BpPoint point : plan.points()) {
            byTest.computeIfAbsent(point.test(), t -> new ArrayList<>()).add(point(plan, point, readings.get(point.id())));
        }
        List<BpTestResult> tests = plan.tests().stream().map(t -> BpTestResult.of(t, byTest.get(t))).toList();
        Verdict verdict = tests.stream().allMatch(BpTestResult::passed) ? Verdict.PASS : Verdict.FAIL;
        return new BpVerificationResult(plan, tests, verdict, RULE);
    }

    static BpPointResult point(BpTestPlan plan, BpPoint point, BpReading reading) {
        Objects.requireNonNull(reading, "reading");
        if (!point.reading().isInstance(reading)) {
            throw new BpInputRefused("error.bp.wrongReading", point.label(), BpReading.describe(point.reading()));
        }
        BpMeter meter = plan.meter();
        if (reading instanceof BpReading.Indication r) {
            return indication(meter, point, r);
        } else if (reading instanceof BpReading.Zero r) {
            Quantity e0 = inMeterUnit(meter, point, r.indication());
            return judged(point, r, BpValue.of(e0), point.limit().judgePressure(e0), "E0 = ");
        } else if (reading instanceof BpReading.Sensitivity r) {
            Quantity rebound = inMeterUnit(meter, point, r.rebound());
            if (rebound.value().signum() < 0) {
                throw new BpInputRefused("error.bp.negativeRebound", point.label(), rebound);
            }
            return judged(point, r, BpValue.of(rebound), point.limit().judgePressure(rebound), "");
        } else if (reading instanceof BpReading.Leakage r) {
            return leakage(meter, point, r);
        } else if (reading instanceof BpReading.Exhaust r) {
            Quantity time = positiveTime(point, r.elapsed());
            return judged(point, r, BpValue.of(BpValue.inUnit(time, SECOND)), point.limit().judgeTime(time), "t = ");
        }
        BpReading.Visual visual = (BpReading.Visual) reading;
        BilingualText reason = visual.conforms()
                ? reason(point, "符合（" + point.procedure() + "）", "conforms (" + point.procedure() + ")")
                : reason(point, "不符合（" + point.procedure() + "）" + remark(visual),
                        "does not conform (" + point.procedure() + ")" + remark(visual));
        return new BpPointResult(point, visual, null, visual.conforms() ? Verdict.PASS : Verdict.FAIL, reason);
    }

    /** E = indication − reference, in the meter's unit; judged exactly in Pa. */
    private static BpPointResult indication(BpMeter meter, BpPoint point, BpReading.Indication r) {
        Quantity indication = inMeterUnit(meter, point, r.indication());
        Quantity reference = pressure(point, r.reference());
        requireInRange(meter, point, reference);
        requireInRange(meter, point, indication);
        Quantity error = new Quantity(indication.value().subtract(BpValue.inUnit(reference, meter.unit()).value()),
                meter.unit());
        Verdict verdict = point.limit().judgePressure(difference(indication, reference));
        return judged(point, r, BpValue.of(error), verdict, "E = ");
    }

    /** The drop of the closed system per time, judged exactly by {@link BpLimit#judgeRate}. */
    private static BpPointResult leakage(BpMeter meter, BpPoint point, BpReading.Leakage r) {
        Quantity start = pressure(point, r.startPressure());
        Quantity end = pressure(point, r.endPressure());
        requireInRange(meter, point, start);
        requireInRange(meter, point, end);
        if (end.compareTo(start) > 0) {
            throw new BpInputRefused("error.bp.pressureRose", point.label(), start, end);
        }
        Quantity elapsed = positiveTime(point, r.elapsed());
        Quantity drop = difference(start, end);
        BpLimit limit = point.limit();
        // rate in the limit's unit: drop / limit unit per (elapsed / limit time unit)
        BigDecimal dropInUnit = BpValue.inUnit(drop, limit.unit()).value();
        BigDecimal elapsedInTime = BpValue.inUnit(elapsed, limit.perTime()).value();
        BigDecimal rate;
        try {
            rate = dropInUnit.divide(elapsedInTime);
        } catch (ArithmeticException nonTerminating) {
            rate = dropInUnit.divide(elapsedInTime, BpValue.PRINTED_PRECISION);
        }
        BpValue value = new BpValue(DecimalText.tidy(rate), limit.symbol());
        return judged(point, r, value, limit.judgeRate(drop, elapsed), "");
    }

    private static BpPointResult judged(BpPoint point, BpReading reading, BpValue value, Verdict verdict,
            String symbol) {
        boolean error = symbol.startsWith("E");
        String shown = symbol + (error ? value.signed() : value.toString());
        String limit = (point.test() == BpTest.CUFF_PRESSURE_INDICATION ? "MPE " : "") + point.limit().describe();
        BilingualText reason;
        if (error) {
            reason = verdict == Verdict.PASS
                    ? reason(point, shown + "，在 " + limit + " 以内", shown + " within " + limit)
                    : reason(point, shown + "，超出 " + limit, shown + " exceeds " + limit);
        } else {
            reason = verdict == Verdict.PASS
                    ? reason(point, shown + "，符合 " + limit, shown + " meets " + limit)
                    : reason(point, shown + "，不符合 " + limit, shown + " does not meet " + limit);
        }
        return new BpPointResult(point, reading, value, verdict, reason);
    }

    private static BilingualText reason(BpPoint point, String zh, String en) {
        return new BilingualText(point.label().zh() + "：" + zh, point.label().en() + ": " + en);
    }

    private static String remark(BpReading.Visual visual) {
        return visual.remark().isEmpty() ? "" : ": " + visual.remark();
    }

    /** a − b in Pa, exactly: converting kPa or mmHg to Pa is a multiplication. */
    private static Quantity difference(Quantity a, Quantity b) {
        Unit pascal = Units.of("Pa");
        return new Quantity(a.to(pascal).value().subtract(b.to(pascal).value()), pascal);
    }

    /** What the meter shows must be typed in the unit it shows: a kPa value for a mmHg meter is a typing error. */
    private static Quantity inMeterUnit(BpMeter meter, BpPoint point, Quantity value) {
        if (!value.unit().equals(meter.unit())) {
            throw new BpInputRefused("error.bp.indicationUnit", point.label(), meter.unit(), value);
        }
        return value;
    }

    private static Quantity pressure(BpPoint point, Quantity value) {
        if (!value.kind().equals("pressure")) {
            throw new BpInputRefused("error.bp.notPressure", point.label(), value);
        }
        return value;
    }

    private static Quantity positiveTime(BpPoint point, Quantity value) {
        if (!value.kind().equals("time")) {
            throw new BpInputRefused("error.bp.notTime", point.label(), value);
        }
        if (value.value().signum() <= 0) {
            throw new BpInputRefused("error.bp.timeNotPositive", point.label(), value);
        }
        return value;
    }

    private static void requireInRange(BpMeter meter, BpPoint point, Quantity pressure) {
        if (!meter.inRange(pressure)) {
            throw new BpInputRefused("error.bp.outsideRange", point.label(), pressure, meter.rangeLow(),
                    meter.rangeHigh());
        }
    }
}
