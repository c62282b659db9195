package org.jiliang.lims.method.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.quantity.Decimals;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.standard.check.CheckEvaluation;
import org.jiliang.lims.standard.check.ChartKind;
import org.jiliang.lims.standard.check.IntermediateChecks;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.CheckRecord;
import org.jiliang.reports.certificate.CheckResultLine;

/**
 * The approval of a check made at the bench: the check is recorded with the standard's checks (evaluated there, and
 * out of tolerance it suspends the standard and opens a case), and an intermediate check record (期间核查记录, HC
 * series) is issued, signed like a certificate and verifiable by its QR code. The draft the checker and the approver
 * read shows what the check will find and records nothing.
 */
@ApplicationScoped
public class IntermediateCheckRecord implements CertificateContentWriter {

    @Inject
    private IntermediateChecks checks;

    @Override
    public String testPlan() {
        return IntermediateCheckMethod.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        String code = IntermediateCheckMethod.standardChecked(job.instrument());
        IntermediateChecks.PlanView plan = checks.planOf(code).orElseThrow(() -> new IllegalStateException(
                "Job " + job.jobNumber() + " checks " + code + ", which has no check plan any more"));
        List<IntermediateChecks.PointEntry> entries = IntermediateCheckMethod.entries(job);
        LocalDate performedOn = CertificateParts.measuredOn(job, issue.today());
        CheckEvaluation.Outcome found = checks.preview(code, entries);
        if (issue.recordsFindings()) {
            // the same evaluation, now stored (same transaction, same checks before it): it may suspend the standard
            // and open a case
            checks.recordCaptured(code, performedOn, job.technician().username(), job.jobNumber(), entries);
        }
        String number = issue.nextNumber("HC");
        CheckRecord record = new CheckRecord(number, issue.today(), CertificateParts.laboratory(issue.institute()),
                CertificateParts.customer(job.instrument()), standardUnderCheck(job, code),
                job.instrument().description() + " " + job.instrument().serialNumber() + " / " + plan.checkStandard(),
                IntermediateCheckMethod.PROCEDURE + " 计量标准考核规范 期间核查 / intermediate check of a measurement"
                        + " standard",
                criterion(plan), performedOn, "本院实验室 / the institute's laboratory",
                CertificateParts.environment(job), lines(job, plan, found), CheckJobResult.OUTCOME.get(found.outcome()),
                CertificateParts.standards(job), CertificateParts.signatureLines(issue.signatures(),
                        "核查员 Performed by"), issue.verificationUrl());
        return new IssuedContent(CertificateKind.INTERMEDIATE_CHECK_RECORD, number, issue.pdf(record), null, null,
                certificate -> List.of());
    }

    private static String standardUnderCheck(VerificationJob job, String code) {
        return job.standards().stream().map(u -> u.standard()).filter(s -> s.code().equals(code)).findFirst()
                .map(s -> s.code() + " " + s.name()).orElse(code);
    }

    /** "均值–极差控制图，基期 5 次；判据：控制限 / mean–range chart, base period of 5 checks; criterion: control limits". */
    private static String criterion(IntermediateChecks.PlanView plan) {
        String chart = plan.chart() == ChartKind.MEAN_RANGE ? "均值–极差控制图 / mean–range chart"
                : "单值–移动极差控制图 / individuals–moving range chart";
        return chart + "，每次 " + plan.readingsPerCheck() + " 个读数 / " + plan.readingsPerCheck()
                + " readings per check；基期 " + plan.baseChecks() + " 次 / base period of " + plan.baseChecks()
                + " checks；判据：控制限内 / criterion: inside the control limits (ISO 7870-2 test 1)";
    }

    private static String plain(java.math.BigDecimal x) {
        return Decimals.plain(x).toPlainString();
    }

    private static List<CheckResultLine> lines(VerificationJob job, IntermediateChecks.PlanView plan,
            CheckEvaluation.Outcome found) {
        List<CheckResultLine> lines = new ArrayList<>();
        List<TestPoint> points = job.testPoints();
        for (int i = 0; i < points.size(); i++) {
            TestPoint p = points.get(i);
            CheckEvaluation.PointOutcome o = found.points().get(i);
            IntermediateChecks.PointView planned = plan.points().get(i);
            String unit = p.quantityUnit().symbol();
            String reference = planned.referenceValue() == null ? null : plain(planned.referenceValue()) + " " + unit
                    + (planned.referenceUncertainty() == null ? ""
                            : " (U = " + plain(planned.referenceUncertainty()) + " " + unit + ")");
            lines.add(new CheckResultLine(p.label(), IntermediateCheckMethod.readings(p) + " " + unit,
                    new org.jiliang.reports.Quantity(CheckJobResult.stated(o.mean(), IntermediateCheckMethod.values(p)),
                            unit), reference,
                    CheckJobResult.judgement(o), !o.outOfTolerance()));
        }
        return lines;
    }
}
