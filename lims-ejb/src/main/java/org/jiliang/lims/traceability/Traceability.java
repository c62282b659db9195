package org.jiliang.lims.traceability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.certificate.Certificate;
import org.jiliang.lims.certificate.ReceivedDcc;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.platform.Sha256;

/**
 * The calibrations of the institute's standards and reverse traceability. A standard found out of tolerance has
 * spoiled every certificate of a job that used it since its last good calibration or check (level 1); if one of those
 * certificates is the calibration of another of the institute's standards, that standard's uses after the calibration
 * (until its next one) are spoiled too (level 2), and so on down.
 */
@Stateless
public class Traceability {

    /** The largest DCC accepted. */
    public static final int MAX_DCC_BYTES = ReceivedDcc.MAX_BYTES;

    /** The most values a DCC may bring to one calibration. */
    public static final int MAX_VALUES = 500;

    /** How deep reverse traceability follows standards calibrated under spoiled certificates. */
    public static final int MAX_LEVELS = 10;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private StandardService standards;

    /** A calibration as the quality manager records it; {@code internalCertificate}: ours, when we calibrated it. */
    public record CalibrationDetails(String laboratory, String certificateNumber, LocalDate calibratedOn,
            LocalDate dueDate, String internalCertificate) {
    }

    /** A calibration with its values and, when kept, its certificate file's name and SHA-256. */
    public record CalibrationView(long id, LocalDate calibratedOn, LocalDate dueDate, String laboratory,
            String certificateNumber, String internalCertificate, String recordedBy, List<ValueView> values,
            String documentName, String documentSha256) {
    }

    /** A calibration's certificate file, as received. */
    public record DocumentView(String fileName, String mediaType, String sha256, byte[] content) {
    }

    /** A value of a calibration. */
    public record ValueView(int ordinal, String name, BigDecimal value, String unit, BigDecimal expandedUncertainty,
            BigDecimal coverageFactor) {

        static ValueView of(CalibrationValue v) {
            return new ValueView(v.ordinal(), v.name(), v.value(), v.unit(), v.expandedUncertainty(),
                    v.coverageFactor());
        }
    }

    /**
     * A certificate a standard has spoiled.
     *
     * @param level      1: its job used the standard; 2: it used a standard calibrated under a level-1 certificate; …
     * @param via        the standard its job used
     * @param testPoints how many test points its job has
     */
    public record Affected(int level, String certificate, Instant issuedAt, String jobNumber, String ownerCode,
            String ownerName, String instrument, String serialNumber, String via, long testPoints) {
    }

