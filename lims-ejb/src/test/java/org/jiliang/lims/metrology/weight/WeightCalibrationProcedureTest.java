package org.jiliang.lims.metrology.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation;
import org.jiliang.lims.metrology.decision.Decision;
import org.junit.jupiter.api.Test;

/**
 * The laboratory's weight calibration (ABBA on a comparator, JJG 99 / R 111-1 Annex C): the plan it asks the
 * technician to read and the result it computes, checked against values worked out by hand in the comments.
 */
class WeightCalibrationProcedureTest {

    private static final WeightCalibrationProcedure PROCEDURE = WeightCalibrationProcedure.standard();

    /** E2 1 kg reference: m_cr = 1000.00012 g, U = 0.50 mg (k = 2), ρ = 8000(70) kg/m³, drift within ±0.30 mg. */
    private static final WeightCalibrationProcedure.ReferenceWeight REFERENCE = new WeightCalibrationProcedure.ReferenceWeight(
            Mass.parse("1000.00012 g"), Mass.parse("0.50 mg"), new BigDecimal("2"), new BigDecimal("8000"),
            new BigDecimal("70"), new BigDecimal("1.2"), Mass.parse("0.30 mg"));

    /** 20 °C, 1013.25 hPa, 50 %RH: ρa = 1.19931 kg/m³ (CIPM-2007, metrology.md 2.4). */
    private static final WeightCalibrationProcedure.Conditions CONDITIONS = new WeightCalibrationProcedure.Conditions(
            new BigDecimal("20"), new BigDecimal("1013.25"), new BigDecimal("50"));

    @Test
    void an_f1_weight_is_read_in_three_abba_cycles_reference_first() {
        // Table C.1 asks 1 ABBA cycle for F1; the laboratory runs at least 3 so that s(ΔI) has 2 degrees of freedom
        List<WeightCalibrationProcedure.Observation> plan = PROCEDURE.plan(WeightClass.F1);

        assertThat(plan).extracting(WeightCalibrationProcedure.Observation::id).containsExactly(
                "C1-A1", "C1-B1", "C1-B2", "C1-A2", "C2-A1", "C2-B1", "C2-B2", "C2-A2",
                "C3-A1", "C3-B1", "C3-B2", "C3-A2");
        assertThat(plan.get(0).role()).isEqualTo(WeightCalibrationProcedure.Role.REFERENCE);
        assertThat(plan.get(1).role()).isEqualTo(WeightCalibrationProcedure.Role.TEST);
        assertThat(plan.get(1).label().zh()).contains("被校砝码");
        assertThat(plan.get(3).label().en()).contains("reference weight");
    }

