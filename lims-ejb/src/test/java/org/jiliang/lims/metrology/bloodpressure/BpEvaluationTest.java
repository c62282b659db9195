package org.jiliang.lims.metrology.bloodpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.JJG_270;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.JJG_692;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.q;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jiliang.lims.metrology.Verdict;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Judging the readings: exactly at a bound passes and just beyond fails (mpe.csv: both bounds inclusive; simple
 * acceptance), for every indication limit of JJG 692-2010 and JJG 270-2008 in the data, the zero, sensitivity,
 * leakage and exhaust limits; mmHg and kPa mixed exactly; bad input refused.
 */
class BpEvaluationTest {

    private static final BigDecimal JUST = new BigDecimal("0.001");

    /** Every indication limit line of the two regulations in force, for each verification type it names. */
    static Stream<Arguments> indicationLimits() {
        List<Arguments> cases = new ArrayList<>();
        for (BpEdition edition : List.of(JJG_692, JJG_270)) {
            for (BpLimit limit : edition.limits()) {
                if (limit.test() != BpTest.CUFF_PRESSURE_INDICATION) {
                    continue;
                }
                for (VerificationType type : limit.verificationTypes()) {
                    String name = "[" + limit.tag() + (limit.tag().confirmed() ? "" : " remembered") + "] "
                            + edition + " " + limit.meterType() + " " + type + " " + limit.describe();
                    cases.add(Arguments.of(name, edition, limit, type));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicationLimits")
    void anIndicationErrorAtTheMpePassesAndJustBeyondItFails(String name, BpEdition edition, BpLimit limit,
            VerificationType type) {
        String unit = limit.unit().symbol();
        BpMeter meter = new BpMeter(limit.meterType(), q("0 " + unit),
                q((unit.equals("kPa") ? "40 " : "300 ") + unit), q((unit.equals("kPa") ? "0.5 " : "2 ") + unit));
        BpTestPlan plan = BpTestPlan.generate(meter, type, edition);
        BpPoint point = plan.points(BpTest.CUFF_PRESSURE_INDICATION).get(0);
        assertThat(point.limit()).isEqualTo(limit);

        assertThat(errorOf(plan, point, limit.upper())).isEqualTo(Verdict.PASS);
        assertThat(errorOf(plan, point, limit.upper().add(JUST))).isEqualTo(Verdict.FAIL);
        assertThat(errorOf(plan, point, limit.lower())).isEqualTo(Verdict.PASS);
        assertThat(errorOf(plan, point, limit.lower().subtract(JUST))).isEqualTo(Verdict.FAIL);
    }

    private static Verdict errorOf(BpTestPlan plan, BpPoint point, BigDecimal error) {
        Quantity indication = new Quantity(point.nominal().value().add(error), point.nominal().unit());
        BpPointResult result = plan.evaluatePoint(point.id(), new BpReading.Indication(point.nominal(), indication));
        assertThat(result.value().value()).isEqualByComparingTo(error);
        return result.verdict();
    }

    @ParameterizedTest(name = "[V JJG 270 3.1.1] mercury zero {0}: {1}")
    @CsvSource({
            "-0.2 kPa, PASS", "-0.201 kPa, FAIL", "0.5 kPa, PASS", "0.501 kPa, FAIL",
            "-1.5 mmHg, PASS", "-1.501 mmHg, FAIL", "3.75 mmHg, PASS", "3.751 mmHg, FAIL"
    })
    void theMercuryZeroErrorIsJudgedAgainstItsAsymmetricLimitBoundsIncluded(String indication, Verdict verdict) {
        assertThat(mercuryIn(q(indication)).evaluatePoint("zero", new BpReading.Zero(q(indication))).verdict())
                .isEqualTo(verdict);
    }

    @ParameterizedTest(name = "[V JJG 270 3.2] mercury sensitivity, rebound {0}: {1}")
    @CsvSource({"0.3 kPa, PASS", "0.299 kPa, FAIL", "2.25 mmHg, PASS", "2.249 mmHg, FAIL"})
    void theMercurySensitivityNeedsAtLeastItsRebound(String rebound, Verdict verdict) {
        assertThat(mercuryIn(q(rebound)).evaluatePoint("sensitivity", new BpReading.Sensitivity(q(rebound))).verdict())
                .isEqualTo(verdict);
    }

    private static BpTestPlan mercuryIn(Quantity unitOf) {
        boolean kpa = unitOf.unit().symbol().equals("kPa");
        return BpFixtures.plan(kpa ? BpFixtures.mercuryKpa()
                : new BpMeter(MeterType.MERCURY, q("0 mmHg"), q("300 mmHg"), q("2 mmHg")), VerificationType.INITIAL);
    }

    @ParameterizedTest(name = "[M limit] air leakage of a {0}: {1} → {2} in {3}: {4}")
    @CsvSource({
            // automated, ≤ 6 mmHg/min
            "AUTOMATED, 250 mmHg, 244 mmHg, 1 min, PASS",
            "AUTOMATED, 250 mmHg, 243.999 mmHg, 1 min, FAIL",
            "AUTOMATED, 250 mmHg, 247 mmHg, 30 s, PASS",
            "AUTOMATED, 250 mmHg, 247 mmHg, 29.999 s, FAIL",
            // the standard read in kPa: 0.8 kPa in 1 min is 6.0005 mmHg/min
            "AUTOMATED, 33.3 kPa, 32.5 kPa, 1 min, FAIL",
            // aneroid, ≤ 0.5 kPa/min in the data only: 3.75 mmHg is 0.49996 kPa
            "ANEROID, 286 mmHg, 282.25 mmHg, 1 min, PASS",
            "ANEROID, 286 mmHg, 282.249 mmHg, 1 min, FAIL",
            "ANEROID, 38 kPa, 35.5 kPa, 5 min, PASS",
            "ANEROID, 38 kPa, 35.499 kPa, 5 min, FAIL"
    })
    void theLeakageRateIsJudgedExactlyWhateverTheUnits(MeterType type, String start, String end, String elapsed,
            Verdict verdict) {
        BpMeter meter = type == MeterType.AUTOMATED ? BpFixtures.automatedMmhg() : BpFixtures.aneroidMmhg();
        BpPointResult result = BpFixtures.plan(meter, VerificationType.SUBSEQUENT)
                .evaluatePoint("air-leakage", new BpReading.Leakage(q(start), q(end), q(elapsed)));

        assertThat(result.verdict()).isEqualTo(verdict);
    }

    @Test
    void theLeakageIsStatedAsARateInTheUnitOfTheLimit() {
        BpPointResult result = BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL)
                .evaluatePoint("air-leakage", new BpReading.Leakage(q("250 mmHg"), q("235 mmHg"), q("2 min")));

        assertThat(result.value()).isEqualTo(new BpValue(new BigDecimal("7.5"), "mmHg/min"));
        assertThat(result.reason().zh()).isEqualTo("气密性：7.5 mmHg/min，不符合 ≤ 6 mmHg/min");
        assertThat(result.reason().en()).isEqualTo("air leakage: 7.5 mmHg/min does not meet ≤ 6 mmHg/min");
    }

    @ParameterizedTest(name = "[M limit] rapid exhaust in {0}: {1}")
    @CsvSource({"10 s, PASS", "10.001 s, FAIL", "10000 ms, PASS", "10001 ms, FAIL", "0.1 min, PASS", "0.17 min, FAIL"})
    void theExhaustTimeIsJudgedAgainstItsLimitBoundIncluded(String time, Verdict verdict) {
        assertThat(BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL)
                .evaluatePoint("rapid-exhaust", new BpReading.Exhaust(q(time))).verdict()).isEqualTo(verdict);
    }

    @Test
    void aReferenceReadInKpaIsConvertedExactlyForAMeterThatIndicatesMmhg() {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL);

        // 13.332 238 741 5 kPa is exactly 100 mmHg: E = +3 mmHg, at the MPE, passes
        BpPointResult atMpe = plan.evaluatePoint("indication-100-up",
                new BpReading.Indication(q("13.3322387415 kPa"), q("103 mmHg")));
        assertThat(atMpe.value()).isEqualTo(new BpValue(new BigDecimal("3"), "mmHg"));
        assertThat(atMpe.verdict()).isEqualTo(Verdict.PASS);
        assertThat(atMpe.reason().en()).isEqualTo("indication error 100 mmHg ↑: E = +3 mmHg within MPE ±3 mmHg");
        assertThat(atMpe.reason().zh()).isEqualTo("示值误差 100 mmHg ↑：E = +3 mmHg，在 MPE ±3 mmHg 以内");

        // 0.000 000 1 Pa more is 0.000 000 000 75 mmHg beyond the MPE: still a failure, judged in exact Pa
        BpPointResult beyond = plan.evaluatePoint("indication-100-up",
                new BpReading.Indication(q("13.3322387416 kPa"), q("97 mmHg")));
        assertThat(beyond.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(beyond.reason().en()).startsWith("indication error 100 mmHg ↑: E = -3.00000000075")
                .endsWith(" mmHg exceeds MPE ±3 mmHg");
    }

    @Test
    void aReferenceReadInMmhgIsConvertedExactlyForAMeterThatIndicatesKpa() {
        BpMeter meter = new BpMeter(MeterType.AUTOMATED, q("0 kPa"), q("40 kPa"), q("0.1 kPa"));
        BpPointResult result = BpFixtures.plan(meter, VerificationType.INITIAL).evaluatePoint("indication-13.3-up",
                new BpReading.Indication(q("100 mmHg"), q("13.7 kPa")));

        // 100 mmHg = 13.332 238 741 5 kPa exactly
        assertThat(result.value()).isEqualTo(new BpValue(new BigDecimal("0.3677612585"), "kPa"));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest(name = "{0} {1}: all pass")
    @MethodSource("meters")
    void aMeterWithoutErrorPassesWithTheConclusionOfTheRecord(BpMeter meter, VerificationType type) {
        BpTestPlan plan = BpFixtures.plan(meter, type);

        BpVerificationResult result = plan.evaluate(BpFixtures.perfectReadings(plan));

        assertThat(result.passed()).isTrue();
        assertThat(result.tests()).extracting(BpTestResult::test).containsExactlyElementsOf(plan.tests());
        assertThat(result.nonConformityReasons()).isEmpty();
        assertThat(result.conclusion().toString()).isEqualTo("检定结论：合格 / verification result: pass");
    }

    static Stream<Arguments> meters() {
        List<Arguments> cases = new ArrayList<>();
        for (BpMeter meter : List.of(BpFixtures.automatedMmhg(), BpFixtures.mercuryKpa(), BpFixtures.aneroidMmhg())) {
            for (VerificationType type : VerificationType.values()) {
                cases.add(Arguments.of(meter, type));
            }
        }
        return cases.stream();
    }

    @Test
    void aFailingMeterGetsTheReasonsOfEachFailedTestInBothLanguages() {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.aneroidMmhg(), VerificationType.INITIAL);
        Map<String, BpReading> readings = new LinkedHashMap<>(BpFixtures.perfectReadings(plan));
        readings.put("indication-150-down", new BpReading.Indication(q("150 mmHg"), q("154 mmHg")));
        readings.put("zero", new BpReading.Visual(false, "pointer 2 mmHg above zero"));
        readings.put("air-leakage", new BpReading.Leakage(q("38 kPa"), q("37 kPa"), q("1 min")));

        BpVerificationResult result = plan.evaluate(readings);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.conclusion().zh()).isEqualTo("检定结论：不合格（零位误差、示值误差、气密性）");
        assertThat(result.conclusion().en())
                .isEqualTo("verification result: fail (zero error, indication error, air leakage)");
        assertThat(result.nonConformityReasons()).extracting(Object::toString).containsExactly(
                "零位：不符合（pointer inside the zero mark）: pointer 2 mmHg above zero / zero: does not conform "
                        + "(pointer inside the zero mark): pointer 2 mmHg above zero",
                "示值误差 150 mmHg ↓：E = +4 mmHg，超出 MPE ±3 mmHg / indication error 150 mmHg ↓: E = +4 mmHg exceeds "
                        + "MPE ±3 mmHg",
                "气密性：1 kPa/min，不符合 ≤ 0.5 kPa/min / air leakage: 1 kPa/min does not meet ≤ 0.5 kPa/min");
        assertThat(result.test(BpTest.CUFF_PRESSURE_INDICATION).points()).filteredOn(p -> !p.passed()).hasSize(1);
    }

    @ParameterizedTest(name = "refused: {0}")
    @MethodSource("badReadings")
    void badInputIsRefusedWithAClearMessageAndNothingIsJudged(String what, String pointId, BpReading reading,
            String key, String english) {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL);

        assertThatThrownBy(() -> plan.evaluatePoint(pointId, reading))
                .isInstanceOfSatisfying(BpInputRefused.class, ex -> assertThat(ex.key()).isEqualTo(key))
                .hasMessage(english);
    }

