package org.jiliang.lims.traceability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardService;

/**
 * The calibrations of the institute's standards and reverse traceability. A standard found out of tolerance has
 * spoiled every certificate of a job that used it since its last good calibration or check (level 1); if one of those
 * certificates is the calibration of another of the institute's standards, that standard's uses after the calibration
 * (until its next one) are spoiled too (level 2), and so on down.
 */
@Stateless
public class Traceability {

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

    public record CalibrationView(LocalDate calibratedOn, LocalDate dueDate, String laboratory,
            String certificateNumber, String internalCertificate, String recordedBy) {

        static CalibrationView of(StandardCalibration c) {
            return new CalibrationView(c.calibratedOn(), c.dueDate(), c.laboratory(), c.certificateNumber(),
                    c.internalCertificate() == null ? null : c.internalCertificate().number(), c.recordedBy());
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
        String laboratory = Texts.required(d.laboratory(), 200, "error.trace.laboratory");
        String number = Texts.required(d.certificateNumber(), 100, "error.standard.certificate");
        LocalDate today = LocalDate.now(clock);
        if (d.calibratedOn() == null || d.dueDate() == null || d.dueDate().isBefore(d.calibratedOn())
                || d.calibratedOn().isAfter(today)) {
            throw new RefusedException("error.trace.dates", d.calibratedOn(), d.dueDate(), today);
        }
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
        String before = standard.describe();
        StandardCalibration c = new StandardCalibration(standard, d.calibratedOn(), d.dueDate(), laboratory, number,
                internal, currentUser.account().username(), clock.instant());
        em.persist(c);
        standard.recalibrated(number, standard.traceableTo(), d.calibratedOn(), d.dueDate());
        em.flush();
        audit.record(new AuditEvent(currentUser.account().username(), "standard.calibrationRecorded",
                "MeasurementStandard", standard.code(), null, before, standard.describe() + "; by " + laboratory
                        + (internal == null ? "" : " under our certificate " + internal.number()), null));
        return CalibrationView.of(c);
    }

    /** A standard's recorded calibrations, newest first. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<CalibrationView> calibrationsOf(String standardCode) {
        return em.createQuery("select c from StandardCalibration c left join fetch c.internalCertificate"
                        + " where c.standard = :s order by c.calibratedOn desc, c.id desc", StandardCalibration.class)
                .setParameter("s", standard(standardCode)).getResultStream().map(CalibrationView::of).toList();
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
                                + " cu.name, i.description, i.serialNumber, (select count(p) from TestPoint p"
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