    @Test
    void the_conventional_mass_is_the_reference_plus_the_mean_abba_difference() {
        // ΔI per cycle, in 0.1 mg: (21 − 3 − 4 + 22)/2 = 18, (23 − 4 − 3 + 22)/2 = 19, (20 − 2 − 3 + 21)/2 = 18
        // ΔĪ = 1.8333 mg; ρ_t = ρ_r = 8000 kg/m³ so C = 0: m_ct = 1000.00012 g + 1.8333 mg = 1000.0019533 g
        // u: m_cr 0.25 mg; drift 0.30/√3 = 0.1732 mg; s(ΔI) = 0.0577 mg, u_w = s/√3 = 0.0333 mg (ν = 2);
        // resolution (0.05 mg/√3)·√2 = 0.0408 mg; buoyancy ≈ 0.0042 mg → u_c = 0.3087 mg, ν_eff > 10 000,
        // k = 2.00, U = 0.617 mg → 0.62 mg; m_ct printed to the same place: 1000.00195 g
        WeightCalibration result = PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), indications(
                "1000.0003", "1000.0021", "1000.0022", "1000.0004",
                "1000.0004", "1000.0023", "1000.0022", "1000.0003",
                "1000.0002", "1000.0020", "1000.0021", "1000.0003"), REFERENCE, CONDITIONS, Mass.parse("0.0001 g"));

        assertThat(result.reportedConventionalMass()).isEqualTo(Mass.parse("1000.00195 g"));
        assertThat(result.expandedUncertainty()).isEqualTo(Mass.parse("0.00062 g"));
        assertThat(result.budget().coverageFactor()).isEqualByComparingTo("2.00");
        assertThat(result.budget().combinedStandardUncertainty().movePointRight(3).doubleValue())
                .isCloseTo(0.3087, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(result.budget().components()).extracting(c -> c.name())
                .containsExactly("m_cr", "Δm_inst", "ΔI", "δm_b", "δI_d");
        // F1 1 kg: δm = 5.0 mg, U ≤ δm/3 = 1.67 mg; |+1.95 mg| ≤ 5.0 − 0.62 mg
        assertThat(result.uncertaintyWithinLimit()).isTrue();
        assertThat(result.conformity().decision()).isEqualTo(Decision.PASS);
        assertThat(result.conforms()).isTrue();
    }

    /** The comparator's check-standard records: s_p = 0.05 mg with 20 degrees of freedom. */
    private static final PooledStandardDeviation COMPARATOR_RECORDS = new PooledStandardDeviation(
            new java.math.BigDecimal("0.05"), "mg", 20, "CMP-01 control chart");

    @Test
    void a_weight_inside_its_mpe_but_inside_the_guard_band_does_not_conform() {
        // every cycle ΔI = 4.5 mg: m_ct = 1000.00462 g, +4.62 mg > 5.0 − 0.61 mg although within ±5.0 mg
        WeightCalibration result = PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), indications(
                "1000.0000", "1000.0045", "1000.0045", "1000.0000",
                "1000.0000", "1000.0045", "1000.0045", "1000.0000",
                "1000.0000", "1000.0045", "1000.0045", "1000.0000"), REFERENCE, CONDITIONS, Mass.parse("0.0001 g"),
                COMPARATOR_RECORDS);

        assertThat(result.reportedConventionalMass()).isEqualTo(Mass.parse("1000.00462 g"));
        assertThat(result.conformity().decision()).isEqualTo(Decision.FAIL);
        assertThat(result.conforms()).isFalse();
    }

    /**
     * Issue 11: three ABBA differences that agree exactly gave u_w = 0 mg on the certificate. Without the
     * comparator's records the calibration is refused; with them, u_w = s_p/√n with ν of s_p (R 111-1 C.6.1).
     */
    @Test
    void differences_that_agree_exactly_take_the_comparators_pooled_s_or_are_refused() {
        Map<String, Mass> agreeing = indications(
                "1000.0003", "1000.0021", "1000.0021", "1000.0003",
                "1000.0003", "1000.0021", "1000.0021", "1000.0003",
                "1000.0003", "1000.0021", "1000.0021", "1000.0003");

        assertThatThrownBy(() -> PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), agreeing, REFERENCE,
                CONDITIONS, Mass.parse("0.0001 g"))).hasMessageContaining("s(ΔI) = 0").hasMessageContaining("C.6.1");

        WeightCalibration result = PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), agreeing, REFERENCE,
                CONDITIONS, Mass.parse("0.0001 g"), COMPARATOR_RECORDS);
        var weighing = result.budget().components().stream().filter(c -> c.name().equals("ΔI")).findFirst()
                .orElseThrow().quantity();
        // u_w = 0.05 mg / √3 = 0.028868 mg
        assertThat(weighing.standardUncertainty().movePointRight(3).doubleValue())
                .isCloseTo(0.028868, org.assertj.core.data.Offset.offset(0.000001));
        assertThat(weighing.degreesOfFreedom().toString()).isEqualTo("20");
        assertThat(weighing.evaluation().basis()).contains("pooled", "s_p CMP-01 control chart", "ν = 20");
    }

    @Test
    void a_series_that_scatters_more_than_the_records_keeps_its_own_s() {
        // s(ΔI) = 0.0577 mg > s_p = 0.05 mg: the larger is taken, with ν = n − 1 = 2
        Map<String, Mass> scattering = indications(
                "1000.0003", "1000.0021", "1000.0022", "1000.0004",
                "1000.0004", "1000.0023", "1000.0022", "1000.0003",
                "1000.0002", "1000.0020", "1000.0021", "1000.0003");

        assertThat(weighingLine(scattering, COMPARATOR_RECORDS).degreesOfFreedom().toString()).isEqualTo("2");
        assertThat(weighingLine(scattering, COMPARATOR_RECORDS).evaluation().basis()).doesNotContain("pooled")
                .contains("s of these readings, larger than s_p 0.00005 g of CMP-01 control chart");
        // a noisier comparator's s_p = 0.1 mg is larger than the series' own s: the record's is taken
        var noisier = weighingLine(scattering, new PooledStandardDeviation(new java.math.BigDecimal("0.0001"), "g", 20,
                "a noisier comparator"));
        assertThat(noisier.degreesOfFreedom().toString()).isEqualTo("20");
        assertThat(noisier.evaluation().basis()).contains("s_p a noisier comparator");
        assertThat(weighingLine(scattering, null).degreesOfFreedom().toString()).isEqualTo("2");
    }

    private static org.jiliang.lims.metrology.uncertainty.InputQuantity weighingLine(Map<String, Mass> indications,
            PooledStandardDeviation process) {
        return PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), indications, REFERENCE, CONDITIONS,
                Mass.parse("0.0001 g"), process).budget().components().stream().filter(c -> c.name().equals("ΔI"))
                .findFirst().orElseThrow().quantity();
    }

    @Test
    void a_missing_indication_is_named() {
        Map<String, Mass> partial = indications("1000.0003", "1000.0021", "1000.0022", "1000.0004",
                "1000.0004", "1000.0023", "1000.0022", "1000.0003",
                "1000.0002", "1000.0020", "1000.0021", "1000.0003");
        partial.remove("C2-B2");

        assertThatThrownBy(() -> PROCEDURE.calibrate(WeightClass.F1, Mass.parse("1 kg"), partial, REFERENCE,
                CONDITIONS, Mass.parse("0.0001 g"))).hasMessageContaining("C2-B2");
    }

    @Test
    void density_limits_exist_only_where_table_5_has_them() {
        assertThat(PROCEDURE.densityLimits(WeightClass.F1, Mass.parse("1 kg"))).get()
                .satisfies(l -> assertThat(l.standardUncertainty().doubleValue()).isCloseTo(386.8,
                        org.assertj.core.data.Offset.offset(0.1))); // (8730 − 7390)/(2√3)
        assertThat(PROCEDURE.densityLimits(WeightClass.F1, Mass.parse("50 g"))).isEmpty(); // below 100 g: not in the file
        assertThat(PROCEDURE.densityLimits(WeightClass.M1, Mass.parse("1 kg"))).isEmpty(); // no upper limit remembered
        assertThat(PROCEDURE.source()).contains("Table 1").contains("Table C.1").contains("Table 5");
    }

    @Test
    void onlyAReferenceOfTheSameNominalValueIsCompared() {
        // the laboratory's tolerance is 0.1 % of the nominal value (jjg99-calibration-parameters.csv)
        assertThat(PROCEDURE.referenceMatches(Mass.parse("1000.00012 g"), Mass.parse("1 kg"))).isTrue();
        assertThat(PROCEDURE.referenceMatches(Mass.parse("1001.0 g"), Mass.parse("1 kg"))).isTrue();
        assertThat(PROCEDURE.referenceMatches(Mass.parse("1001.1 g"), Mass.parse("1 kg"))).isFalse();
        assertThat(PROCEDURE.referenceMatches(Mass.parse("500 g"), Mass.parse("1 kg"))).isFalse();
    }

    private static Map<String, Mass> indications(String... grams) {
        Map<String, Mass> map = new HashMap<>();
        List<WeightCalibrationProcedure.Observation> plan = PROCEDURE.plan(WeightClass.F1);
        for (int i = 0; i < plan.size(); i++) {
            map.put(plan.get(i).id(), Mass.parse(grams[i] + " g"));
        }
        return map;
    }
}
