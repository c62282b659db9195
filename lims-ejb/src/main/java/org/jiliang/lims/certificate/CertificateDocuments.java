package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jiliang.lims.measurement.JobEvaluation;
import org.jiliang.lims.measurement.TestPoint;
import org.jiliang.lims.metrology.Mass;
import org.jiliang.lims.metrology.ScaleParameters;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Institute;
import org.jiliang.reports.Quantity;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Conclusion;
import org.jiliang.reports.certificate.Customer;
import org.jiliang.reports.certificate.Environment;
import org.jiliang.reports.certificate.InstrumentUnderTest;
import org.jiliang.reports.certificate.Laboratory;
import org.jiliang.reports.certificate.Procedure;
import org.jiliang.reports.certificate.ResultRow;
import org.jiliang.reports.certificate.SignatureLine;
import org.jiliang.reports.certificate.StandardUsed;

/** Builds the reports module's own records from a job (architecture rule 2: reports never sees an entity). */
final class CertificateDocuments {

    static final String PROCEDURE_TITLE = "数字指示秤检定规程 Verification Regulation of Digital Indicating Scales";

    private CertificateDocuments() {
    }

    static CertificateDocument of(CertificateKind kind, String number, LocalDate issueDate, Institute institute,
            VerificationJob job, List<Signature> signatures, LocalDate validUntil, String verificationUrl) {
        var instrument = job.instrument();
        ScaleParameters p = instrument.parameters();
        JobEvaluation evaluation = JobEvaluation.of(job);
        List<ResultRow> rows = job.testPoints().stream().map(t -> {
            JobEvaluation.PointOutcome outcome = evaluation.point(t).orElseThrow(
                    () -> new IllegalStateException("Point " + t.label() + " of " + job.jobNumber() + " is not judged"));
            return new ResultRow(t.label(), quantity(t.load()), quantity(t.indication()), quantity(outcome.measured()),
                    quantity(t.mpe()), outcome.passed());
        }).toList();
        List<StandardUsed> standards = job.standards().stream().map(u -> new StandardUsed(u.standard().name(),
                u.standard().serialNumber(), u.standard().accuracy(), u.standard().certificateNumber(),
                u.standard().dueDate())).toList();
        Conclusion conclusion = kind == CertificateKind.VERIFICATION_CERTIFICATE
                ? Conclusion.pass(validUntil)
                : Conclusion.fail(evaluation.nonConformities().isEmpty()
                        ? List.of("不合格 / fail") : evaluation.nonConformities());
        // After a send-back a job is signed again; the certificate names the signatures that count: the last of each meaning.
        java.util.Map<SignatureMeaning, Signature> last = new java.util.EnumMap<>(SignatureMeaning.class);
        signatures.forEach(s -> last.put(s.meaning(), s));
        List<SignatureLine> lines = last.values().stream().map(s -> new SignatureLine(meaning(s.meaning()),
                s.signer().displayName(), OffsetDateTime.ofInstant(s.signedAt(), ClockProducer.INSTITUTE_ZONE)))
                .toList();
        LocalDate measured = job.testPoints().stream().map(TestPoint::capturedAt)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .map(i -> LocalDate.ofInstant(i, ClockProducer.INSTITUTE_ZONE)).orElse(issueDate);
        return new CertificateDocument(kind, number, issueDate,
                new Laboratory(institute.nameZh(), institute.nameEn(), institute.address()),
                new Customer(instrument.customer().name(), instrument.customer().address()),
                new InstrumentUnderTest(instrument.description(), instrument.manufacturer(), instrument.model(),
                        instrument.serialNumber(), quantity(p.max()), quantity(p.e()), p.accuracyClass().symbol()),
                new Procedure(job.procedureCode(), PROCEDURE_TITLE),
                job.verificationType().labelZh() + " " + job.verificationType().labelEn(),
                measured, "本院实验室 Institute laboratory", environment(job), rows, standards, conclusion, lines,
                verificationUrl);
    }

    private static Environment environment(VerificationJob job) {
        var env = job.currentEnvironment();
        return env == null ? null : new Environment(
                new Quantity(env.temperature().stripTrailingZeros(), "°C"),
                new Quantity(env.humidity().stripTrailingZeros(), "%RH"));
    }

    private static String meaning(SignatureMeaning meaning) {
        return switch (meaning) {
            case PERFORMED -> "检定员 Verified by";
            case CHECKED -> "核验员 Checked by";
            case APPROVED -> "批准人 Approved by";
        };
    }

    private static Quantity quantity(Mass m) {
        return new Quantity(m.value(), m.unit().symbol());
    }
}
