package org.jiliang.lims.method.weight;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedCalibrationResult;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.MassUnit;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.reports.Quantity;
import org.jiliang.reports.certificate.CalibratedItem;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CalibrationResult;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.ConformityDecision;
import org.jiliang.reports.certificate.ConformityOutcome;
import org.jiliang.reports.certificate.ConformityStatement;
import org.jiliang.reports.certificate.DecisionRule;
import org.jiliang.reports.certificate.Environment;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.UncertaintyComponent;

/**
 * A weight's calibration certificate (JC series): m_ct, U, k and the budget, the statement of conformity with its
 * decision rule, no period of validity; the DCC beside it; the result stored with it exactly as printed.
 */
@ApplicationScoped
public class WeightCalibrationCertificate implements CertificateContentWriter {

    @Override
    public String testPlan() {
        return WeightCalibrationProcedure.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        WeightCalibrationRun run = WeightCalibrationRun.of(job);
        // a checked job has every input; a missing one here would be a defect, not a user's mistake
        WeightCalibration result = run.result().orElseThrow(() -> new IllegalStateException("Job "
                + job.jobNumber() + " is checked but its calibration cannot be computed: "
                + run.missing().map(RefusedException::getMessage).orElse("?")));
        var conditions = run.conditions().orElseThrow();
        String number = issue.nextNumber("JC");
        CalibrationCertificate document = document(number, issue, job, result, conditions);
        return new IssuedContent(CertificateKind.CALIBRATION_CERTIFICATE, number, issue.pdf(document),
                issue.dcc(document), null, certificate -> List.of(new IssuedCalibrationResult(job, certificate, result,
                        conditions.airDensity(), "≈95 %", WeightCalibrationProcedure.standard().source(),
                        certificate.issuedAt())));
    }

    /**
     * The calibration certificate of a weight: m_ct with U, k and its budget, and the statement of conformity to
     * the weight's class under the R 111 rule (guarded acceptance, w = U).
     */
    static CalibrationCertificate document(String number, CertificateIssue issue, VerificationJob job,
            WeightCalibration result, WeightCalibrationProcedure.Conditions conditions) {
        LocalDate issueDate = issue.today();
        var weight = job.instrument();
        String cls = result.weightClass().symbol();
        var budget = result.budget();
        var reported = budget.reported();
        MassUnit mg = MassUnit.MG;
        List<UncertaintyComponent> components = budget.components().stream().map(c -> new UncertaintyComponent(
                WeightCalibrationProcedure.componentLabel(c.name()).zh() + " "
                        + WeightCalibrationProcedure.componentLabel(c.name()).en() + " " + c.name(),
                estimate(c.quantity().estimate(), budget.unit()),
                milligrams(c.quantity().standardUncertainty(), budget.unit()),
                c.sensitivityCoefficient().round(new MathContext(3)).stripTrailingZeros().toPlainString(),
                milligrams(c.contribution(), budget.unit()),
                c.quantity().degreesOfFreedom().isInfinite() ? null
                        : c.quantity().degreesOfFreedom().truncated().value().intValue())).toList();
        Integer nuEff = budget.effectiveDegreesOfFreedom().filter(d -> !d.isInfinite())
                .map(d -> d.truncated().value().intValue()).orElse(null);
        var printedBudget = new org.jiliang.reports.certificate.UncertaintyBudget(components,
                milligrams(budget.combinedStandardUncertainty(), budget.unit()), nuEff);
        Mass u = Mass.of(reported.expandedUncertainty(), MassUnit.fromSymbol(budget.unit())).to(mg).normalized();
        ConformityOutcome outcome = result.conforms() ? ConformityOutcome.CONFORMS : ConformityOutcome.DOES_NOT_CONFORM;
        CalibrationResult row = new CalibrationResult(
                result.nominal() + " 砝码 Weight " + weight.serialNumber(), "约定质量 Conventional mass",
                quantity(result.nominal()), new Quantity(reported.value(), budget.unit()), quantity(u),
                reported.coverageFactor(), "≈95 %",
                ConformityDecision.withinPlusMinus(quantity(result.maximumPermissibleError().to(mg).normalized()),
                        outcome),
                printedBudget);
        int cycles = WeightCalibrationProcedure.standard().cycles(result.weightClass());
        return new CalibrationCertificate(number, issueDate,
                CertificateParts.laboratory(issue.institute()), CertificateParts.customer(weight),
                new CalibratedItem(weight.description(), weight.manufacturer(), weight.model(), weight.serialNumber(),
                        result.nominal().toString(), cls),
                new Procedure(job.procedureCode() + " / OIML R 111-1:2004", "《砝码》 Weights"),
                "ABBA 循环直接比较法，" + cycles + " 个循环 Direct comparison with a reference weight, ABBA, " + cycles
                        + " cycles",
                CertificateParts.measuredOn(job, issueDate), "本院质量实验室 Mass laboratory of the institute",
                new Environment(new Quantity(conditions.temperature().stripTrailingZeros(), "°C"),
                        new Quantity(conditions.humidity().stripTrailingZeros(), "%RH"),
                        new Quantity(conditions.pressure().stripTrailingZeros(), "hPa"),
                        new Quantity(conditions.airDensity().round(new MathContext(5)), "kg/m³")),
                List.of(row), CertificateParts.standards(job),
                new ConformityStatement("OIML R 111-1:2004 " + cls + " 等级要求", "class " + cls
                        + " of OIML R 111-1:2004 (U ≤ δm/3 and m0 − (δm − U) ≤ m_ct ≤ m0 + (δm − U))",
                        DecisionRule.GUARDED_ACCEPTANCE,
                        "恰在接受限 m0 ± (δm − U) 上的结果判为符合 A result exactly on the acceptance limit m0 ± (δm − U)"
                                + " conforms",
                        "误判接受概率 < 2.5 %（k ≈ 2） Probability of false acceptance < 2.5 % (k ≈ 2)"),
                CertificateParts.signatureLines(issue.signatures(), true), issue.verificationUrl());
    }

    private static String estimate(BigDecimal value, String unit) {
        return (value.signum() == 0 ? "0" : value.round(new MathContext(9)).stripTrailingZeros().toPlainString())
                + " " + unit;
    }

    private static Quantity milligrams(BigDecimal value, String unit) {
        Mass m = Mass.of(value, MassUnit.fromSymbol(unit)).to(MassUnit.MG);
        return new Quantity(m.value().signum() == 0 ? BigDecimal.ZERO
                : m.value().round(new MathContext(2)).stripTrailingZeros(), "mg");
    }

    private static Quantity quantity(Mass m) {
        return new Quantity(m.value(), m.unit().symbol());
    }
}
