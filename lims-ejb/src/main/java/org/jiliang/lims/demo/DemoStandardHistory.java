package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.check.AnnualEvaluations;
import org.jiliang.lims.standard.check.ChartKind;
import org.jiliang.lims.standard.check.CheckCriterion;
import org.jiliang.lims.standard.check.CheckPoint;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.lims.standard.check.StandardCase;
import org.jiliang.lims.standard.check.StandardEvaluation;
import org.jiliang.lims.standard.record.StandardChange;
import org.jiliang.lims.standard.record.StandardRecords;
import org.jiliang.lims.standard.record.StandardStaff;
import org.jiliang.lims.traceability.ImpactCases;

/**
 * The demo's story of one standard, the E2 1 kg reference weight (STD-E2-005), told through the services as the
 * demo's quality manager (the audit trail and the history record say so): its assessment certificate, its people,
 * a check plan, two years of checks against a check weight every 91 days, one of them out of tolerance — the
 * standard suspended, the case closed with a signature (no certificate was affected), the standard reinstated —,
 * last year's stability and repeatability evaluation, and a change of environment waiting for a decision. Runs
 * once, right after the demo data.
 */
@Stateless
@PermitAll // called by DemoData at start-up
@RunAs(Roles.QUALITY_MANAGER)
@RunAsPrincipal("quality")
public class DemoStandardHistory {

    static final String STANDARD = "STD-E2-005";
    private static final int INTERVAL_DAYS = 91;
    /**
     * The check weight's readings on the comparator (g, to its d = 0.1 mg), oldest first; the sixth is out of
     * tolerance. The base period's limits (mean–range, n = 3) are 1000.00015 ± 0.00006 g, so a check of the demo's
     * bench reading 1000.0001 or 1000.0002 g is in control (a mean of 1000.0002 g right after the sixth would signal
     * test 5 of ISO 7870-2, two of three beyond 2σ).
     */
    private static final String[] READINGS = {
        "1000.0001 1000.0002 1000.0001", "1000.0002 1000.0002 1000.0002", "1000.0001 1000.0001 1000.0002",
        "1000.0002 1000.0001 1000.0002", "1000.0001 1000.0001 1000.0001", "1000.0005 1000.0005 1000.0005",
        "1000.0001 1000.0002 1000.0002", "1000.0001 1000.0002 1000.0001"};
    private static final int OUT_OF_TOLERANCE = 5;

    @Inject
    private IntermediateChecks checks;
    @Inject
    private AnnualEvaluations evaluations;
    @Inject
    private StandardRecords records;
    @Inject
    private ImpactCases cases;
    @Inject
    private StandardService standards;
    @Inject
    private Clock clock;

    public void load() {
        LocalDate today = LocalDate.now(clock);
        standards.recordAssessment(STANDARD, "[2024]江海量标证字第 0005 号", "E2 等级砝码 1 kg 检定/校准 / E2 1 kg"
                + " weight verification and calibration", today.plusYears(2).plusMonths(3));
        records.assign(STANDARD, "quality", StandardStaff.Role.RESPONSIBLE, "JJ-标-2022-0011", today.plusYears(3));
        records.assign(STANDARD, "technician", StandardStaff.Role.OPERATOR, "JJ-标-2024-0032", today.plusYears(2));
        records.assign(STANDARD, "technician2", StandardStaff.Role.OPERATOR, "JJ-标-2023-0017", today.plusYears(1));
        checks.plan(STANDARD, new IntermediateChecks.PlanDetails(INTERVAL_DAYS,
                "核查砝码 1 kg CW-E2-01 / check weight 1 kg", ChartKind.MEAN_RANGE, 3, 5, CheckCriterion.CONTROL_LIMITS,
                List.of(new CheckPoint.Definition("1 kg", "g", null, null))));
        for (int i = 0; i < READINGS.length; i++) {
            LocalDate on = today.minusDays(20 + (long) INTERVAL_DAYS * (READINGS.length - 1 - i));
            checks.record(STANDARD, new IntermediateChecks.CheckDetails(on, i == OUT_OF_TOLERANCE
                    ? "核查砝码表面沾污 / check weight soiled" : null,
                    List.of(new IntermediateChecks.PointEntry(READINGS[i], null))));
            if (i == OUT_OF_TOLERANCE) {
                closeTheCase();
            }
        }
        int lastYear = today.getYear() - 1;
        evaluations.evaluate(STANDARD, lastYear, List.of(new AnnualEvaluations.PointLimits(1,
                new BigDecimal("0.0016"), StandardEvaluation.Basis.MPE, new BigDecimal("0.00005"))));
        records.propose(STANDARD, StandardChange.Kind.ENVIRONMENT, "质量实验室空调机组更换 / the mass laboratory's air"
                + " conditioning replaced", "原机组控温超出 ±0.5 °C / the old unit no longer held ±0.5 °C", null);
    }

    /** The out-of-tolerance check's case: no certificate used the standard since; closed, the standard reinstated. */
    private void closeTheCase() {
        long id = checks.casesOf(STANDARD).stream().filter(c -> c.kind() == StandardCase.Kind.OUT_OF_TOLERANCE)
                .findFirst().orElseThrow().id();
        cases.close(id, "核查砝码表面沾污，清洁后复测合格；本标准未受影响，无证书受影响。/ The check weight was soiled;"
                + " cleaned and measured again, it agreed. The standard was not affected; no certificate is.",
                DemoDataLoader.DEMO_PASSWORD.toCharArray());
        standards.reinstate(STANDARD, "核查砝码清洁后复测合格（案件 " + id + " 已结案）/ the check weight agreed after"
                + " cleaning (case " + id + " closed)");
    }
}
