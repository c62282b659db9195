package org.jiliang.lims.certificate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.registry.DuePlanner;
import org.jiliang.lims.order.JobContent;
import org.jiliang.lims.order.Jobs;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.personnel.Signature;
import org.jiliang.lims.personnel.SignatureMeaning;
import org.jiliang.lims.personnel.SignatureService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.notice.CustomerMessages;
import org.jiliang.lims.notice.NoticeKind;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.platform.NumberSeries;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;
import org.jiliang.reports.certificate.CalibrationCertificate;
import org.jiliang.reports.certificate.CertificateDocument;
import org.jiliang.reports.certificate.CertificateKind;
import org.jiliang.reports.certificate.Revision;
import org.jiliang.reports.dcc.DigitalCalibrationCertificate;
import org.jiliang.lims.platform.Sha256;

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
    private CustomerMessages messages;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private Jobs jobs;
    @Inject
    private Instance<CertificateContentWriter> writers;
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
    @Inject
    private DuePlanner planner;
    @Inject
    private org.jiliang.lims.personnel.LoginService logins;
    @Inject
    private CertificateSigning signing;

    /**
     * The approver re-enters the password; the approval and the certificate are one transaction.
     * Three different people: the approver is neither the technician nor the checker.
     */
    @RolesAllowed(Roles.APPROVER)
    public CertificateView approveAndIssue(long jobId, char[] password, Long expectedVersion) {
        VerificationJob job = jobs.find(jobId);
        jobs.changing(job, expectedVersion);
        jobs.loadReadings(job);
        UserAccount approver = currentUser.account();
        job.markApproved(approver);
        LocalDate today = LocalDate.now(clock);
        authorizations.require(approver, job.procedureCode(), Activity.APPROVE, today);
        jobs.requireValidSignature(job, SignatureMeaning.PERFORMED);
        jobs.requireValidSignature(job, SignatureMeaning.CHECKED);
        Signature signature = signatures.sign(job.id(), approver, password, SignatureMeaning.APPROVED,
                JobContent.sha256(job));
        Institute institute = em.createQuery("select i from Institute i", Institute.class)
                .setMaxResults(1).getSingleResult();
        String token = newToken();
        IssuedContent content = writerOf(job).write(job, new Issue(today, institute, job, verificationUrl(token)));
        byte[] pdf = signing.sign(content.pdf(), "签发 Issue of " + content.number(), institute);
        // the first entry locks the audit trail's head until the commit: it comes after the slow part (rendering,
        // signing, the time stamp), so that every other audited action waits for a moment, not for all of it
        record(approver, "job.approved", "Signature", job, JobState.CHECKED.name(),
                JobState.APPROVED.name() + " signed APPROVED by " + approver.username() + " sha256 "
                        + signature.contentSha256());
        Certificate certificate = new Certificate(content.number(), content.kind(), job, job.instrument().customer(),
                clock.instant(), content.validUntil(), token, sha256(pdf), certified(job, institute));
        em.persist(certificate);
        em.persist(new CertificateContent(certificate, pdf, content.dccXml()));
        // issue 12: the register derives the next due date (or "not permitted") from what was issued
        if (content.kind().statesFailure()) {
            planner.failed(job.instrument(), today, content.number());
        } else {
            planner.passed(job.instrument(), today, content.number());
        }
        List<IssuedCalibrationResult> stored = content.storedResults().apply(certificate);
        job.markCertificateIssued();
        for (IssuedCalibrationResult result : stored) {
            em.persist(result);
            em.flush();
            record(approver, "calibration.resultStored", "IssuedCalibrationResult", job, null,
                    result.id() + ": " + result.summary());
        }
        record(approver, "certificate.issued", "Certificate", job, null,
                content.number() + " " + content.kind() + " sha256 " + certificate.pdfSha256()
                        + (content.dccXml() != null ? " with DCC sha256 " + sha256(content.dccXml())
                        : content.kind() == CertificateKind.CALIBRATION_CERTIFICATE
                                ? " without DCC (the institute's or the customer's e-mail address is not recorded)"
                                : ""));
        tellOwner(certificate, null);
        return view(certificate);
    }

    /**
     * The certificate the approval would issue, for the checker and the approver to read before they sign (issue
     * 11): rendered by the job's writer as it will be, numbered "DRAFT" instead of a number of the series (none is
     * taken), its QR code leading to no certificate. Nothing is stored; the job must be measured or checked.
     */
    @RolesAllowed({Roles.CHECKER, Roles.APPROVER})
    public byte[] preview(long jobId) {
        VerificationJob job = jobs.find(jobId);
        if (job.state() != JobState.MEASURED && job.state() != JobState.CHECKED) {
            throw new RefusedException("error.preview.state", job.jobNumber());
        }
        Institute institute = em.createQuery("select i from Institute i", Institute.class)
                .setMaxResults(1).getSingleResult();
        LocalDate today = LocalDate.now(clock);
        return writerOf(job).write(job, new Issue(today, institute, job, verificationUrl("draft")) {
            @Override
            public String nextNumber(String series) {
                return "DRAFT 草稿";
            }

            @Override
            public boolean draft() {
                return true;
            }

            @Override
            public byte[] dcc(CalibrationCertificate certificate) {
                return null;
            }
        }).pdf();
    }

    /** The longest reason for a revision or a withdrawal (the columns' length). */
    public static final int MAX_REASON = 500;

    /**
     * A corrected revision of an issued certificate (ISO/IEC 17025 §7.8.8): the job's certificate written again by
     * its method from the job's data and today's register (a corrected owner's address, serial number …), numbered
     * after the original with "-R" and the revision, stating on the document which certificate it replaces and why,
     * signed by the approver with the password like the original and with a new token. The certificate replaced
     * stays retrievable with its PDF and hash; its public page then says it is superseded. Only the latest revision,
     * not withdrawn, may be revised; the approver must be authorized to approve the job's procedure today.
     */
    @RolesAllowed(Roles.APPROVER)
    public CertificateView revise(String number, String reason, char[] password) {
        String why = org.jiliang.lims.platform.Texts.required(reason, MAX_REASON, "error.certificate.reason");
        Certificate replaced = visibleToCaller(number);
        em.lock(replaced, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // two revisions of one: one waits
        requireInForce(replaced);
        UserAccount approver = currentUser.account();
        return view(revision(replaced, why, approver, null,
                content -> signatures.sign(replaced.job().id(), approver, password, SignatureMeaning.APPROVED,
                        content)));
    }

    /**
     * A revision made by a re-issue run (certificate.reissue), in the caller's transaction: signed in the name of the
     * approver who started the run and signed it with the password then (ReissueRun), as a countersignature over the
     * same content. Null when a revision of this run already replaced the certificate (a run resumed twice).
     */
    @RolesAllowed(Roles.APPROVER)
    public String reviseInRun(long certificateId, long runId, String reason, String approverUsername) {
        Certificate replaced = em.find(Certificate.class, certificateId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (replaced == null) {
            throw new RefusedException("error.certificate.notFound", String.valueOf(certificateId));
        }
        Optional<Certificate> newer = supersedingOf(replaced);
        if (newer.isPresent() && Long.valueOf(runId).equals(newer.get().reissueRunId())) {
            return null;
        }
        requireInForce(replaced);
        UserAccount approver = em.createQuery("select u from UserAccount u where u.username = :u", UserAccount.class)
                .setParameter("u", approverUsername).getSingleResult();
        return revision(replaced, reason, approver, runId, content -> signatures.countersign(replaced.job().id(),
                approver, SignatureMeaning.APPROVED, content)).number();
    }

    /** The corrected revision of a certificate in force, locked by the caller; see {@link #revise}. */
    private Certificate revision(Certificate replaced, String why, UserAccount approver, Long runId,
            java.util.function.Function<String, Signature> sign) {
        VerificationJob job = replaced.job();
        jobs.loadReadings(job);
        LocalDate today = LocalDate.now(clock);
        authorizations.require(approver, job.procedureCode(), Activity.APPROVE, today);
        Certificate original = replaced;
        while (original.supersedes() != null) {
            original = original.supersedes();
        }
        int revision = replaced.revision() + 1;
        String revisionNumber = original.number() + "-R" + revision;
        Signature signature = sign.apply(sha256((JobContent.sha256(job) + "\nrevision " + revision + " of "
                + replaced.number() + "\n" + why).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Institute institute = em.createQuery("select i from Institute i", Institute.class)
                .setMaxResults(1).getSingleResult();
        String token = newToken();
        Revision stated = new Revision(replaced.number(), local(replaced).toLocalDate(), why);
        IssuedContent content = writerOf(job).write(job, new Issue(today, institute, job, verificationUrl(token)) {
            @Override
            Revision revision() {
                return stated;
            }

            @Override
            public String nextNumber(String series) {
                return revisionNumber;
            }

            @Override
            public LocalDate validUntilIfPassed() {
                return replaced.validUntil(); // a correction does not move the period of validity
            }

            @Override
            public boolean recordsFindings() {
                return false;
            }
        });
        if (content.kind() != replaced.kind()) {
            throw new IllegalStateException("The revision of " + replaced.number() + " came out as " + content.kind()
                    + ", not " + replaced.kind() + ": the job's data changed after issue");
        }
        byte[] pdf = signing.sign(content.pdf(), "签发修订版 Issue of revision " + revisionNumber + " replacing "
                + replaced.number(), institute);
        Certificate certificate = Certificate.revisionOf(replaced, revisionNumber, clock.instant(),
                content.validUntil(), token, sha256(pdf), certified(job, institute), why, runId);
        em.persist(certificate);
        em.persist(new CertificateContent(certificate, pdf, content.dccXml()));
        job.instrument().certificateRevised(replaced.number(), revisionNumber);
        for (IssuedCalibrationResult result : content.storedResults().apply(certificate)) {
            em.persist(result);
        }
        em.flush();
        record(approver, "certificate.revised", "Certificate", job, replaced.number() + " sha256 "
                + replaced.pdfSha256(), revisionNumber + " " + content.kind() + " sha256 " + certificate.pdfSha256()
                + " signed APPROVED " + signature.contentSha256() + (runId == null ? "" : " in re-issue run " + runId)
                + "; reason: " + why);
        tellOwner(certificate, replaced.number());
        return certificate;
    }

    /** The owner's message (issue 14): the certificate, or the revision replacing one, is ready to download. */
    private void tellOwner(Certificate certificate, String replaces) {
        var instrument = certificate.job().instrument();
        messages.give(certificate.customer(), NoticeKind.CERTIFICATE_READY, certificate.number(),
                "message." + (replaces == null ? "certificateReady" : "revisionReady"),
                locale -> new Object[] {certificate.number(), instrument.description(), instrument.serialNumber(),
                        replaces == null ? "" : replaces, verificationUrl(certificate.verificationToken())});
    }

    /**
     * Withdraws a certificate for good, with the reason (signed with the password): its public page says so and why,
     * its PDF stays retrievable. A verification certificate still the instrument's latest leaves the instrument not
     * permitted for use until a verification passes again (the register's rule for a notice of non-conformity).
     */
    @RolesAllowed({Roles.APPROVER, Roles.QUALITY_MANAGER})
    public CertificateView withdraw(String number, String reason, char[] password) {
        String why = org.jiliang.lims.platform.Texts.required(reason, MAX_REASON, "error.certificate.reason");
        Certificate certificate = visibleToCaller(number);
        em.lock(certificate, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        requireInForce(certificate);
        UserAccount me = currentUser.account();
        RefusedException refused = logins.checkPassword(me.username(), password, "signature");
        if (refused != null) {
            throw refused;
        }
        em.persist(new CertificateWithdrawal(certificate, clock.instant(), me.username(), why));
        if (certificate.kind() == CertificateKind.VERIFICATION_CERTIFICATE
                && certificate.number().equals(certificate.job().instrument().lastCertificate())) {
            certificate.job().instrument().notPermitted(certificate.number());
        }
        em.flush();
        record(me, "certificate.withdrawn", "Certificate", certificate.job(), certificate.number() + " "
                + certificate.kind(), "withdrawn; reason: " + why);
        return view(certificate);
    }

    /** A certificate superseded by a revision or withdrawn cannot be revised or withdrawn (again). */
    private void requireInForce(Certificate c) {
        Optional<CertificateWithdrawal> withdrawn = withdrawalOf(c);
        if (withdrawn.isPresent()) {
            throw new RefusedException("error.certificate.withdrawn", c.number(), withdrawn.get().withdrawnBy(),
                    org.jiliang.lims.platform.InstituteTime.shown(LocalDateTime.ofInstant(
                            withdrawn.get().withdrawnAt(), ClockProducer.INSTITUTE_ZONE)));
        }
        Optional<Certificate> newer = supersedingOf(c);
        if (newer.isPresent()) {
            throw new RefusedException("error.certificate.superseded", c.number(), newer.get().number());
        }
    }

    private Optional<CertificateWithdrawal> withdrawalOf(Certificate c) {
        return Optional.ofNullable(em.find(CertificateWithdrawal.class, c.id()));
    }

    private Optional<Certificate> supersedingOf(Certificate c) {
        return em.createQuery("select r from Certificate r where r.supersedes = :c", Certificate.class)
                .setParameter("c", c).getResultStream().findFirst();
    }

    /** What the certificate certifies, taken at issue from the job and the register. */
    private static Certificate.Certified certified(VerificationJob job, Institute institute) {
        var instrument = job.instrument();
        return new Certificate.Certified(instrument.description(), instrument.manufacturer(), instrument.model(),
                instrument.serialNumber(), job.procedureCode(), institute.nameZh() + " / " + institute.nameEn());
    }

    /** The certificate content of the job's kind: the writer carrying out the test plan of its procedure edition. */
    private CertificateContentWriter writerOf(VerificationJob job) {
        String plan = jobs.methodOf(job).testPlan();
        return writers.stream().filter(w -> w.testPlan().equals(plan)).findFirst().orElseThrow(
                () -> new IllegalStateException("No certificate content for test plan " + plan + " is deployed"));
    }

    /** What the desk gives a writer for one certificate. */
    private class Issue implements CertificateIssue {
        private final LocalDate today;
        private final Institute institute;
        private final VerificationJob job;
        private final String verificationUrl;

        Issue(LocalDate today, Institute institute, VerificationJob job, String verificationUrl) {
            this.today = today;
            this.institute = institute;
            this.job = job;
            this.verificationUrl = verificationUrl;
        }

        /** The corrected revision this issue is, or null for the original. */
        Revision revision() {
            return null;
        }


        @Override
        public LocalDate today() {
            return today;
        }

        @Override
        public Institute institute() {
            return institute;
        }

        @Override
        public LocalDate validUntilIfPassed() {
            return planner.plan(job.instrument(), today).due().minusDays(1);
        }

        @Override
        public List<Signature> signatures() {
            return signatures.signaturesOf(job.id());
        }

        @Override
        public String nextNumber(String series) {
            return String.format("%s%s%d-%06d", institute.certificatePrefix(), series, today.getYear(),
                    numbers.next("certificate-" + series, today.getYear()));
        }

        @Override
        public String verificationUrl() {
            return verificationUrl;
        }

        @Override
        public byte[] pdf(CertificateDocument document) {
            return rendering.pdf(document, revision());
        }

        @Override
        public byte[] pdf(CalibrationCertificate certificate) {
            return rendering.pdf(certificate, revision());
        }

        @Override
        public byte[] pdf(org.jiliang.reports.certificate.CheckRecord record) {
            return rendering.pdf(record, revision());
        }

        @Override
        public byte[] pdf(org.jiliang.reports.certificate.InspectionReport report) {
            return rendering.pdf(report, revision());
        }

        @Override
        public byte[] dcc(CalibrationCertificate certificate) {
            String customerEmail = job.instrument().customer().contactEmail();
            if (institute.email().isEmpty() || customerEmail == null || customerEmail.isBlank()) {
                return null;
            }
            byte[] dcc = DigitalCalibrationCertificate.write(certificate,
                    new DigitalCalibrationCertificate.Parties("CN", institute.email().get(),
                            institute.city().orElse(institute.nameZh()), customerEmail, "Jiliang LIMS",
                            softwareRelease()));
            return signing.signDcc(dcc, institute);
        }
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

    /** Customers get their own certificates; staff get all (newest first, at most {@value #MAX_PAGE}). */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public List<CertificateView> certificates() {
        return page(Query.text(null), null, false, 0, MAX_PAGE).rows();
    }

    /** The most certificates one query reads; the longest search text. */
    public static final int MAX_PAGE = 1000;
    public static final int MAX_TEXT = 100;
    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "number", "c.id",
            "issuedAt", "c.issuedAt",
            "validUntil", "c.validUntil",
            "instrument", "i.description",
            "customer", "cu.name");

    /**
     * The certificates' filter (issues 11, 14): a text in the number, the job's number, the instrument or its serial
     * number; the days of issue (the institute's calendar days, both included); the kind — the result: a
     * verification certificate (passed), a notice of non-conformity (failed), a calibration certificate.
     */
    public record Query(String text, LocalDate issuedFrom, LocalDate issuedUntil, String kind) {

        /** By text alone. */
        public static Query text(String text) {
            return new Query(text, null, null, null);
        }
    }

    /**
     * The certificates the caller may see (a customer their own, staff all), a page at a time (issue 11): newest
     * first unless {@code sortBy} names a column, filtered by the query.
     */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public org.jiliang.lims.platform.Paged<CertificateView> page(Query query, String sortBy, boolean ascending,
            int first, int max) {
        org.jiliang.lims.platform.Paged.requirePage(first, max, MAX_PAGE);
        String text = query.text();
        org.jiliang.lims.platform.InputLimits.maxLength(text, MAX_TEXT, "field.text");
        String order = org.jiliang.lims.platform.Paged.orderBy(SORTABLE, sortBy, "c.id");
        StringBuilder where = new StringBuilder("from Certificate c join c.customer cu join c.job j"
                + " join j.instrument i left join CertificateWithdrawal w on w.certificate = c where 1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        UserAccount caller = currentUser.account();
        if (caller.customer() != null) {
            where.append(" and cu.id = :customer");
            parameters.put("customer", caller.customer().id());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(c.number) like :text or lower(j.jobNumber) like :text"
                    + " or lower(i.description) like :text or lower(i.serialNumber) like :text)");
            parameters.put("text", org.jiliang.lims.platform.LikePattern.containing(text));
        }
        if (query.issuedFrom() != null && query.issuedUntil() != null
                && query.issuedUntil().isBefore(query.issuedFrom())) {
            throw new RefusedException("error.certificate.days");
        }
        if (query.issuedFrom() != null) {
            where.append(" and c.issuedAt >= :from");
            parameters.put("from", query.issuedFrom().atStartOfDay(ClockProducer.INSTITUTE_ZONE).toInstant());
        }
        if (query.issuedUntil() != null) {
            where.append(" and c.issuedAt < :until");
            parameters.put("until", query.issuedUntil().plusDays(1).atStartOfDay(ClockProducer.INSTITUTE_ZONE)
                    .toInstant());
        }
        if (query.kind() != null && !query.kind().isBlank()) {
            where.append(" and c.kind = :kind");
            parameters.put("kind", kind(query.kind()));
        }
        String direction = ascending ? " asc" : " desc";
        LocalDate today = LocalDate.now(clock);
        // where each stands, in the same query: the revision replacing it, its withdrawal
        return org.jiliang.lims.platform.Paged.query(em, Object[].class,
                "c, (select r.number from Certificate r where r.supersedes = c), w", "c", where.toString(),
                parameters, order + direction + ", c.id" + direction, first, max,
                row -> view((Certificate) row[0], (String) row[1], (CertificateWithdrawal) row[2], today));
    }

    /** The kinds of certificate by name, as a search offers them: the result a certificate gives. */
    public static final List<String> KINDS = java.util.Arrays.stream(CertificateKind.values()).map(Enum::name)
            .toList();

    /** Certificates in one archive (.zip) of a period: a year of a large owner's scales. */
    public static final int MAX_ARCHIVE = 1000;
    /** The longest period an archive covers. */
    public static final int MAX_ARCHIVE_DAYS = 366;

    /**
     * The certificates of an archive (issue 14): those of the query, which must name its days of issue (at most
     * {@value #MAX_ARCHIVE_DAYS}), oldest first; refused when they are more than {@value #MAX_ARCHIVE}, so that an
     * archive is never cut short silently.
     */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public List<CertificateView> archive(Query query) {
        if (query.issuedFrom() == null || query.issuedUntil() == null || query.issuedUntil().isBefore(
                query.issuedFrom()) || !query.issuedUntil().isBefore(query.issuedFrom().plusDays(MAX_ARCHIVE_DAYS))) {
            throw new RefusedException("error.certificate.archivePeriod", MAX_ARCHIVE_DAYS);
        }
        var selected = page(query, "issuedAt", true, 0, MAX_ARCHIVE);
        if (selected.total() > MAX_ARCHIVE) {
            throw new RefusedException("error.certificate.archiveTooMany", selected.total(), MAX_ARCHIVE);
        }
        return selected.rows();
    }

    private static CertificateKind kind(String name) {
        for (CertificateKind k : CertificateKind.values()) {
            if (k.name().equals(name.strip())) {
                return k;
            }
        }
        throw new RefusedException("error.certificate.kind", name, java.util.Arrays.toString(CertificateKind.values()));
    }

    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public CertificateView certificate(String number) {
        return view(visibleToCaller(number));
    }

    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public CertificatePdf pdf(String number) {
        // the most asked-for answer of the API (issue 14: 200 customers at once): one query, the caller's account,
        // the certificate and its PDF's bytes alone; another customer's certificate is missing, as everywhere
        Object[] row = visiblePdf("c.pdfSha256, x.pdf", number);
        return new CertificatePdf(number, (byte[]) row[1], (String) row[0]);
    }

    /**
     * The hash of the PDF of certificate {@code number} for whoever may have the PDF ({@link #pdf}'s rule), without
     * reading its bytes: all a signed download address needs once the server holds a copy.
     */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public String pdfSha256(String number) {
        return (String) visiblePdf("c.pdfSha256, c.number", number)[0];
    }

    /** The selected columns of certificate {@code number}'s content if the caller may see it, else not found. */
    private Object[] visiblePdf(String columns, String number) {
        List<Object[]> found = em.createQuery("select " + columns + " from CertificateContent x"
                        + " join x.certificate c, UserAccount u left join u.customer uc where u.username = :me"
                        + " and u.enabled = true and c.number = :n and (uc is null or uc = c.customer)", Object[].class)
                .setParameter("me", currentUser.username()).setParameter("n", number).getResultList();
        if (found.isEmpty()) {
            throw new RefusedException("error.certificate.notFound", number);
        }
        return found.get(0);
    }

    /**
     * Every certificate of the job the certificate numbered {@code number} certifies, the original first, then each
     * revision: whoever may see one sees the line, each with its own PDF and hash.
     */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public List<CertificateView> revisions(String number) {
        Certificate c = visibleToCaller(number);
        return em.createQuery("select c from Certificate c where c.job = :j order by c.revision", Certificate.class)
                .setParameter("j", c.job()).getResultStream().map(this::view).toList();
    }

    /** The Digital Calibration Certificate issued with a calibration certificate, to whoever may see the PDF. */
    @RolesAllowed({Roles.CUSTOMER, Roles.APPROVER, Roles.CHECKER, Roles.TECHNICIAN, Roles.QUALITY_MANAGER,
            Roles.INTAKE_CLERK})
    public byte[] dcc(String number) {
        Certificate c = visibleToCaller(number);
        return content(c).dccXml().orElseThrow(() -> new RefusedException("error.certificate.noDcc", number));
    }

    /** The job's certificate: its latest revision. */
    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER})
    public Optional<CertificateView> forJob(long jobId) {
        return em.createQuery("select c from Certificate c where c.job.id = :j order by c.revision desc",
                        Certificate.class)
                .setParameter("j", jobId).setMaxResults(1).getResultStream().findFirst().map(this::view);
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
        Optional<Certificate> newer = supersedingOf(c);
        Optional<CertificateWithdrawal> withdrawal = withdrawalOf(c);
        CertificateStanding standing = CertificateStanding.of(c, newer.isPresent(), withdrawal.isPresent(), today);
        // a verification certificate is valid within its period; a calibration states values and a check record
        // what was found: genuine and standing means valid
        boolean valid = standing == CertificateStanding.VALID && !c.kind().statesFailure();
        Certificate.Certified certified = c.certified();
        String issuer = certified.issuer();
        if (issuer == null) {
            Institute institute = em.createQuery("select i from Institute i", Institute.class)
                    .setMaxResults(1).getSingleResult();
            issuer = institute.nameZh() + " / " + institute.nameEn();
        }
        return new PublicVerification(true, c.number(), c.kind().name(), local(c), c.validUntil(), valid,
                certified.description(), certified.serialNumber(), c.pdfSha256(), issuer, standing,
                certified.manufacturer(), certified.model(), certified.procedureCode(),
                c.supersedes() == null ? null : new PublicVerification.Revision(c.revision(), c.supersedes().number(),
                        c.revisionReason()),
                newer.map(n -> new PublicVerification.Successor(n.number(), n.verificationToken())).orElse(null),
                withdrawal.map(w -> new PublicVerification.Withdrawal(LocalDateTime.ofInstant(w.withdrawnAt(),
                        ClockProducer.INSTITUTE_ZONE), w.reason())).orElse(null), c.verificationToken(),
                hasDcc(c));
    }

    /** Whether a DCC was issued with the certificate, without reading the file. */
    private boolean hasDcc(Certificate c) {
        return em.createQuery("select count(x) from CertificateContent x where x.certificate = :c"
                + " and x.dccXml is not null", Long.class).setParameter("c", c).getSingleResult() > 0;
    }

    /**
     * The signed DCC of the certificate with this token, for anyone holding it (the public check offers it, as it
     * shows the PDF's hash); empty for an unknown token or a certificate without one.
     */
    @PermitAll
    public Optional<CertificateDcc> publicDcc(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return em.createQuery("select c from Certificate c where c.verificationToken = :t", Certificate.class)
                .setParameter("t", token).getResultStream().findFirst()
                .flatMap(c -> content(c).dccXml().map(xml -> new CertificateDcc(c.number(), xml)));
    }

    /** A DCC to download: its file name is the certificate's number. */
    public record CertificateDcc(String number, byte[] xml) {
        public String fileName() {
            return number + ".dcc.xml";
        }
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
        return view(c, supersedingOf(c).map(Certificate::number).orElse(null), withdrawalOf(c).orElse(null),
                LocalDate.now(clock));
    }

    private CertificateView view(Certificate c, String supersededBy, CertificateWithdrawal withdrawal,
            LocalDate today) {
        Certificate.Certified certified = c.certified();
        // certificates issued before the snapshot was kept (V041, backfilled) may lack it: the register's data
        String instrument = certified.description() != null ? certified.description()
                : c.job().instrument().description();
        String serialNumber = certified.serialNumber() != null ? certified.serialNumber()
                : c.job().instrument().serialNumber();
        return new CertificateView(c.number(), c.kind().name(), c.job().jobNumber(), c.customer().name(),
                instrument, serialNumber, local(c), c.validUntil(), c.pdfSha256(),
                verificationUrl(c.verificationToken()),
                CertificateStanding.of(c, supersededBy != null, withdrawal != null, today), c.revision(),
                c.supersedes() == null ? null : c.supersedes().number(), c.revisionReason(), supersededBy,
                withdrawal == null ? null : LocalDateTime.ofInstant(withdrawal.withdrawnAt(),
                        ClockProducer.INSTITUTE_ZONE),
                withdrawal == null ? null : withdrawal.reason());
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
        return Sha256.hex(content);
    }

}