    static Stream<Arguments> badReadings() {
        String at100 = "示值误差 100 mmHg ↑ / indication error 100 mmHg ↑";
        return Stream.of(
                Arguments.of("an indication in kPa on a mmHg meter", "indication-100-up",
                        new BpReading.Indication(q("100 mmHg"), q("13.3 kPa")), "error.bp.indicationUnit",
                        at100 + ": the meter indicates in mmHg, but the value entered is 13.3 kPa. Enter what the "
                                + "meter shows, in mmHg."),
                Arguments.of("a reference that is not a pressure", "indication-100-up",
                        new BpReading.Indication(q("100 V"), q("100 mmHg")), "error.bp.notPressure",
                        at100 + ": 100 V is not a pressure."),
                Arguments.of("a reference above the range of the meter", "indication-100-up",
                        new BpReading.Indication(q("310 mmHg"), q("300 mmHg")), "error.bp.outsideRange",
                        at100 + ": 310 mmHg lies outside the range 0 mmHg … 300 mmHg of the meter under test."),
                Arguments.of("an indication below the range of the meter", "indication-100-up",
                        new BpReading.Indication(q("0 mmHg"), q("-2 mmHg")), "error.bp.outsideRange",
                        at100 + ": -2 mmHg lies outside the range 0 mmHg … 300 mmHg of the meter under test."),
                Arguments.of("a negative exhaust time", "rapid-exhaust", new BpReading.Exhaust(q("-3 s")),
                        "error.bp.timeNotPositive",
                        "快速排气 / rapid exhaust: a time must be greater than zero; -3 s was entered."),
                Arguments.of("a zero leakage time", "air-leakage",
                        new BpReading.Leakage(q("250 mmHg"), q("249 mmHg"), q("0 min")), "error.bp.timeNotPositive",
                        "气密性 / air leakage: a time must be greater than zero; 0 min was entered."),
                Arguments.of("a time in mmHg", "rapid-exhaust", new BpReading.Exhaust(q("8 mmHg")), "error.bp.notTime",
                        "快速排气 / rapid exhaust: 8 mmHg is not a time."),
                Arguments.of("a pressure that rose in the closed system", "air-leakage",
                        new BpReading.Leakage(q("240 mmHg"), q("250 mmHg"), q("1 min")), "error.bp.pressureRose",
                        "气密性 / air leakage: the end pressure 250 mmHg is above the start pressure 240 mmHg; the "
                                + "pressure of a closed system does not rise. Check the values entered."),
                Arguments.of("a time where a pressure pair is due", "indication-100-up",
                        new BpReading.Exhaust(q("5 s")), "error.bp.wrongReading",
                        at100 + ": this point records 标准器压力和血压计示值 / the reference pressure and the "
                                + "indication of the meter."),
                Arguments.of("a point the plan does not have", "indication-110-up",
                        new BpReading.Indication(q("110 mmHg"), q("110 mmHg")), "error.bp.unknownPoint",
                        "The test plan has no point indication-110-up."));
    }

