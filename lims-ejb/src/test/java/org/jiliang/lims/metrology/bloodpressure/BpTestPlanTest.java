package org.jiliang.lims.metrology.bloodpressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.CATALOG;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.JJG_270;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.JJG_692;
import static org.jiliang.lims.metrology.bloodpressure.BpFixtures.q;

import java.util.Arrays;
import java.util.List;
import org.jiliang.lims.metrology.VerificationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The points of the plan for each kind of meter, against test-points.csv and mpe.csv. The indication points and
 * every indication MPE, leakage and exhaust limit are [M] in the data (remembered, not read in JJG 692-2010 /
 * JJG 270-2008); the display names say so.
 */
class BpTestPlanTest {

    @ParameterizedTest(name = "[M points and limits] {0} {1} … {2}, division {3}: {5}")
    @CsvSource(delimiter = ';', value = {
            // automated, JJG 692: 50 … 300 mmHg every 50 mmHg, then air leakage and rapid exhaust
            "AUTOMATED; 0 mmHg; 300 mmHg; 1 mmHg; INITIAL; indication-50-up indication-100-up indication-150-up "
                    + "indication-200-up indication-250-up indication-300-up air-leakage rapid-exhaust",
            // a smaller range drops the points above it
            "AUTOMATED; 0 mmHg; 250 mmHg; 1 mmHg; SUBSEQUENT; indication-50-up indication-100-up indication-150-up "
                    + "indication-200-up indication-250-up air-leakage rapid-exhaust",
            // an automated meter showing kPa: 50 mmHg = 6.666 kPa → the nearest 0.1 kPa, and so on
            "AUTOMATED; 0 kPa; 40 kPa; 0.1 kPa; IN_SERVICE; indication-6.7-up indication-13.3-up indication-20-up "
                    + "indication-26.7-up indication-33.3-up indication-40-up air-leakage rapid-exhaust",
            // mercury, JJG 270: appearance, zero, sensitivity, 5 … 40 kPa up, air tightness
            "MERCURY; 0 kPa; 40 kPa; 0.5 kPa; INITIAL; appearance zero sensitivity indication-5-up indication-10-up "
                    + "indication-15-up indication-20-up indication-25-up indication-30-up indication-35-up "
                    + "indication-40-up air-leakage",
            // aneroid on a 2 mmHg scale: 5 kPa = 37.50 mmHg → 38 mmHg …; up, then down; the zero mark by eye
            "ANEROID; 0 mmHg; 300 mmHg; 2 mmHg; SUBSEQUENT; appearance zero indication-38-up indication-76-up "
                    + "indication-112-up indication-150-up indication-188-up indication-226-up indication-262-up "
                    + "indication-300-up indication-300-down indication-262-down indication-226-down "
                    + "indication-188-down indication-150-down indication-112-down indication-76-down "
                    + "indication-38-down air-leakage"
    })
    void thePlanHasThePointsOfTheDataForTheMeter(MeterType type, String low, String high, String division,
            VerificationType verification, String ids) {
        BpTestPlan plan = BpFixtures.plan(new BpMeter(type, q(low), q(high), q(division)), verification);

        assertThat(plan.points()).extracting(BpPoint::id).containsExactly(ids.split(" "));
    }

