package org.jiliang.lims.metrology.scale;

import org.jiliang.lims.metrology.DecimalText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiliang.lims.metrology.DecisionRule;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.Verdict;

/**
 * Turns the readings of a plan into verdicts with reasons by the changeover-point method (metrology.md 1.3):
 * E = I + ½e − ΔL − L, Ec = E − E0, and Ec is held against the MPE by simple acceptance (|Ec| ≤ MPE passes).
 */
final class VerificationEvaluation {

    private static final DecisionRule RULE = DecisionRule.SIMPLE_ACCEPTANCE;

    private VerificationEvaluation() {
    }

    static ScaleVerificationResult evaluate(ScaleTestPlan plan, ScaleReadings readings) {
        Objects.requireNonNull(readings, "readings");
        checkCompleteness(plan, readings);
        Mass e = plan.instrument().e();
        TestPoint zeroPoint = plan.points(ScaleTest.ZERO_SETTING).get(0);
        Mass zeroError = DecimalText.tidy(changeover(zeroPoint, readings).changePointError(zeroPoint.load(), e).error());

        Map<ScaleTest, List<PointResult>> byTest = new EnumMap<>(ScaleTest.class);
        for (TestPoint point : plan.points()) {
            PointReading reading = readings.reading(point.id()).orElseThrow();
            PointResult result = switch (point.test()) {
                case ZERO_SETTING -> zeroSetting(point, reading, zeroError);
                case WEIGHING, ECCENTRICITY, TARE -> correctedError(point, changeover(point, readings), e, zeroError);
                case REPEATABILITY -> repeatability(point, series(point, readings), e);
                case DISCRIMINATION -> discrimination(point, discrimination(point, readings), e, plan.instrument().d());
            };
            byTest.computeIfAbsent(point.test(), t -> new ArrayList<>()).add(result);
        }
        List<TestResult> tests = plan.tests().stream().map(t -> TestResult.of(t, byTest.get(t))).toList();
        Verdict verdict = tests.stream().allMatch(TestResult::passed) ? Verdict.PASS : Verdict.FAIL;
        return new ScaleVerificationResult(plan, zeroError, tests, verdict, RULE);
    }

    /**
     * One point as soon as it can be judged: its own reading complete and, for an error
     * corrected with E0, the zero-setting reading. Used while a verification is in progress.
     */
    static Optional<PointResult> point(ScaleTestPlan plan, String pointId, ScaleReadings readings) {
        TestPoint point = plan.point(pointId);
        PointReading reading = readings.reading(pointId).orElse(null);
        if (reading == null || !expectedKind(point).isInstance(reading)
                || (reading instanceof SeriesReading series && series.weighings().size() < point.weighings())) {
            return Optional.empty();
        }
        Mass e = plan.instrument().e();
        TestPoint zeroPoint = plan.points(ScaleTest.ZERO_SETTING).get(0);
        Optional<Mass> zeroError = readings.reading(zeroPoint.id())
                .filter(ChangeoverReading.class::isInstance)
                .map(r -> DecimalText.tidy(((ChangeoverReading) r).changePointError(zeroPoint.load(), e).error()));
        return switch (point.test()) {
            case ZERO_SETTING -> zeroError.map(e0 -> zeroSetting(point, reading, e0));
            case WEIGHING, ECCENTRICITY, TARE ->
                    zeroError.map(e0 -> correctedError(point, (ChangeoverReading) reading, e, e0));
            case REPEATABILITY -> Optional.of(repeatability(point, (SeriesReading) reading, e));
            case DISCRIMINATION -> Optional.of(discrimination(point, (DiscriminationReading) reading, e,
                    plan.instrument().d()));
        };
    }

    private static PointResult zeroSetting(TestPoint point, PointReading reading, Mass zeroError) {
        Verdict verdict = RULE.verdict(zeroError, point.mpe());
        String value = "E0 = " + DecimalText.signed(zeroError);
        String limit = "±" + DecimalText.grouped(point.mpe());
        BilingualText reason = verdict == Verdict.PASS
                ? reason(point, value + "，在 " + limit + " 以内", value + " within " + limit)
                : reason(point, value + " 超出 " + limit, value + " exceeds " + limit);
        return new PointResult(point, reading, zeroError, verdict, reason);
    }

    private static PointResult correctedError(TestPoint point, ChangeoverReading reading, Mass e, Mass zeroError) {
        Mass ec = DecimalText.tidy(reading.changePointError(point.load(), e).correctedError(zeroError));
        Verdict verdict = RULE.verdict(ec, point.mpe());
        String value = "Ec = " + DecimalText.signed(ec);
        String limit = "MPE ±" + DecimalText.grouped(point.mpe());
        BilingualText reason = verdict == Verdict.PASS
                ? reason(point, value + "，在 " + limit + " 以内", value + " within " + limit)
                : reason(point, value + " 超出 " + limit, value + " exceeds " + limit);
        return new PointResult(point, reading, ec, verdict, reason);
    }