    @Test
    void aNegativeReboundIsRefused() {
        assertThatThrownBy(() -> BpFixtures.plan(BpFixtures.mercuryKpa(), VerificationType.INITIAL)
                .evaluatePoint("sensitivity", new BpReading.Sensitivity(q("-0.4 kPa"))))
                .isInstanceOfSatisfying(BpInputRefused.class,
                        ex -> assertThat(ex.key()).isEqualTo("error.bp.negativeRebound"));
    }

    @Test
    void readingsMustCoverThePlanAndNameOnlyItsPoints() {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL);
        Map<String, BpReading> readings = new LinkedHashMap<>(BpFixtures.perfectReadings(plan));
        readings.remove("rapid-exhaust");

        assertThatThrownBy(() -> plan.evaluate(readings))
                .isInstanceOfSatisfying(BpInputRefused.class, ex -> assertThat(ex.key()).isEqualTo("error.bp.missingReadings"))
                .hasMessage("No readings yet for these points of the plan: 快速排气 / rapid exhaust.");

        readings.put("rapid-exhaust", new BpReading.Exhaust(q("5 s")));
        readings.put("zero", new BpReading.Zero(q("0 mmHg")));
        assertThatThrownBy(() -> plan.evaluate(readings)).hasMessage("The test plan has no point zero.");
    }
}
