package org.jiliang.lims.method.bloodpressure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.certificate.CertificateContentWriter;
import org.jiliang.lims.certificate.CertificateIssue;
import org.jiliang.lims.certificate.CertificateParts;
import org.jiliang.lims.certificate.IssuedContent;
import org.jiliang.lims.metrology.bloodpressure.BpMeter;
import org.jiliang.lims.metrology.bloodpressure.BpPointResult;
import org.jiliang.lims.metrology.bloodpressure.BpReading;
import org.jiliang.lims.metrology.bloodpressure.BpValue;
import org.jiliang.lims.metrology.bloodpressure.BpVerificationResult;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Conclusion;
import org.jiliang.reports.certificate.InstrumentUnderTest;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.ResultRow;

/**
 * A blood-pressure meter that passes every test gets a verification certificate valid for its interval (JD series);
 * one that fails gets a notice of verification result naming each failed test (JT series), as for a scale. The
 * table lists every point: the reference pressure set, the meter's indication and its error against the MPE, the
 * leakage rate and the exhaust time against their limits, the checks by eye.
 */
abstract class BloodPressureCertificate implements CertificateContentWriter {

    abstract BloodPressureVerification method();

    abstract String title();

    @Override
    public String testPlan() {
        return method().testPlan();
    }

    @Override
    public IssuedContent write(VerificationJob job, CertificateIssue issue) {
        BloodPressureJobResult result = BloodPressureJobResult.of(method(), job);
        // a checked job has every reading; no verdict here would be a defect, not a user's mistake
        BpVerificationResult verification = result.verification().orElseThrow(
                () -> new IllegalStateException("Job " + job.jobNumber() + " is checked but not complete"));
        boolean passed = verification.passed();
        CertificateKind kind = passed
                ? CertificateKind.VERIFICATION_CERTIFICATE : CertificateKind.NOTICE_OF_NON_CONFORMITY;
        String number = issue.nextNumber(passed ? "JD" : "JT");
        LocalDate validUntil = passed ? issue.validUntilIfPassed() : null;
        List<ResultRow> rows = new ArrayList<>();
        for (TestPoint p : job.testPoints()) {
            rows.add(row(p, result.result(p).orElseThrow(), verification.plan().meter()));
        }
        Conclusion conclusion = passed ? Conclusion.pass(validUntil)
                : Conclusion.fail(result.nonConformities().isEmpty() ? List.of("不合格 / fail") : result.nonConformities());
        var instrument = job.instrument();
        BpMeter meter = verification.plan().meter();
        CertificateDocument document = new CertificateDocument(kind, number, issue.today(),
                CertificateParts.laboratory(issue.institute()), CertificateParts.customer(instrument),
                new InstrumentUnderTest(instrument.description(), instrument.manufacturer(), instrument.model(),
                        instrument.serialNumber(), quantity(meter.rangeHigh()), quantity(meter.division()),
                        meter.type().label().toString()),
                new Procedure(job.procedureCode(), title()),
                job.verificationType().labelZh() + " " + job.verificationType().labelEn(),
                CertificateParts.measuredOn(job, issue.today()), "本院实验室 Institute laboratory",
                CertificateParts.environment(job), rows, CertificateParts.standards(job), conclusion,
                CertificateParts.signatureLines(issue.signatures(), false), issue.verificationUrl());
        return IssuedContent.document(kind, number, issue.pdf(document), validUntil);
    }

    /** A point's row: pressures in the meter's unit, the value judged with its limit as the regulation states it. */
    private static ResultRow row(TestPoint point, BpPointResult r, BpMeter meter) {
        BpReading reading = r.reading();
        String limit = r.point().limitOrEmpty().map(l -> l.describe()).orElse(null);
        org.jiliang.reports.Quantity nominal = r.point().nominalPressure().map(BloodPressureCertificate::quantity)
                .orElse(null);
        org.jiliang.reports.Quantity indication = reading instanceof BpReading.Indication i ? quantity(i.indication())
                : reading instanceof BpReading.Zero z ? quantity(z.indication()) : null;
        BpValue v = r.measured().map(m -> BpMeters.shown(m, meter)).orElse(null);
        org.jiliang.reports.Quantity judged = v == null ? null : new org.jiliang.reports.Quantity(v.value(), v.unit());
        return new ResultRow(point.label(), nominal, indication, judged, null, limit, r.passed());
    }

    private static org.jiliang.reports.Quantity quantity(Quantity q) {
        return CertificateParts.quantity(q);
    }
}
