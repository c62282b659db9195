package org.jiliang.lims.metrology.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.classIII;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.demoScale;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.errorFreeReadings;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.g;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.jjg539;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.metrology.DecisionRule;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.VerificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleVerificationTest {

    /**
     * A fictitious but complete initial verification of the demo scale with a tare device (class III, Max 30 kg,
     * e = d = 10 g, maximum tare 30 kg): point id, then I and ΔL in g for changeover readings, "I/ΔL" per weighing
     * for repeatability series, and the indications before and after 1.4 d for discrimination.
     */
    private static final String DEMO_BENCH_RECORD = """
            zero              100 4
            weighing-1-up     200 3
            weighing-2-up     5000 2
            weighing-3-up     12510 8
            weighing-4-up     20010 6
            weighing-5-up     30010 3
            weighing-5-down   30010 4
            weighing-4-down   20000 1
            weighing-3-down   12500 7
            weighing-2-down   5000 5
            weighing-1-down   200 4
            eccentricity-1    10000 3
            eccentricity-2    10010 9
            eccentricity-3    9990 2
            eccentricity-4    10000 8
            repeatability-1   15000/3 15000/5 15010/9 15000/4 15000/2 15010/8 15000/6 15000/3 15000/1 15000/5
            repeatability-2   30010/5 30000/2 30010/9 30000/5 30010/4 30000/3 30010/7 30000/6 30010/5 30000/1
            discrimination-1  200 210
            discrimination-2  15000 15010
            discrimination-3  30000 30010
            tare-1-up         200 5
            tare-2-up         5000 4
            tare-3-up         7510 7
            tare-4-up         10000 2
            tare-5-up         15010 9
            tare-5-down       15010 8
            tare-4-down       10000 6
            tare-3-down       7500 5
            tare-2-down       5000 6
            tare-1-down       200 5
            """;

    private static ScaleTestPlan demoPlanWithTare(VerificationType type) {
        return ScaleTestPlan.generate(demoScale().withTare(g("30000")), type, jjg539());
    }

    @Test
    void completeVerificationOfTheDemoScalePasses() {
        ScaleVerificationResult result = demoPlanWithTare(VerificationType.INITIAL).evaluate(bench(DEMO_BENCH_RECORD));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.tests()).extracting(TestResult::test).containsExactly(ScaleTest.values());
        assertThat(result.tests()).allMatch(TestResult::passed);
        assertThat(result.failedTests()).isEmpty();
        assertThat(result.nonConformityReasons()).isEmpty();
        assertThat(result.zeroError()).isEqualTo(g("1"));
        assertThat(result.decisionRule()).isEqualTo(DecisionRule.SIMPLE_ACCEPTANCE);
        assertThat(result.plan().edition().edition()).isEqualTo("JJG 539-2016");
        assertThat(result.conclusion()).hasToString("检定结论：合格 / verification result: pass");
    }

    @ParameterizedTest(name = "{0}: {1} = {2}, {3}")
    @CsvSource(delimiter = '#', textBlock = """
            zero             # E0 # +1 g  # 置零：E0 = +1 g，在 ±2.5 g 以内 / zero-setting: E0 = +1 g within ±2.5 g
            weighing-5-up    # Ec # +11 g # 称量 Max ↑：Ec = +11 g，在 MPE ±15 g 以内 / weighing Max ↑: Ec = +11 g within MPE ±15 g
            weighing-3-down  # Ec # -3 g  # 称量 12 500 g ↓：Ec = -3 g，在 MPE ±10 g 以内 / weighing 12 500 g ↓: Ec = -3 g within MPE ±10 g
            eccentricity-3   # Ec # -8 g  # 偏载 位置 3：Ec = -8 g，在 MPE ±10 g 以内 / eccentricity position 3: Ec = -8 g within MPE ±10 g
            repeatability-1  # spread # 8 g # 重复性 50 % Max：10 次称量最大差值 8 g，不超过 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 8 g, not more than |MPE| 10 g
            repeatability-2  # spread # 12 g # 重复性 Max：10 次称量最大差值 12 g，不超过 |MPE| 15 g / repeatability Max: largest difference of 10 weighings 12 g, not more than |MPE| 15 g
            discrimination-2 # change # 10 g # 鉴别力 50 % Max：加放 14 g 后示值由 15 000 g 变为 15 010 g / discrimination 50 % Max: adding 14 g changed the indication from 15 000 g to 15 010 g
            tare-3-up        # Ec # +7 g  # 除皮 7 500 g ↑：Ec = +7 g，在 MPE ±10 g 以内 / tare 7 500 g ↑: Ec = +7 g within MPE ±10 g
            """)
    void explainsEachPointOfThePassingVerification(String id, String quantity, String measured, String reason) {
        ScaleVerificationResult result = demoPlanWithTare(VerificationType.INITIAL).evaluate(bench(DEMO_BENCH_RECORD));
        PointResult point = pointResult(result, id);

        assertThat(point.measured()).isEqualTo(Mass.parse(measured.replace("+", "")));
        assertThat(point.verdict()).isEqualTo(Verdict.PASS);
        assertThat(point.reason()).hasToString(reason);
    }

    @Test
    void verificationFailingOnEccentricityOnlyNamesThePositionAndTheLimit() {
        String record = DEMO_BENCH_RECORD.replace("eccentricity-3    9990 2", "eccentricity-3    10010 3");

        ScaleVerificationResult result = demoPlanWithTare(VerificationType.INITIAL).evaluate(bench(record));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failedTests()).extracting(TestResult::test).containsExactly(ScaleTest.ECCENTRICITY);
        assertThat(result.tests()).filteredOn(t -> t.test() != ScaleTest.ECCENTRICITY).allMatch(TestResult::passed);
        assertThat(result.test(ScaleTest.ECCENTRICITY).failures()).extracting(p -> p.point().id())
                .containsExactly("eccentricity-3");
        assertThat(result.nonConformityReasons()).extracting(BilingualText::toString).containsExactly(
                "偏载 位置 3：Ec = +11 g 超出 MPE ±10 g / eccentricity position 3: Ec = +11 g exceeds MPE ±10 g");
        assertThat(result.conclusion())
                .hasToString("检定结论：不合格（偏载测试） / verification result: fail (eccentricity test)");
    }

    @Test
    void theSameReadingsPassInServiceWhereTheMpeIsDoubled() {
        String record = DEMO_BENCH_RECORD.replace("eccentricity-3    9990 2", "eccentricity-3    10010 3");

        ScaleVerificationResult result = demoPlanWithTare(VerificationType.IN_SERVICE).evaluate(bench(record));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pointResult(result, "eccentricity-3").reason()).hasToString(
                "偏载 位置 3：Ec = +11 g，在 MPE ±20 g 以内 / eccentricity position 3: Ec = +11 g within MPE ±20 g");
    }

    @Test
    void reproducesTheWorkedExamplesOfTheChangeoverPointMethod() {
        // metrology.md 1.3, e = 5 g: example 1 at 10 e = 50 g (I = 50 g, ΔL = 2 g: E0 = +0.5 g) and example 2
        // at L = 1 000 g (I = 1 000 g, ΔL = 1.5 g: E = +1 g, Ec = +0.5 g); a class III scale of Max 3 kg with four
        // supports has its zero point at 50 g and its eccentricity load at 1 000 g.
        var plan = ScaleTestPlan.generate(ScaleUnderTest.of(classIII("3 kg", "5 g"), 4, true),
                VerificationType.INITIAL, jjg539());
        assertThat(plan.point("zero").load()).isEqualTo(g("50"));
        assertThat(plan.point("eccentricity-1").load()).isEqualTo(g("1000"));
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("zero", new ChangeoverReading(g("50"), g("2")));
        readings.put("eccentricity-1", new ChangeoverReading(g("1000"), g("1.5")));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));

        assertThat(result.zeroError()).isEqualTo(g("0.5"));
        assertThat(pointResult(result, "eccentricity-1").measured()).isEqualTo(g("0.5"));
        assertThat(pointResult(result, "eccentricity-1").reason().en())
                .isEqualTo("eccentricity position 1: Ec = +0.5 g within MPE ±2.5 g");
        // the error-free readings elsewhere (E = 0) are corrected by E0 as well: Ec = −0.5 g
        assertThat(pointResult(result, "eccentricity-2").measured()).isEqualTo(g("-0.5"));
    }

    @Test
    void eccentricityReasonReadsAsTheTechnicianExpects() {
        // class III, Max 15 kg, e = 5 g: eccentricity load 5 000 g, MPE ±5 g; I = 5 010 g, ΔL = 5 g: Ec = +7.5 g
        var plan = ScaleTestPlan.generate(ScaleUnderTest.of(classIII("15 kg", "5 g"), 4, true),
                VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("eccentricity-3", new ChangeoverReading(g("5010"), g("5")));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));

        assertThat(result.nonConformityReasons()).extracting(BilingualText::toString).containsExactly(
                "偏载 位置 3：Ec = +7.5 g 超出 MPE ±5 g / eccentricity position 3: Ec = +7.5 g exceeds MPE ±5 g");
    }

    @ParameterizedTest(name = "weighing 2 000 e ↑ (MPE ±10 g), I = {0}, ΔL = {1}: Ec = {2}, {3}")
    @CsvSource({
            "20010 g, 5 g, 10 g,  PASS",
            "20010 g, 4 g, 11 g,  FAIL",
            "19990 g, 5 g, -10 g, PASS",
            "19990 g, 6 g, -11 g, FAIL",
            "20020 g, 5 g, 20 g,  FAIL"
    })
    void errorExactlyAtTheMpePassesAndOneTenthOfEMoreFails(String indication, String additionalLoad, String ec,
            Verdict verdict) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("weighing-4-up", new ChangeoverReading(Mass.parse(indication), Mass.parse(additionalLoad)));

        PointResult point = pointResult(plan.evaluate(new ScaleReadings(readings)), "weighing-4-up");

        assertThat(point.measured()).isEqualTo(Mass.parse(ec));
        assertThat(point.verdict()).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "repeatability at 15 000 g (|MPE| 10 g), last weighing I = {0}, ΔL = {1}: {2}, {3}")
    @CsvSource(delimiter = '#', textBlock = """
            15010 g # 5 g # 10 g # PASS # 重复性 50 % Max：10 次称量最大差值 10 g，不超过 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 10 g, not more than |MPE| 10 g
            14990 g # 5 g # 10 g # PASS # 重复性 50 % Max：10 次称量最大差值 10 g，不超过 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 10 g, not more than |MPE| 10 g
            15020 g # 5 g # 20 g # FAIL # 重复性 50 % Max：10 次称量最大差值 20 g 超出 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 20 g exceeds |MPE| 10 g
            14980 g # 5 g # 20 g # FAIL # 重复性 50 % Max：10 次称量最大差值 20 g 超出 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 20 g exceeds |MPE| 10 g
            15010 g # 4 g # 11 g # FAIL # 重复性 50 % Max：10 次称量最大差值 11 g 超出 |MPE| 10 g / repeatability 50 % Max: largest difference of 10 weighings 11 g exceeds |MPE| 10 g
            """)
    void repeatabilityDifferenceExactlyTheMpePassesAndOneDMoreFails(String indication, String additionalLoad,
            String spread, Verdict verdict, String reason) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("repeatability-1", ScaleFixtures.seriesWithLast(10, g("15000"), g("5"),
                new ChangeoverReading(Mass.parse(indication), Mass.parse(additionalLoad))));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));
        PointResult series = pointResult(result, "repeatability-1");

        assertThat(series.measured()).isEqualTo(Mass.parse(spread));
        assertThat(series.verdict()).isEqualTo(verdict);
        assertThat(series.reason()).hasToString(reason);
        assertThat(result.test(ScaleTest.REPEATABILITY).verdict()).isEqualTo(verdict);
        assertThat(result.verdict()).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "discrimination Max: {0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            30000 g | 30010 g  | PASS | 鉴别力 Max：加放 14 g 后示值由 30 000 g 变为 30 010 g / discrimination Max: adding 14 g changed the indication from 30 000 g to 30 010 g
            30000 g | 30.02 kg | PASS | 鉴别力 Max：加放 14 g 后示值由 30 000 g 变为 30.02 kg / discrimination Max: adding 14 g changed the indication from 30 000 g to 30.02 kg
            30000 g | 30000 g  | FAIL | 鉴别力 Max：加放 14 g 后示值增加不足 10 g：30 000 g → 30 000 g / discrimination Max: the indication did not increase by 10 g when 14 g was added: 30 000 g → 30 000 g
            30000 g | 29990 g  | FAIL | 鉴别力 Max：加放 14 g 后示值增加不足 10 g：30 000 g → 29 990 g / discrimination Max: the indication did not increase by 10 g when 14 g was added: 30 000 g → 29 990 g
            30000 g | 30.005 kg | FAIL | 鉴别力 Max：加放 14 g 后示值增加不足 10 g：30 000 g → 30.005 kg / discrimination Max: the indication did not increase by 10 g when 14 g was added: 30 000 g → 30.005 kg
            """)
    void discriminationRequiresTheIndicationToChange(String before, String after, Verdict verdict, String reason) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("discrimination-3", new DiscriminationReading(Mass.parse(before), Mass.parse(after)));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));
        PointResult point = pointResult(result, "discrimination-3");

        assertThat(point.verdict()).isEqualTo(verdict);
        assertThat(point.reason()).hasToString(reason);
        assertThat(result.failedTests()).extracting(TestResult::test)
                .isEqualTo(verdict == Verdict.PASS ? List.of() : List.of(ScaleTest.DISCRIMINATION));
    }

    /** Issue 11: each test's value beside its own requirement, before any reading is taken. */
    @ParameterizedTest(name = "{0}: {1}, shown as {3}")
    @CsvSource(delimiter = '|', textBlock = """
            zero             | ±2.5 g | 0.5 g  | E0 = +0.5 g
            weighing-2-up    | ±5 g   | -2.5 g | Ec = -2.5 g
            repeatability-1  | ≤ 10 g | 10 g   | Emax − Emin = 10 g
            discrimination-3 | ≥ 10 g | 10 g   | ΔI = 10 g
            """)
    void eachTestIsShownAsTheRegulationDefinesIt(String pointId, String limit, String value, String shown) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());

        Requirement requirement = plan.requirement(pointId);

        assertThat(requirement.limit()).isEqualTo(limit);
        assertThat(requirement.shown(Mass.parse(value))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "zero point I = {0}, ΔL = {1}: E0 = {2}, {3}")
    @CsvSource({
            "100 g, 7.5 g, -2.5 g, PASS",
            "100 g, 2.5 g, 2.5 g,  PASS",
            "100 g, 2 g,   3 g,    FAIL",
            "100 g, 8 g,   -3 g,   FAIL"
    })
    void zeroErrorBeyondAQuarterOfEFailsTheZeroSettingTest(String indication, String additionalLoad, String e0,
            Verdict verdict) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("zero", new ChangeoverReading(Mass.parse(indication), Mass.parse(additionalLoad)));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));

        assertThat(result.zeroError()).isEqualTo(Mass.parse(e0));
        assertThat(result.test(ScaleTest.ZERO_SETTING).verdict()).isEqualTo(verdict);
        if (verdict == Verdict.FAIL) {
            assertThat(result.nonConformityReasons()).first().hasToString(
                    "置零：E0 = " + signed(e0) + " 超出 ±2.5 g / zero-setting: E0 = " + signed(e0) + " exceeds ±2.5 g");
        }
    }

    @Test
    void tareTestComparesTheNetErrorWithTheMpeOfTheNetLoad() {
        var plan = demoPlanWithTare(VerificationType.INITIAL);
        Map<String, PointReading> readings = errorFreeReadings(plan);
        // net 200 g on a tare of 15 000 g: MPE ±5 g for the net load, not the ±10 g of 15 200 g gross
        readings.put("tare-1-up", new ChangeoverReading(g("210"), g("4")));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));

        assertThat(result.failedTests()).extracting(TestResult::test).containsExactly(ScaleTest.TARE);
        assertThat(result.nonConformityReasons()).extracting(BilingualText::toString)
                .containsExactly("除皮 Min ↑：Ec = +11 g 超出 MPE ±5 g / tare Min ↑: Ec = +11 g exceeds MPE ±5 g");
    }

    @Test
    void everyFailedTestAndReasonIsListedForTheNoticeOfNonConformity() {
        var plan = demoPlanWithTare(VerificationType.INITIAL);
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("weighing-5-down", new ChangeoverReading(g("30020"), g("5")));
        readings.put("eccentricity-1", new ChangeoverReading(g("9980"), g("5")));
        readings.put("eccentricity-4", new ChangeoverReading(g("10020"), g("5")));

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(readings));

        assertThat(result.failedTests()).extracting(TestResult::test)
                .containsExactly(ScaleTest.WEIGHING, ScaleTest.ECCENTRICITY);
        assertThat(result.nonConformityReasons()).extracting(BilingualText::en).containsExactly(
                "weighing Max ↓: Ec = +20 g exceeds MPE ±15 g",
                "eccentricity position 1: Ec = -20 g exceeds MPE ±10 g",
                "eccentricity position 4: Ec = +20 g exceeds MPE ±10 g");
        assertThat(result.conclusion()).hasToString(
                "检定结论：不合格（称量测试、偏载测试） / verification result: fail (weighing test, eccentricity test)");
    }

    @Test
    void refusesToConcludeWithoutEveryReading() {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.remove("eccentricity-2");
        readings.remove("weighing-1-down");

        assertThatThrownBy(() -> plan.evaluate(new ScaleReadings(readings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no reading for weighing Min ↓ (weighing-1-down)")
                .hasMessageContaining("no reading for eccentricity position 2 (eccentricity-2)");
    }

    @Test
    void refusesReadingsOfTheWrongKindOrForUnknownPoints() {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("discrimination-1", new ChangeoverReading(g("200"), g("5")));
        readings.put("tare-1-up", new ChangeoverReading(g("200"), g("5")));

        assertThatThrownBy(() -> plan.evaluate(new ScaleReadings(readings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readings for points not in the plan: [tare-1-up]")
                .hasMessageContaining("discrimination Min (discrimination-1) needs a discrimination reading");
    }

    @ParameterizedTest(name = "{0} weighings recorded")
    @CsvSource({"3", "9"})
    void refusesARepeatabilitySeriesWithTooFewWeighings(int recorded) {
        var plan = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539());
        Map<String, PointReading> readings = errorFreeReadings(plan);
        readings.put("repeatability-2", ScaleFixtures.seriesWithLast(recorded, g("30000"), g("5"),
                new ChangeoverReading(g("30000"), g("5"))));

        assertThatThrownBy(() -> plan.evaluate(new ScaleReadings(readings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeatability Max (repeatability-2) needs 10 weighings, " + recorded
                        + " recorded");
    }

    @Test
    void refusesAPointRecordedTwice() {
        var builder = ScaleReadings.builder().changeover("zero", g("100"), g("5"));

        assertThatThrownBy(() -> builder.changeover("zero", g("100"), g("4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Point zero is already recorded");
    }

    @ParameterizedTest(name = "{0} without readings")
    @EnumSource(VerificationType.class)
    void errorFreeReadingsPassEveryVerificationType(VerificationType type) {
        var plan = demoPlanWithTare(type);

        ScaleVerificationResult result = plan.evaluate(new ScaleReadings(errorFreeReadings(plan)));

        assertThat(result.passed()).isTrue();
        assertThat(result.plan().verificationType()).isEqualTo(type);
    }

    private static String signed(String mass) {
        return mass.startsWith("-") ? mass : "+" + mass;
    }

    private static PointResult pointResult(ScaleVerificationResult result, String id) {
        return result.tests().stream().flatMap(t -> t.points().stream())
                .filter(p -> p.point().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Parses a bench record: see {@link #DEMO_BENCH_RECORD}. */
    private static ScaleReadings bench(String record) {
        Map<String, PointReading> readings = new LinkedHashMap<>();
        for (String line : record.strip().split("\n")) {
            List<String> words = Arrays.asList(line.strip().split("\\s+"));
            String id = words.get(0);
            List<String> values = words.subList(1, words.size());
            PointReading reading;
            if (id.startsWith("repeatability")) {
                List<ChangeoverReading> weighings = new ArrayList<>();
                for (String pair : values) {
                    String[] parts = pair.split("/");
                    weighings.add(new ChangeoverReading(g(parts[0]), g(parts[1])));
                }
                reading = new SeriesReading(weighings);
            } else if (id.startsWith("discrimination")) {
                reading = new DiscriminationReading(g(values.get(0)), g(values.get(1)));
            } else {
                reading = new ChangeoverReading(g(values.get(0)), g(values.get(1)));
            }
            readings.put(id, reading);
        }
        return new ScaleReadings(readings);
    }
}