    /** Repeatability: the difference between the largest and smallest error of the series against |MPE|. */
    private static PointResult repeatability(TestPoint point, SeriesReading reading, Mass e) {
        List<Mass> errors = reading.weighings().stream().map(w -> w.changePointError(point.load(), e).error()).toList();
        Mass largest = errors.stream().max(Comparator.naturalOrder()).orElseThrow();
        Mass smallest = errors.stream().min(Comparator.naturalOrder()).orElseThrow();
        Mass spread = DecimalText.tidy(largest.minus(smallest));
        Verdict verdict = RULE.verdict(spread, point.mpe());
        int n = errors.size();
        String difference = DecimalText.grouped(spread);
        String limit = "|MPE| " + DecimalText.grouped(point.mpe());
        BilingualText reason = verdict == Verdict.PASS
                ? reason(point, n + " 次称量最大差值 " + difference + "，不超过 " + limit,
                        "largest difference of " + n + " weighings " + difference + ", not more than " + limit)
                : reason(point, n + " 次称量最大差值 " + difference + " 超出 " + limit,
                        "largest difference of " + n + " weighings " + difference + " exceeds " + limit);
        return new PointResult(point, reading, spread, verdict, reason);
    }

    /**
     * Discrimination: the extra load of 1.4 d must make the indication go up by at least one actual scale interval d
     * (R 76-1 3.8.2 "shall change the initial indication", A.4.8.2 I → I + d, [M]). With a digital indication every
     * change is a multiple of d, so this is "the indication went up"; said as the regulation says it.
     */
    private static PointResult discrimination(TestPoint point, DiscriminationReading reading, Mass e, Mass d) {
        Mass change = DecimalText.tidy(reading.indicationAfter().to(e.unit()).minus(reading.indicationBefore()));
        Verdict verdict = change.compareTo(d) >= 0 ? Verdict.PASS : Verdict.FAIL;
        String extra = DecimalText.grouped(point.extraLoad());
        String before = DecimalText.grouped(DecimalText.tidy(reading.indicationBefore()));
        String after = DecimalText.grouped(DecimalText.tidy(reading.indicationAfter()));
        BilingualText reason = verdict == Verdict.PASS
                ? reason(point, "加放 " + extra + " 后示值由 " + before + " 变为 " + after,
                        "adding " + extra + " changed the indication from " + before + " to " + after)
                : reason(point, "加放 " + extra + " 后示值增加不足 " + DecimalText.grouped(d) + "：" + before + " → " + after,
                        "the indication did not increase by " + DecimalText.grouped(d) + " when " + extra + " was added: "
                                + before + " → " + after);
        return new PointResult(point, reading, change, verdict, reason);
    }

    private static BilingualText reason(TestPoint point, String zh, String en) {
        return new BilingualText(point.label().zh() + "：" + zh, point.label().en() + ": " + en);
    }

    private static void checkCompleteness(ScaleTestPlan plan, ScaleReadings readings) {
        List<String> problems = new ArrayList<>();
        Set<String> planned = plan.points().stream().map(TestPoint::id).collect(Collectors.toSet());
        List<String> unknown = readings.asMap().keySet().stream().filter(id -> !planned.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            problems.add("readings for points not in the plan: " + unknown);
        }
        for (TestPoint point : plan.points()) {
            PointReading reading = readings.reading(point.id()).orElse(null);
            if (reading == null) {
                problems.add("no reading for " + point.label().en() + " (" + point.id() + ")");
            } else if (!expectedKind(point).isInstance(reading)) {
                problems.add(point.label().en() + " (" + point.id() + ") needs a "
                        + kindName(expectedKind(point)) + ", got a " + kindName(reading.getClass()));
            } else if (reading instanceof SeriesReading series && series.weighings().size() < point.weighings()) {
                problems.add(point.label().en() + " (" + point.id() + ") needs " + point.weighings()
                        + " weighings, " + series.weighings().size() + " recorded");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Readings incomplete for " + plan.edition().edition() + ": "
                    + String.join("; ", problems));
        }
    }

    private static Class<? extends PointReading> expectedKind(TestPoint point) {
        return switch (point.test()) {
            case ZERO_SETTING, WEIGHING, ECCENTRICITY, TARE -> ChangeoverReading.class;
            case REPEATABILITY -> SeriesReading.class;
            case DISCRIMINATION -> DiscriminationReading.class;
        };
    }

    private static String kindName(Class<?> kind) {
        if (kind == ChangeoverReading.class) {
            return "changeover reading (indication and ΔL)";
        }
        if (kind == SeriesReading.class) {
            return "series of changeover readings";
        }
        return "discrimination reading (indication before and after the extra load)";
    }

    private static ChangeoverReading changeover(TestPoint point, ScaleReadings readings) {
        return (ChangeoverReading) readings.reading(point.id()).orElseThrow();
    }

    private static SeriesReading series(TestPoint point, ScaleReadings readings) {
        return (SeriesReading) readings.reading(point.id()).orElseThrow();
    }

    private static DiscriminationReading discrimination(TestPoint point, ScaleReadings readings) {
        return (DiscriminationReading) readings.reading(point.id()).orElseThrow();
    }
}
