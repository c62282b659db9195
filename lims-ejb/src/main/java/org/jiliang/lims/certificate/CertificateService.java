package org.jiliang.lims.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.measurement.JobEvaluation;
import org.jiliang.lims.measurement.WeightCalibrationRun;
import org.jiliang.lims.metrology.weight.WeightCalibration;
import org.jiliang.lims.metrology.weight.WeightCalibrationProcedure;
import org.jiliang.lims.order.JobContent;
import org.jiliang.lims.order.JobService;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.dcc.DigitalCalibrationCertificate;

/**
 * The approver's signature issues the certificate; customers reach only their own
 * certificates (anything else is "not found", whatever number they try); anyone can check
 * a certificate's genuineness by its token or number.
 */
@Stateless
public class CertificateService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A verification token: 24 random bytes, base64url (192 bits; never guessed, never enumerated). */
    static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private JobService jobs;
    @Inject
    private SignatureService signatures;
    @Inject
    private NumberSeries numbers;
    @Inject
    private CertificateRendering rendering;
    @Inject
    private AuthorizationService authorizations;
    @Inject
    private AuditTrail audit;

    /**
     * The approver re-enters the password; the approval and the certificate are one transaction.
     * Three different people: the approver is neither the technician nor the checker.
     */
    @RolesAllowed(Roles.APPROVER)
    public CertificateView approveAndIssue(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        job.requireState(JobState.CHECKED);
        UserAccount approver = currentUser.account();
        if (job.technician().id().equals(approver.id()) || job.checker().id().equals(approver.id())) {
            throw new RefusedException("error.sign.ownWork", approver.displayName());
        }
        LocalDate today = LocalDate.now(clock);
        authorizations.require(approver, job.procedureCode(), Activity.APPROVE, today);
        jobs.requireValidSignature(job, SignatureMeaning.PERFORMED);
        jobs.requireValidSignature(job, SignatureMeaning.CHECKED);
        Signature signature = signatures.sign(job.id(), approver, password, SignatureMeaning.APPROVED,
                JobContent.sha256(job));
        job.markApproved(approver);
        record(approver, "job.approved", "Signature", job, JobState.CHECKED.name(),
                JobState.APPROVED.name() + " signed APPROVED by " + approver.username() + " sha256 "
                        + signature.contentSha256());

        Institute institute = em.createQuery("select i from Institute i", Institute.class)
                .setMaxResults(1).getSingleResult();
        if (job.instrument().isWeight()) {
            return issueCalibrationCertificate(job, institute, approver, today);
        }
        // a checked job has every reading; no verdict here would be a defect, not a user's mistake
        boolean passed = JobEvaluation.of(job).passed().orElseThrow(
                () -> new IllegalStateException("Job " + job.jobNumber() + " is checked but not complete"));
        CertificateKind kind = passed
                ? CertificateKind.VERIFICATION_CERTIFICATE : CertificateKind.NOTICE_OF_NON_CONFORMITY;
        String series = kind == CertificateKind.VERIFICATION_CERTIFICATE ? "JD" : "JT";
        String number = String.format("%s%s%d-%06d", institute.certificatePrefix(), series, today.getYear(),
                numbers.next("certificate-" + series, today.getYear()));
        String token = newToken();
        LocalDate validUntil = passed
                ? today.plusMonths(job.instrument().intervalMonths()).minusDays(1) : null;

        byte[] pdf = rendering.pdf(CertificateDocuments.of(kind, number, today, institute, job,
                signatures.signaturesOf(job.id()), validUntil, verificationUrl(token)));
        Certificate certificate = new Certificate(number, kind, job, job.instrument().customer(), clock.instant(),
                validUntil, token, sha256(pdf));
        em.persist(certificate);
        em.persist(new CertificateContent(certificate, pdf, null));
        if (validUntil != null) {
            job.instrument().verifiedUntil(validUntil.plusDays(1));
        }
        job.markCertificateIssued();
        record(approver, "certificate.issued", "Certificate", job, null,
                number + " " + kind + " sha256 " + certificate.pdfSha256());
        return view(certificate);
    }

    /**
     * A weight: the calibration certificate (m_ct, U, k, budget, conformity with its decision rule), and the
     * result stored with it exactly as printed. A calibration certificate has no period of validity.
     */
    private CertificateView issueCalibrationCertificate(VerificationJob job, Institute institute,
            UserAccount approver, LocalDate today) {
        WeightCalibrationRun run = WeightCalibrationRun.of(job);
        // a checked job has every input; a missing one here would be a defect, not a user's mistake
        WeightCalibration result = run.result().orElseThrow(() -> new IllegalStateException("Job "
                + job.jobNumber() + " is checked but its calibration cannot be computed: "
                + run.missing().map(RefusedException::getMessage).orElse("?")));
        var conditions = run.conditions().orElseThrow();
        CertificateKind kind = CertificateKind.CALIBRATION_CERTIFICATE;
        String number = String.format("%sJC%d-%06d", institute.certificatePrefix(), today.getYear(),
                numbers.next("certificate-JC", today.getYear()));
        String token = newToken();
        var document = CertificateDocuments.calibration(number, today, institute, job, result, conditions,
                signatures.signaturesOf(job.id()), verificationUrl(token));
        byte[] pdf = rendering.pdf(document);
        Certificate certificate = new Certificate(number, kind, job, job.instrument().customer(), clock.instant(),
                null, token, sha256(pdf));
        String customerEmail = job.instrument().customer().contactEmail();
        boolean dcc = institute.email().isPresent() && customerEmail != null && !customerEmail.isBlank();
        byte[] dccXml = !dcc ? null : DigitalCalibrationCertificate.write(document,
                new DigitalCalibrationCertificate.Parties("CN", institute.email().get(),
                        institute.city().orElse(institute.nameZh()), customerEmail, "Jiliang LIMS", softwareRelease()));
        em.persist(certificate);
        em.persist(new CertificateContent(certificate, pdf, dccXml));
        IssuedCalibrationResult stored = new IssuedCalibrationResult(job, certificate, result,
                conditions.airDensity(), "≈95 %", WeightCalibrationProcedure.standard().source(), clock.instant());
        em.persist(stored);
        job.markCertificateIssued();
        em.flush();
        record(approver, "calibration.resultStored", "IssuedCalibrationResult", job, null,
                stored.id() + ": m_ct = " + result.budget().reported() + ", " + stored.decisionRule() + " "
                        + (stored.conforms() ? "conforms" : "does not conform"));
        record(approver, "certificate.issued", "Certificate", job, null,
                number + " " + kind + " sha256 " + certificate.pdfSha256() + (dcc ? " with DCC sha256 "
                        + sha256(dccXml)
                        : " without DCC (the institute's or the customer's e-mail address is not recorded)"));
        return view(certificate);
    }

    private static String softwareRelease() {
        String version = CertificateService.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private void record(UserAccount actor, String action, String recordType, VerificationJob job, String oldValue,
            String newValue) {
        audit.record(new AuditEvent(actor.username(), action, recordType, job.jobNumber(), job.id(), oldValue,
                newValue, null));
    }

    /** Customers get their own certificates; staff get all. */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public List<CertificateView> certificates() {
        UserAccount caller = currentUser.account();
        if (caller.customer() != null) {
            return em.createQuery("select c from Certificate c where c.customer.id = :cust order by c.id desc",
                            Certificate.class)
                    .setParameter("cust", caller.customer().id())
                    .getResultStream().map(this::view).toList();
        }
        return em.createQuery("select c from Certificate c order by c.id desc", Certificate.class)
                .setMaxResults(500).getResultStream().map(this::view).toList();
    }

    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public CertificateView certificate(String number) {
        return view(visibleToCaller(number));
    }

    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public CertificatePdf pdf(String number) {
        Certificate c = visibleToCaller(number);
        return new CertificatePdf(c.number(), content(c).pdf(), c.pdfSha256());
    }

    /** The Digital Calibration Certificate issued with a calibration certificate, to whoever may see the PDF. */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public byte[] dcc(String number) {
        Certificate c = visibleToCaller(number);
        return content(c).dccXml().orElseThrow(() -> new RefusedException("error.certificate.noDcc", number));
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER})
    public Optional<CertificateView> forJob(long jobId) {
        return em.createQuery("select c from Certificate c where c.job.id = :j", Certificate.class)
                .setParameter("j", jobId).getResultStream().findFirst().map(this::view);
    }

    /** Public check by the unguessable token of the QR code; the sequential number is not accepted. */
    @PermitAll
    public PublicVerification verify(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return PublicVerification.unknown();
        }
        Optional<Certificate> found = em.createQuery(
                        "select c from Certificate c where c.verificationToken = :t", Certificate.class)
                .setParameter("t", token).getResultStream().findFirst();
        if (found.isEmpty()) {
            return PublicVerification.unknown();
        }
        Certificate c = found.get();
        LocalDate today = LocalDate.now(clock);
        // a calibration certificate states values, not a period of validity: genuine means valid
        boolean valid = c.kind() == CertificateKind.CALIBRATION_CERTIFICATE
                || c.kind() == CertificateKind.VERIFICATION_CERTIFICATE && c.validUntil() != null
                        && !today.isAfter(c.validUntil());
        Institute institute = em.createQuery("select i from Institute i", Institute.class)
                .setMaxResults(1).getSingleResult();
        return new PublicVerification(true, c.number(), c.kind().name(), local(c),
                c.validUntil(), valid, c.job().instrument().description(), c.job().instrument().serialNumber(),
                c.pdfSha256(), institute.nameZh() + " / " + institute.nameEn());
    }

    /** The files of a certificate: read only here, for a download. */
    private CertificateContent content(Certificate c) {
        return em.find(CertificateContent.class, c.id());
    }

    private Certificate visibleToCaller(String number) {
        UserAccount caller = currentUser.account();
        Optional<Certificate> found = em.createQuery("select c from Certificate c where c.number = :n",
                        Certificate.class)
                .setParameter("n", number).getResultStream().findFirst();
        // Another customer's certificate is reported exactly like a missing one: no existence leak.
        return found.filter(c -> caller.customer() == null || c.customer().id().equals(caller.customer().id()))
                .orElseThrow(() -> new RefusedException("error.certificate.notFound", number));
    }

    private CertificateView view(Certificate c) {
        return new CertificateView(c.number(), c.kind().name(), c.job().jobNumber(), c.customer().name(),
                c.job().instrument().description(), c.job().instrument().serialNumber(), local(c),
                c.validUntil(), c.pdfSha256(), verificationUrl(c.verificationToken()));
    }

    private static LocalDateTime local(Certificate c) {
        return LocalDateTime.ofInstant(c.issuedAt(), ClockProducer.INSTITUTE_ZONE);
    }

    /** The QR code's address, under the configured public address (jiliang.public-url). */
    static String verificationUrl(String token) {
        return Settings.publicBaseUrl() + "/verify/" + token;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