    @ParameterizedTest(name = "[M limits] {0} in {1}, {2}: indication MPE {3}, leakage {4}, exhaust {5}")
    @CsvSource(delimiter = ';', value = {
            "AUTOMATED; mmHg; INITIAL;    ±3 mmHg;    ≤ 6 mmHg/min;   ≤ 10 s",
            "AUTOMATED; mmHg; SUBSEQUENT; ±4 mmHg;    ≤ 6 mmHg/min;   ≤ 10 s",
            "AUTOMATED; mmHg; IN_SERVICE; ±4 mmHg;    ≤ 6 mmHg/min;   ≤ 10 s",
            "AUTOMATED; kPa;  INITIAL;    ±0.4 kPa;   ≤ 0.8 kPa/min;  ≤ 10 s",
            "AUTOMATED; kPa;  SUBSEQUENT; ±0.5 kPa;   ≤ 0.8 kPa/min;  ≤ 10 s",
            "MERCURY;   kPa;  INITIAL;    ±0.4 kPa;   ≤ 0.5 kPa/min;  -",
            "MERCURY;   mmHg; SUBSEQUENT; ±3.75 mmHg; ≤ 0.5 kPa/min;  -",
            "ANEROID;   mmHg; INITIAL;    ±3 mmHg;    ≤ 0.5 kPa/min;  -",
            "ANEROID;   kPa;  IN_SERVICE; ±0.5 kPa;   ≤ 0.5 kPa/min;  -"
    })
    void eachPointCarriesTheLimitOfTheDataInTheUnitTheMeterIndicates(MeterType type, String unit,
            VerificationType verification, String mpe, String leakage, String exhaust) {
        BpMeter meter = new BpMeter(type, q("0 " + unit), q((unit.equals("kPa") ? "40 " : "300 ") + unit),
                q((unit.equals("kPa") ? "0.5 " : "2 ") + unit));
        BpTestPlan plan = BpFixtures.plan(meter, verification);

        assertThat(plan.points(BpTest.CUFF_PRESSURE_INDICATION)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.limit().describe()).isEqualTo(mpe))
                .allSatisfy(p -> assertThat(p.remembered()).as("[M] in mpe.csv").isTrue());
        assertThat(plan.point("air-leakage").limit().describe()).isEqualTo(leakage);
        if (exhaust.equals("-")) {
            assertThat(plan.tests()).doesNotContain(BpTest.RAPID_EXHAUST);
        } else {
            assertThat(plan.point("rapid-exhaust").limit().describe()).isEqualTo(exhaust);
        }
    }

    @Test
    void theMercuryZeroAndSensitivityAreTheConfirmedFiguresOfJjg270() {
        BpTestPlan kpa = BpFixtures.plan(BpFixtures.mercuryKpa(), VerificationType.SUBSEQUENT);
        BpTestPlan mmhg = BpFixtures.plan(new BpMeter(MeterType.MERCURY, q("0 mmHg"), q("300 mmHg"), q("2 mmHg")),
                VerificationType.INITIAL);

        assertThat(kpa.point("zero").limit().describe()).isEqualTo("-0.2 kPa … +0.5 kPa");
        assertThat(mmhg.point("zero").limit().describe()).isEqualTo("-1.5 mmHg … +3.75 mmHg");
        assertThat(kpa.point("sensitivity").limit().describe()).isEqualTo("≥ 0.3 kPa");
        assertThat(mmhg.point("sensitivity").limit().describe()).isEqualTo("≥ 2.25 mmHg");
        assertThat(List.of(kpa.point("zero"), kpa.point("sensitivity"))).noneMatch(BpPoint::remembered);
        assertThat(kpa.point("sensitivity").procedure()).contains("38 kPa").contains("between 32 and 26 kPa");
    }

    @Test
    void theAirLeakageStartsAtThe38KpaOfJjg270OnTheMetersScale() {
        assertThat(BpFixtures.plan(BpFixtures.mercuryKpa(), VerificationType.INITIAL).point("air-leakage").nominal())
                .isEqualTo(q("38 kPa"));
        // 38 kPa = 285.02 mmHg; the nearest 2 mmHg graduation is 286 mmHg
        assertThat(BpFixtures.plan(BpFixtures.aneroidMmhg(), VerificationType.INITIAL).point("air-leakage").nominal())
                .isEqualTo(q("286 mmHg"));
        assertThat(BpFixtures.plan(BpFixtures.automatedMmhg(), VerificationType.INITIAL).point("air-leakage")
                .nominalPressure()).as("JJG 692 data name no start pressure").isEmpty();
    }

    @Test
    void theAneroidZeroAndTheAppearanceAreChecksByEyeWithTheRuleOfTheData() {
        BpTestPlan plan = BpFixtures.plan(BpFixtures.aneroidMmhg(), VerificationType.INITIAL);

        assertThat(plan.point("zero").reading()).isEqualTo(BpReading.Visual.class);
        assertThat(plan.point("zero").procedure()).isEqualTo("pointer inside the zero mark");
        assertThat(plan.point("appearance").procedure()).isEqualTo("by eye");
    }

    @Test
    void theIndicationLabelsSayThePressureAndTheDirectionInBothLanguages() {
        BpPoint down = BpFixtures.plan(BpFixtures.aneroidMmhg(), VerificationType.INITIAL).point("indication-150-down");

        assertThat(down.label().zh()).isEqualTo("示值误差 150 mmHg ↓");
        assertThat(down.label().en()).isEqualTo("indication error 150 mmHg ↓");
        assertThat(down.direction()).isEqualTo(Direction.DOWN);
    }

    @Test
    void aJobNamesTheProcedureAndGetsItsOnlyEdition() {
        assertThat(CATALOG.onlyEditionOf("JJG 692").edition()).isEqualTo("JJG 692-2010");
        assertThat(CATALOG.onlyEditionOf("JJG 270").edition()).isEqualTo("JJG 270-2008");
        assertThat(JJG_692.effectiveFrom()).as("date of effect not confirmed, not guessed").isEmpty();
        assertThatThrownBy(() -> CATALOG.onlyEditionOf("JJG 692-2010"))
                .hasMessageContaining("Unknown procedure \"JJG 692-2010\"");
    }

    @Test
    void theCatalogueHoldsEveryLineOfTheData() {
        assertThat(CATALOG.editions()).extracting(BpEdition::edition)
                .containsExactly("JJG 692-2010", "JJG 270-2008", "OIML R 16-1:2002", "OIML R 16-2:2002");
        assertThat(CATALOG.editions().stream().mapToInt(e -> e.limits().size()).sum())
                .isEqualTo(org.jiliang.lims.metrology.CsvResource.load(BpProcedureCatalog.LIMITS).rows().size());
        assertThat(JJG_270.indicationPoints(MeterType.ANEROID).orElseThrow().directions())
                .containsExactly(Direction.UP, Direction.DOWN);
        assertThat(JJG_692.unconfirmed()).anySatisfy(line -> assertThat(line)
                .startsWith("AUTOMATED cuff_pressure_indication [INITIAL] ±0.4 kPa: JJG 692-2010 static pressure MPE as remembered"));
    }

    @ParameterizedTest(name = "refused: {0}")
    @CsvSource(delimiter = '|', value = {
            "a mercury meter under JJG 692| MERCURY| 0 kPa| 40 kPa| 0.5 kPa| JJG 692-2010| error.bp.typeNotCovered| "
                    + "JJG 692-2010 does not cover the 水银血压计 / mercury sphygmomanometer.",
            "an edition without indication points| ANEROID| 0 kPa| 40 kPa| 0.5 kPa| OIML R 16-1:2002| error.bp.noPoints| "
                    + "The data of OIML R 16-1:2002 name no indication test points for the 弹性式血压表 / aneroid "
                    + "sphygmomanometer; no test plan can be made with this edition.",
            "a range below every point| AUTOMATED| 0 mmHg| 40 mmHg| 1 mmHg| JJG 692-2010| error.bp.noPointsInRange| "
                    + "No test point of JJG 692-2010 lies within the range 0 mmHg … 40 mmHg of the meter."
    })
    void aPlanThatCannotBeMadeIsRefusedWithTheReason(String what, MeterType type, String low, String high,
            String division, String edition, String key, String message) {
        BpMeter meter = new BpMeter(type, q(low), q(high), q(division));

        assertThatThrownBy(() -> BpTestPlan.generate(meter, VerificationType.INITIAL, CATALOG.edition(edition)))
                .isInstanceOfSatisfying(BpInputRefused.class, ex -> assertThat(ex.key()).isEqualTo(key))
                .hasMessage(message);
    }

    /** The OIML R 16-1 hysteresis limit with JJG 270's points: an edition the plan cannot judge completely. */
    @Test
    void anEditionNamingATestThePlanCannotJudgeIsRefusedNotHalfDone() {
        BpEdition oiml = CATALOG.edition("OIML R 16-1:2002");
        BpEdition withPoints = new BpEdition(oiml.procedure(), oiml.edition(), oiml.meterTypes(), null,
                oiml.source(), oiml.tag(), oiml.limits(),
                List.of(new IndicationPoints(oiml.edition(), MeterType.ANEROID,
                        JJG_270.indicationPoints(MeterType.ANEROID).orElseThrow().points(), q("1 kPa").unit(),
                        List.of(Direction.UP, Direction.DOWN), "test", oiml.tag())),
                oiml.parameters());

        assertThatThrownBy(() -> BpTestPlan.generate(BpFixtures.aneroidMmhg(), VerificationType.INITIAL, withPoints))
                .isInstanceOfSatisfying(BpInputRefused.class,
                        ex -> assertThat(ex.key()).isEqualTo("error.bp.testNotImplemented"))
                .hasMessageContaining("names 回程误差 / hysteresis error; 放气速率 / pressure reduction rate for the 弹性式血压表");
    }

    @ParameterizedTest(name = "meter refused: {0} … {1}, division {2}")
    @CsvSource(delimiter = ';', value = {
            "0 bar; 0.4 bar; 0.005 bar; error.bp.meterUnit",
            "0 mmHg; 40 kPa; 2 mmHg; error.bp.meterRange",
            "300 mmHg; 0 mmHg; 2 mmHg; error.bp.meterRange",
            "-10 mmHg; 300 mmHg; 2 mmHg; error.bp.meterRange",
            "0 mmHg; 300 mmHg; 0 mmHg; error.bp.meterRange"
    })
    void aMeterWithoutAValidScaleIsRefused(String low, String high, String division, String key) {
        assertThatThrownBy(() -> new BpMeter(MeterType.ANEROID, q(low), q(high), q(division)))
                .isInstanceOfSatisfying(BpInputRefused.class, ex -> assertThat(ex.key()).isEqualTo(key));
    }

    @Test
    void everyIdIsUniqueInEveryPlan() {
        for (BpMeter meter : List.of(BpFixtures.automatedMmhg(), BpFixtures.mercuryKpa(), BpFixtures.aneroidMmhg())) {
            for (VerificationType type : VerificationType.values()) {
                List<String> ids = BpFixtures.plan(meter, type).points().stream().map(BpPoint::id).toList();
                assertThat(ids).as(meter + " " + type).doesNotHaveDuplicates();
                assertThat(Arrays.asList(MeterType.values())).contains(meter.type());
            }
        }
    }
}