    /**
     * Records a calibration of a standard and makes it the standard's current one (certificate, dates). A calibration
     * by the institute names our certificate, which must exist and must not be of a job that used this same standard.
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public CalibrationView recordCalibration(String standardCode, CalibrationDetails d) {
        MeasurementStandard standard = standard(standardCode);
        Certificate internal = null;
        String ours = d.internalCertificate() == null ? "" : d.internalCertificate().strip();
        if (!ours.isEmpty()) {
            internal = em.createQuery("select c from Certificate c where c.number = :n", Certificate.class)
                    .setParameter("n", ours).getResultStream().findFirst()
                    .orElseThrow(() -> new RefusedException("error.trace.unknownCertificate", ours));
            boolean usedItself = !em.createQuery("select u.id from StandardUse u where u.job = :j and u.standard = :s",
                    Long.class).setParameter("j", internal.job()).setParameter("s", standard).getResultList().isEmpty();
            if (usedItself) {
                throw new RefusedException("error.trace.selfCalibration", ours, standard.code());
            }
        }
        StandardCalibration c = record(standard, d, internal);
        return view(c, List.of(), null);
    }

    /**
     * Imports the DCC an upper-level laboratory issued for the standard: read only when it is safe XML (no DOCTYPE,
     * nothing fetched) and valid against the DCC 3.1.2 schema; its number, laboratory, date and every value with U and
     * k become the standard's current calibration, the file is kept byte for byte. The due date is ours to state: a
     * DCC carries none. Refused with the reason, nothing stored, when any of it fails.
     */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public CalibrationView importDcc(String standardCode, byte[] xml, String fileName, LocalDate dueDate) {
        MeasurementStandard standard = standard(standardCode);
        ReceivedDcc.Content dcc = ReceivedDcc.read(xml);
        String name = fileName == null || fileName.isBlank() ? dcc.certificateNumber() + ".xml" : fileName.strip();
        InputLimits.maxLength(name, 200, "field.fileName");
        List<ReceivedDcc.Value> values = dcc.values();
        if (values.size() > MAX_VALUES) {
            throw new RefusedException("error.dcc.tooManyValues", values.size(), MAX_VALUES);
        }
        for (ReceivedDcc.Value v : values) {
            if (v.name().length() > 200 || v.unit().length() > 40) {
                throw new RefusedException("error.dcc.tooLong", v.name().length() > 60 ? v.name().substring(0, 60)
                        + "…" : v.name());
            }
            if (!InputLimits.within(v.coverageFactor(), "1", "10", 2, 3) || v.expandedUncertainty().signum() < 0) {
                throw new RefusedException("error.dcc.uncertainty", v.name(), v.expandedUncertainty().toPlainString(),
                        v.coverageFactor().toPlainString());
            }
        }
        StandardCalibration c = record(standard, new CalibrationDetails(dcc.laboratory(), dcc.certificateNumber(),
                dcc.calibratedOn(), dueDate, null), null);
        List<CalibrationValue> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ReceivedDcc.Value v = values.get(i);
            CalibrationValue value = new CalibrationValue(c, i + 1, v.name(), v.value(), v.unit(),
                    v.expandedUncertainty(), v.coverageFactor());
            em.persist(value);
            kept.add(value);
        }
        CalibrationDocument document = new CalibrationDocument(c, name, "application/xml", Sha256.hex(xml), xml);
        em.persist(document);
        em.flush();
        audit.record(new AuditEvent(currentUser.account().username(), "standard.dccImported", "MeasurementStandard",
                standard.code(), null, null, dcc.certificateNumber() + " (" + values.size() + " values), " + name
                        + " sha256 " + document.sha256(), null));
        return view(c, kept, document);
    }

    /** The certificate file kept with a calibration of the standard. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public DocumentView document(String standardCode, long calibrationId) {
        MeasurementStandard standard = standard(standardCode);
        CalibrationDocument d = em.createQuery("select d from CalibrationDocument d where d.calibration.id = :id"
                        + " and d.calibration.standard = :s", CalibrationDocument.class)
                .setParameter("id", calibrationId).setParameter("s", standard).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.trace.document.notFound", calibrationId));
        return new DocumentView(d.fileName(), d.mediaType(), d.sha256(), d.content());
    }

    private CalibrationView view(StandardCalibration c, List<CalibrationValue> values, CalibrationDocument d) {
        return new CalibrationView(c.id(), c.calibratedOn(), c.dueDate(), c.laboratory(), c.certificateNumber(),
                c.internalCertificate() == null ? null : c.internalCertificate().number(), c.recordedBy(),
                values.stream().map(ValueView::of).toList(), d == null ? null : d.fileName(),
                d == null ? null : d.sha256());
    }

    private StandardCalibration record(MeasurementStandard standard, CalibrationDetails d, Certificate internal) {
        String laboratory = Texts.required(d.laboratory(), 200, "error.trace.laboratory");
        String number = Texts.required(d.certificateNumber(), 100, "error.standard.certificate");
        LocalDate today = LocalDate.now(clock);
        if (d.calibratedOn() == null || d.dueDate() == null || d.dueDate().isBefore(d.calibratedOn())
                || d.calibratedOn().isAfter(today)) {
            throw new RefusedException("error.trace.dates", d.calibratedOn(), d.dueDate(), today);
        }
        String before = standard.describe();
        StandardCalibration c = new StandardCalibration(standard, d.calibratedOn(), d.dueDate(), laboratory, number,
                internal, currentUser.account().username(), clock.instant());
        em.persist(c);
        standard.recalibrated(number, standard.traceableTo(), d.calibratedOn(), d.dueDate());
        em.flush();
        audit.record(new AuditEvent(currentUser.account().username(), "standard.calibrationRecorded",
                "MeasurementStandard", standard.code(), null, before, standard.describe() + "; by " + laboratory
                        + (internal == null ? "" : " under our certificate " + internal.number()), null));
        return c;
    }


    /** A standard's recorded calibrations, newest first. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<CalibrationView> calibrationsOf(String standardCode) {
        List<StandardCalibration> calibrations = em.createQuery("select c from StandardCalibration c"
                        + " left join fetch c.internalCertificate where c.standard = :s"
                        + " order by c.calibratedOn desc, c.id desc", StandardCalibration.class)
                .setParameter("s", standard(standardCode)).getResultList();
        if (calibrations.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, List<CalibrationValue>> values = new java.util.HashMap<>();
        em.createQuery("select v from CalibrationValue v where v.calibration in :c order by v.ordinal",
                CalibrationValue.class).setParameter("c", calibrations).getResultStream()
                .forEach(v -> values.computeIfAbsent(v.calibrationId(), k -> new ArrayList<>()).add(v));
        java.util.Map<Long, Object[]> documents = new java.util.HashMap<>();
        em.createQuery("select d.calibration.id, d.fileName, d.sha256 from CalibrationDocument d"
                + " where d.calibration in :c", Object[].class).setParameter("c", calibrations).getResultStream()
                .forEach(r -> documents.put((Long) r[0], r));
        return calibrations.stream().map(c -> {
            Object[] d = documents.get(c.id());
            return new CalibrationView(c.id(), c.calibratedOn(), c.dueDate(), c.laboratory(), c.certificateNumber(),
                    c.internalCertificate() == null ? null : c.internalCertificate().number(), c.recordedBy(),
                    values.getOrDefault(c.id(), List.of()).stream().map(ValueView::of).toList(),
                    d == null ? null : (String) d[1], d == null ? null : (String) d[2]);
        }).toList();
    }

    /** What a link of the upward chain is. */
    public enum LinkKind {
        /** One of our certificates. */
        CERTIFICATE,
        /** One of our standards, as used. */
        STANDARD,
        /** A calibration of that standard: by an upper-level laboratory, or by us under one of our certificates. */
        CALIBRATION,
        /** Where the chain leaves the institute's records: what the standard is traceable to, as registered. */
        SOURCE
    }

    /** A link of the upward chain, with the links it rests on. */
    public record Link(LinkKind kind, String label, String detail, List<Link> above) {
    }

    /**
     * The upward chain of one of our certificates: the standards its job used (every test point of a job was measured
     * with the standards it selected before the first reading), the calibration of each in force on the day of use,
     * and, where we calibrated the standard ourselves, that certificate's chain in turn, up to the laboratory outside
     * and what the standard is traceable to.
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public Link chainOfCertificate(String number) {
        String n = number == null ? "" : number.strip();
        Certificate c = em.createQuery("select c from Certificate c where c.number = :n", Certificate.class)
                .setParameter("n", n).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.certificate.notFound", n));
        return certificateLink(c, new HashSet<>(), 0);
    }

    /** The upward chain of a standard as it stands today. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public Link chainOfStandard(String standardCode) {
        return standardLink(standard(standardCode), LocalDate.now(clock), new HashSet<>(), 0);
    }

    private Link certificateLink(Certificate c, Set<Long> seen, int depth) {
        List<Link> above = new ArrayList<>();
        if (seen.add(c.id()) && depth < MAX_LEVELS) {
            for (Object[] r : em.createQuery("select u.standard, u.selectedAt from StandardUse u where u.job = :j"
                    + " order by u.id", Object[].class).setParameter("j", c.job()).getResultList()) {
                LocalDate used = ((Instant) r[1]).atZone(ClockProducer.INSTITUTE_ZONE).toLocalDate();
                above.add(standardLink((MeasurementStandard) r[0], used, seen, depth + 1));
            }
        }
        return new Link(LinkKind.CERTIFICATE, c.number(), c.customer().name() + " · " + c.job().instrument()
                .description() + " · " + c.issuedAt().atZone(ClockProducer.INSTITUTE_ZONE).toLocalDate(), above);
    }

    private Link standardLink(MeasurementStandard s, LocalDate on, Set<Long> seen, int depth) {
        StandardCalibration inForce = em.createQuery("select c from StandardCalibration c left join fetch"
                        + " c.internalCertificate where c.standard = :s and c.calibratedOn <= :on"
                        + " order by c.calibratedOn desc, c.id desc", StandardCalibration.class)
                .setParameter("s", s).setParameter("on", on).setMaxResults(1).getResultStream().findFirst()
                .orElse(null);
        Link source = new Link(LinkKind.SOURCE, s.traceableTo(), null, List.of());
        Link calibration;
        if (inForce == null) {
            // registered with its certificate before calibrations were recorded: what the register says
            calibration = new Link(LinkKind.CALIBRATION, s.certificateNumber(), String.valueOf(s.calibratedOn()),
                    List.of(source));
        } else {
            Link up = inForce.internalCertificate() == null ? source
                    : certificateLink(inForce.internalCertificate(), seen, depth + 1);
            calibration = new Link(LinkKind.CALIBRATION, inForce.certificateNumber(), inForce.laboratory() + " · "
                    + inForce.calibratedOn() + " – " + inForce.dueDate(), List.of(up));
        }
        return new Link(LinkKind.STANDARD, s.code(), s.name() + " (" + s.accuracy() + ") · " + on,
                List.of(calibration));
    }

    /** A standard to follow from a moment (and until one, or null), at a level. */
    private record Frontier(MeasurementStandard standard, Instant from, Instant until, int level) {
    }

    /**
     * The certificates a standard has spoiled if it was wrong from {@code since} on: every certificate of a job that
     * selected it on or after that day, then those of the standards calibrated under them, level by level, each
     * certificate once (at its first level).
     */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<Affected> affectedBy(String standardCode, LocalDate since) {
        MeasurementStandard start = standard(standardCode);
        if (since == null) {
            throw new RefusedException("error.trace.since");
        }
        List<Affected> affected = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Frontier> frontier = List.of(new Frontier(start, startOf(since), null, 1));
        while (!frontier.isEmpty()) {
            List<Long> spoiled = new ArrayList<>();
            for (Frontier f : frontier) {
                var query = em.createQuery("select c.id, c.number, c.issuedAt, j.jobNumber, cu.code,"
                                // count(p.ordinal): the index on (job, ordinal) alone answers it, without
                                // reading a test point (count(p) reads each: 2.5 times slower at 20 M points)
                                + " cu.name, i.description, i.serialNumber, (select count(p.ordinal) from TestPoint p"
                                + " where p.job = j) from StandardUse u join u.job j join j.instrument i,"
                                + " Certificate c join c.customer cu where c.job = j and u.standard = :s"
                                + " and u.selectedAt >= :from" + (f.until() == null ? "" : " and u.selectedAt < :until")
                                + " order by c.issuedAt, c.id", Object[].class)
                        .setParameter("s", f.standard()).setParameter("from", f.from());
                if (f.until() != null) {
                    query.setParameter("until", f.until());
                }
                List<Object[]> rows = query.getResultList();
                for (Object[] r : rows) {
                    if (seen.add((Long) r[0])) {
                        spoiled.add((Long) r[0]);
                        affected.add(new Affected(f.level(), (String) r[1], (Instant) r[2], (String) r[3],
                                (String) r[4], (String) r[5], (String) r[6], (String) r[7], f.standard().code(),
                                (Long) r[8]));
                    }
                }
            }
            if (spoiled.isEmpty() || frontier.get(0).level() >= MAX_LEVELS) {
                break;
            }
            int next = frontier.get(0).level() + 1;
            List<Frontier> deeper = new ArrayList<>();
            for (StandardCalibration c : em.createQuery("select c from StandardCalibration c join fetch c.standard"
                    + " where c.internalCertificate.id in :ids", StandardCalibration.class)
                    .setParameter("ids", spoiled).getResultList()) {
                LocalDate nextCalibration = em.createQuery("select min(n.calibratedOn) from StandardCalibration n"
                        + " where n.standard = :s and n.calibratedOn > :on", LocalDate.class)
                        .setParameter("s", c.standard()).setParameter("on", c.calibratedOn()).getSingleResult();
                deeper.add(new Frontier(c.standard(), startOf(c.calibratedOn()),
                        nextCalibration == null ? null : startOf(nextCalibration), next));
            }
            frontier = deeper;
        }
        return affected;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ClockProducer.INSTITUTE_ZONE).toInstant();
    }

    private MeasurementStandard standard(String code) {
        return standards.require(code);
    }
}
