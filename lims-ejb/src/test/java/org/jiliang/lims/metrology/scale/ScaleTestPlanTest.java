package org.jiliang.lims.metrology.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.classIII;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.demoScale;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.g;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.jjg539;
import static org.jiliang.lims.metrology.scale.ScaleFixtures.oimlR76;

import java.util.List;
import java.util.stream.IntStream;
import org.jiliang.lims.metrology.AccuracyClass;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.VerificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleTestPlanTest {

    private static ScaleTestPlan demoPlan(VerificationType type) {
        return ScaleTestPlan.generate(demoScale(), type, jjg539());
    }

    @ParameterizedTest(name = "demo scale {0} ({1}): {2}, initial ±{3}, in service ±{4}")
    @CsvSource(delimiter = '|', textBlock = """
            weighing-1-up   | weighing Min ↑      | 200 g   | 5 g  | 10 g
            weighing-2-up   | weighing 500 e ↑    | 5000 g  | 5 g  | 10 g
            weighing-3-up   | weighing 12 500 g ↑ | 12500 g | 10 g | 20 g
            weighing-4-up   | weighing 2 000 e ↑  | 20000 g | 10 g | 20 g
            weighing-5-up   | weighing Max ↑      | 30000 g | 15 g | 30 g
            weighing-5-down | weighing Max ↓      | 30000 g | 15 g | 30 g
            weighing-4-down | weighing 2 000 e ↓  | 20000 g | 10 g | 20 g
            weighing-3-down | weighing 12 500 g ↓ | 12500 g | 10 g | 20 g
            weighing-2-down | weighing 500 e ↓    | 5000 g  | 5 g  | 10 g
            weighing-1-down | weighing Min ↓      | 200 g   | 5 g  | 10 g
            """)
    void demoScaleWeighingTestHasMinTheMpeChangesAndMaxBothWays(String id, String labelEn, String load,
            String initial, String inService) {
        TestPoint initialPoint = demoPlan(VerificationType.INITIAL).point(id);
        TestPoint inServicePoint = demoPlan(VerificationType.IN_SERVICE).point(id);

        assertThat(initialPoint.label().en()).isEqualTo(labelEn);
        assertThat(initialPoint.load()).isEqualTo(Mass.parse(load));
        assertThat(initialPoint.mpe()).isEqualTo(Mass.parse(initial));
        assertThat(demoPlan(VerificationType.SUBSEQUENT).point(id).mpe()).isEqualTo(Mass.parse(initial));
        assertThat(inServicePoint.mpe()).isEqualTo(Mass.parse(inService));
    }

    @Test
    void weighingTestRunsUpToMaxThenBackDown() {
        assertThat(demoPlan(VerificationType.INITIAL).points(ScaleTest.WEIGHING))
                .extracting(p -> p.label().zh())
                .containsExactly("称量 Min ↑", "称量 500 e ↑", "称量 12 500 g ↑", "称量 2 000 e ↑", "称量 Max ↑",
                        "称量 Max ↓", "称量 2 000 e ↓", "称量 12 500 g ↓", "称量 500 e ↓", "称量 Min ↓");
        assertThat(demoPlan(VerificationType.INITIAL).points(ScaleTest.WEIGHING))
                .extracting(TestPoint::direction)
                .containsExactly(LoadDirection.INCREASING, LoadDirection.INCREASING, LoadDirection.INCREASING,
                        LoadDirection.INCREASING, LoadDirection.INCREASING, LoadDirection.DECREASING,
                        LoadDirection.DECREASING, LoadDirection.DECREASING, LoadDirection.DECREASING,
                        LoadDirection.DECREASING);
    }

    @ParameterizedTest(name = "class {0}, Max {1}, e = {2}: loads {3}")
    @CsvSource(delimiter = '|', textBlock = """
            III | 15 kg | 5 g   | 100 g 2500 g 6250 g 10000 g 15000 g  | 2.5 g 2.5 g 5 g 5 g 7.5 g
            III | 6 kg  | 5 g   | 100 g 1300 g 2500 g 4250 g 6000 g    | 2.5 g 2.5 g 2.5 g 5 g 5 g
            II  | 2 kg  | 0.1 g | 5 g 50 g 200 g 500 g 2000 g          | 0.05 g 0.05 g 0.05 g 0.05 g 0.1 g
            III | 30 kg | 10 g  | 200 g 5000 g 12500 g 20000 g 30000 g | 5 g 5 g 10 g 10 g 15 g
            """)
    void weighingLoadsIncludeMinMpeChangesAndMaxAndFillTheWidestGapToFive(AccuracyClass cls, String max, String e,
            String loads, String mpes) {
        var parameters = new ScaleParameters(cls, Mass.parse(max), Mass.parse(e), Mass.parse(e));
        var plan = ScaleTestPlan.generate(ScaleUnderTest.of(parameters, 4, true), VerificationType.INITIAL, oimlR76());

        List<TestPoint> increasing = plan.points(ScaleTest.WEIGHING).stream()
                .filter(p -> p.direction() == LoadDirection.INCREASING).toList();

        assertThat(increasing).extracting(TestPoint::load).containsExactlyElementsOf(masses(loads));
        assertThat(increasing).extracting(TestPoint::mpe).containsExactlyElementsOf(masses(mpes));
    }

    @Test
    void leavesOut2000eWhenItIsAboveMax() {
        var plan = ScaleTestPlan.generate(ScaleUnderTest.of(classIII("6 kg", "5 g"), 4, true),
                VerificationType.INITIAL, jjg539());

        assertThat(plan.points(ScaleTest.WEIGHING)).extracting(p -> p.label().en())
                .contains("weighing 500 e ↑")
                .noneMatch(label -> label.contains("2 000 e"));
    }

    @Test
    void markedMinAboveTheClassLimitIsTheFirstLoad() {
        var plan = ScaleTestPlan.generate(demoScale().withMin(g("400")), VerificationType.INITIAL, jjg539());

        assertThat(plan.point("weighing-1-up").load()).isEqualTo(g("400"));
        assertThat(plan.point("weighing-1-up").label().en()).isEqualTo("weighing Min ↑");
    }

    @ParameterizedTest(name = "zero-tracking {0}: E0 found at {1}, limit ±{2}")
    @CsvSource({"true, 100 g, 2.5 g", "false, 0 g, 2.5 g"})
    void zeroSettingPointIsAt10eWithZeroTrackingElseAtZero(boolean zeroTracking, String load, String limit) {
        var instrument = ScaleUnderTest.of(classIII("30 kg", "10 g"), 4, zeroTracking);
        TestPoint zero = ScaleTestPlan.generate(instrument, VerificationType.IN_SERVICE, jjg539()).point("zero");

        assertThat(zero.test()).isEqualTo(ScaleTest.ZERO_SETTING);
        assertThat(zero.load()).isEqualTo(Mass.parse(load));
        assertThat(zero.mpe()).isEqualTo(Mass.parse(limit));
        assertThat(zero.label()).hasToString("置零 / zero-setting");
    }

    @ParameterizedTest(name = "Max {0}, e = {1}, {2} supports, additive tare {3}: {4} on {5} positions, MPE ±{6}")
    @CsvSource({
            // up to 4 supports: (Max + T)/3 on each quarter segment
            "30 kg,  10 g, 4, 0 g,    10000 g, 4, 10 g",
            "30 kg,  10 g, 3, 0 g,    10000 g, 4, 10 g",
            "30 kg,  10 g, 1, 0 g,    10000 g, 4, 10 g",
            "30 kg,  10 g, 4, 6 kg,   12000 g, 4, 10 g",
            "15 kg,  5 g,  4, 0 g,    5000 g,  4, 5 g",
            // (Max + T)/3 = 33 333.3 g is rounded down to a multiple of e
            "100 kg, 20 g, 4, 0 g,    33320 g, 4, 20 g",
            // more than 4 supports: (Max + T)/(n - 1) over each support
            "30 kg,  10 g, 5, 0 g,    7500 g,  5, 10 g",
            "30 kg,  10 g, 6, 0 g,    6000 g,  6, 10 g",
            "30 kg,  10 g, 6, 6 kg,   7200 g,  6, 10 g",
            "3000 kg, 1 kg, 8, 0 g,   428 kg,  8, 0.5 kg"
    })
    void eccentricityLoadFollowsTheNumberOfSupports(String max, String e, int supports, String additiveTare,
            String load, int positions, String mpe) {
        var parameters = classIII(max, e);
        var instrument = ScaleUnderTest.of(parameters, supports, true).withAdditiveTare(Mass.parse(additiveTare));
        List<TestPoint> points = ScaleTestPlan.generate(instrument, VerificationType.INITIAL, jjg539())
                .points(ScaleTest.ECCENTRICITY);

        assertThat(points).hasSize(positions);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.load()).isEqualTo(Mass.parse(load));
            assertThat(p.mpe()).isEqualTo(Mass.parse(mpe));
        });
        assertThat(points.get(positions - 1).label())
                .hasToString("偏载 位置 " + positions + " / eccentricity position " + positions);
        assertThat(points.get(positions - 1).id()).isEqualTo("eccentricity-" + positions);
    }

    @ParameterizedTest(name = "Max {0}, e = {1}: series at {2} (±{3}) and {4} (±{5}), {6} weighings each")
    @CsvSource({
            "30 kg,   10 g,   15000 g,  10 g,   30000 g,  15 g,   10",
            "15 kg,   5 g,    7500 g,   5 g,    15000 g,  7.5 g,  10",
            // 10 weighings while Max < 1 000 kg, 3 from 1 000 kg on
            "990 kg,  0.5 kg, 495 kg,   0.5 kg, 990 kg,   0.5 kg, 10",
            "1000 kg, 0.5 kg, 500 kg,   0.5 kg, 1000 kg,  0.5 kg, 3",
            "3000 kg, 1 kg,   1500 kg,  1 kg,   3000 kg,  1.5 kg, 3"
    })
    void repeatabilitySeriesAtHalfAndFullMaxWithTenWeighingsBelow1000kg(String max, String e, String halfLoad,
            String halfMpe, String fullLoad, String fullMpe, int weighings) {
        var instrument = ScaleUnderTest.of(classIII(max, e), 4, true);
        List<TestPoint> series = ScaleTestPlan.generate(instrument, VerificationType.INITIAL, jjg539())
                .points(ScaleTest.REPEATABILITY);

        assertThat(series).extracting(TestPoint::load).containsExactly(Mass.parse(halfLoad), Mass.parse(fullLoad));
        assertThat(series).extracting(TestPoint::mpe).containsExactly(Mass.parse(halfMpe), Mass.parse(fullMpe));
        assertThat(series).extracting(TestPoint::weighings).containsExactly(weighings, weighings);
        assertThat(series).extracting(p -> p.label().en())
                .containsExactly("repeatability 50 % Max", "repeatability Max");
    }

    @Test
    void discriminationAddsOnePointFourDAtMinHalfMaxAndMax() {
        List<TestPoint> points = demoPlan(VerificationType.INITIAL).points(ScaleTest.DISCRIMINATION);

        assertThat(points).extracting(TestPoint::load).containsExactly(g("200"), g("15000"), g("30000"));
        assertThat(points).extracting(TestPoint::extraLoad).containsOnly(g("14"));
        assertThat(points).extracting(p -> p.label().zh())
                .containsExactly("鉴别力 Min", "鉴别力 50 % Max", "鉴别力 Max");
    }

    @Test
    void tareTestOnlyWithATareDevice() {
        assertThat(demoPlan(VerificationType.INITIAL).tests()).containsExactly(ScaleTest.ZERO_SETTING,
                ScaleTest.WEIGHING, ScaleTest.ECCENTRICITY, ScaleTest.REPEATABILITY, ScaleTest.DISCRIMINATION);

        var withTare = ScaleTestPlan.generate(demoScale().withTare(g("30000")), VerificationType.INITIAL, jjg539());
        assertThat(withTare.tests()).containsExactly(ScaleTest.values());
    }

    @ParameterizedTest(name = "tare 15 000 g, {0}: net {1}, MPE on the net load ±{2}")
    @CsvSource(delimiter = '|', textBlock = """
            tare-1-up   | 200 g   | 5 g  | tare Min ↑
            tare-2-up   | 5000 g  | 5 g  | tare 500 e ↑
            tare-3-up   | 7500 g  | 10 g | tare 7 500 g ↑
            tare-4-up   | 10000 g | 10 g | tare 10 000 g ↑
            tare-5-up   | 15000 g | 10 g | tare Max − T ↑
            tare-5-down | 15000 g | 10 g | tare Max − T ↓
            tare-1-down | 200 g   | 5 g  | tare Min ↓
            """)
    void tareTestAppliesTheMpeToTheNetLoad(String id, String net, String mpe, String label) {
        var plan = ScaleTestPlan.generate(demoScale().withTare(g("30000")), VerificationType.INITIAL, jjg539());
        TestPoint point = plan.point(id);

        assertThat(point.tare()).isEqualTo(g("15000"));
        assertThat(point.load()).isEqualTo(Mass.parse(net));
        assertThat(point.totalLoad()).isEqualTo(g("15000").plus(Mass.parse(net)));
        assertThat(point.mpe()).isEqualTo(Mass.parse(mpe));
        assertThat(point.label().en()).isEqualTo(label);
        assertThat(plan.points(ScaleTest.TARE)).hasSize(10);
    }

    @ParameterizedTest(name = "{0}: every MPE of the plan doubles in service")
    @EnumSource(value = ScaleTest.class, names = {"WEIGHING", "ECCENTRICITY", "REPEATABILITY", "TARE"})
    void inServiceDoublesEveryMpe(ScaleTest test) {
        var initial = ScaleTestPlan.generate(demoScale().withTare(g("30000")), VerificationType.INITIAL, jjg539());
        var inService = ScaleTestPlan.generate(demoScale().withTare(g("30000")), VerificationType.IN_SERVICE,
                jjg539());

        List<TestPoint> initialPoints = initial.points(test);
        List<TestPoint> inServicePoints = inService.points(test);
        assertThat(inServicePoints).hasSameSizeAs(initialPoints);
        for (int i = 0; i < initialPoints.size(); i++) {
            assertThat(inServicePoints.get(i).load()).isEqualTo(initialPoints.get(i).load());
            Mass initialMpe = initialPoints.get(i).mpe();
            assertThat(inServicePoints.get(i).mpe()).isEqualTo(initialMpe.plus(initialMpe));
        }
    }

    @Test
    void pointIdsAreUniqueAndStable() {
        var plan = ScaleTestPlan.generate(demoScale().withTare(g("30000")), VerificationType.INITIAL, jjg539());

        assertThat(plan.points()).extracting(TestPoint::id).doesNotHaveDuplicates().hasSize(1 + 10 + 4 + 2 + 3 + 10);
        assertThat(plan.points()).extracting(TestPoint::id).startsWith("zero", "weighing-1-up", "weighing-2-up");
        assertThatThrownBy(() -> plan.point("weighing-9-up"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The plan has no point \"weighing-9-up\"");
    }

    @Test
    void recordsTheEditionVerificationTypeAndMpeSource() {
        var plan = demoPlan(VerificationType.IN_SERVICE);

        assertThat(plan.edition().edition()).isEqualTo("JJG 539-2016");
        assertThat(plan.verificationType()).isEqualTo(VerificationType.IN_SERVICE);
        assertThat(plan.mpeSource()).contains("OIML R 76-1:2006 Table 6");
    }

    @Test
    void bothEditionsCurrentlyGiveTheSamePlan() {
        var fromJjg = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, jjg539()).points();
        var fromOiml = ScaleTestPlan.generate(demoScale(), VerificationType.INITIAL, oimlR76()).points();

        assertThat(fromJjg).isEqualTo(fromOiml);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
            "ZERO_SETTING,   置零准确度,   zero-setting",
            "WEIGHING,       称量测试,     weighing test",
            "ECCENTRICITY,   偏载测试,     eccentricity test",
            "REPEATABILITY,  重复性测试,   repeatability test",
            "DISCRIMINATION, 鉴别力测试,   discrimination test",
            "TARE,           除皮称量测试, weighing test with tare"
    })
    void testsCarryBilingualTitles(ScaleTest test, String zh, String en) {
        assertThat(test.title()).isEqualTo(new BilingualText(zh, en));
    }

    private static List<Mass> masses(String text) {
        String[] words = text.strip().split("\\s+");
        return IntStream.range(0, words.length / 2)
                .mapToObj(i -> Mass.parse(words[2 * i] + " " + words[2 * i + 1]))
                .toList();
    }
}
