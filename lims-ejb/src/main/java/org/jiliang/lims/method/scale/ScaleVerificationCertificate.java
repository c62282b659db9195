package org.jiliang.lims.method.scale;

import static org.jiliang.lims.certificate.CertificateParts.quantity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.scale.ScaleTestPlan;
import org.jiliang.lims.order.JobResult;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Conclusion;
import org.jiliang.reports.certificate.InstrumentUnderTest;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.ResultRow;

/**
 * A passed scale gets a verification certificate valid for its interval (JD series); a failed one a notice of
 * non-conformity naming each failed test (JT series), with no period of validity.
 */
@ApplicationScoped
public class ScaleVerificationCertificate implements CertificateContentWriter {

    static final String PROCEDURE_TITLE = "数字指示秤检定规程 Verification Regulation of Digital Indicating Scales";

    @Override
    public String testPlan() {
        return ScaleTestPlan.TEST_PLAN;
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        JobResult result = ScaleJobResult.of(job);
        // a checked job has every reading; no verdict here would be a defect, not a user's mistake
        boolean passed = result.passed().orElseThrow(
                () -> new IllegalStateException("Job " + job.jobNumber() + " is checked but not complete"));
        CertificateKind kind = passed
                ? CertificateKind.VERIFICATION_CERTIFICATE : CertificateKind.NOTICE_OF_NON_CONFORMITY;
        String number = issue.nextNumber(passed ? "JD" : "JT");
        LocalDate validUntil = passed ? issue.validUntilIfPassed() : null;
        byte[] pdf = issue.pdf(document(kind, number, issue, job, result, validUntil));
        return IssuedContent.document(kind, number, pdf, validUntil);
    }

    static CertificateDocument document(CertificateKind kind, String number, CertificateIssue issue,
            VerificationJob job, JobResult result, LocalDate validUntil) {
        var instrument = job.instrument();
        ScaleParameters p = instrument.parameters();
        List<ResultRow> rows = job.testPoints().stream().map(t -> {
            JobResult.PointOutcome outcome = result.point(t).orElseThrow(
                    () -> new IllegalStateException("Point " + t.label() + " of " + job.jobNumber() + " is not judged"));
            // an error beside ±MPE; a spread beside "≤ |MPE|", a change of indication beside "≥ d"
            String limit = result.requirement(t).filter(r -> !r.startsWith("±")).orElse(null);
            return new ResultRow(t.label(), quantity(t.nominal()), quantity(t.quantity(t.latest().indicationValue())),
                    quantity(outcome.measured()), result.measure(t).orElse(null),
                    limit == null ? quantity(t.tolerance()) : null, limit, outcome.passed());
        }).toList();
        Conclusion conclusion = kind == CertificateKind.VERIFICATION_CERTIFICATE
                ? Conclusion.pass(validUntil)
                : Conclusion.fail(result.nonConformities().isEmpty()
                        ? List.of("不合格 / fail") : result.nonConformities());
        return new CertificateDocument(kind, number, issue.today(), CertificateParts.laboratory(issue.institute()),
                CertificateParts.customer(instrument),
                new InstrumentUnderTest(instrument.description(), instrument.manufacturer(), instrument.model(),
                        instrument.serialNumber(), mass(p.max()), mass(p.e()), p.accuracyClass().symbol()),
                new Procedure(job.procedureCode(), PROCEDURE_TITLE),
                job.verificationType().labelZh() + " " + job.verificationType().labelEn(),
                CertificateParts.measuredOn(job, issue.today()), "本院实验室 Institute laboratory",
                CertificateParts.environment(job), rows, CertificateParts.standards(job), conclusion,
                CertificateParts.signatureLines(issue.signatures(), false), issue.verificationUrl());
    }

    private static org.jiliang.reports.Quantity mass(Mass m) {
        return quantity(Quantity.of(m.value(), m.unit().symbol()));
    }
}
