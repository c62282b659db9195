package org.jiliang.lims.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jiliang.lims.order.TestPoint;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.registry.InstrumentUnderTest;
import org.jiliang.reports.certificate.Customer;
import org.jiliang.reports.certificate.Environment;
import org.jiliang.reports.certificate.Laboratory;
import org.jiliang.reports.certificate.SignatureLine;
import org.jiliang.reports.certificate.StandardUsed;

/**
 * The parts every certificate has, built from a job for the reports module's own records (architecture rule 2:
 * reports never sees an entity): laboratory, customer, standards, conditions, signatures, the day measured. A
 * method's {@link CertificateContentWriter} adds what its kind states.
 */
public final class CertificateParts {

    private CertificateParts() {
    }

    public static Laboratory laboratory(Institute institute) {
        return new Laboratory(institute.nameZh(), institute.nameEn(), institute.address());
    }

    public static Customer customer(InstrumentUnderTest instrument) {
        return new Customer(instrument.customer().name(), instrument.customer().address());
    }

    public static List<StandardUsed> standards(VerificationJob job) {
        return job.standards().stream().map(u -> new StandardUsed(u.standard().name(), u.standard().serialNumber(),
                u.standard().accuracy(), u.standard().certificateNumber(), u.standard().dueDate())).toList();
    }

    /** After a send-back a job is signed again; the certificate names the signatures that count: the last of each meaning. */
    public static List<SignatureLine> signatureLines(List<Signature> signatures, boolean calibration) {
        return signatureLines(signatures, calibration ? "校准员 Calibrated by" : "检定员 Verified by");
    }

    /** As {@link #signatureLines(List, boolean)}, the performer's signature named {@code performed}. */
    public static List<SignatureLine> signatureLines(List<Signature> signatures, String performed) {
        java.util.Map<SignatureMeaning, Signature> last = new java.util.EnumMap<>(SignatureMeaning.class);
        signatures.forEach(s -> last.put(s.meaning(), s));
        return last.values().stream().map(s -> new SignatureLine(meaning(s.meaning(), performed),
                s.signer().displayName(), OffsetDateTime.ofInstant(s.signedAt(), ClockProducer.INSTITUTE_ZONE)))
                .toList();
    }

    public static LocalDate measuredOn(VerificationJob job, LocalDate issueDate) {
        return job.testPoints().stream().map(TestPoint::capturedAt)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .map(i -> LocalDate.ofInstant(i, ClockProducer.INSTITUTE_ZONE)).orElse(issueDate);
    }

    public static Environment environment(VerificationJob job) {
        var env = job.currentEnvironment();
        return env == null ? null : new Environment(
                new org.jiliang.reports.Quantity(env.temperature().stripTrailingZeros(), "°C"),
                new org.jiliang.reports.Quantity(env.humidity().stripTrailingZeros(), "%RH"));
    }

    private static String meaning(SignatureMeaning meaning, String performed) {
        return switch (meaning) {
            case PERFORMED -> performed;
            case CHECKED -> "核验员 Checked by";
            case APPROVED -> "批准人 Approved by";
        };
    }

    /** A quantity as the reports module prints it. */
    public static org.jiliang.reports.Quantity quantity(Quantity q) {
        return new org.jiliang.reports.Quantity(q.value(), q.unit().symbol());
    }
}
