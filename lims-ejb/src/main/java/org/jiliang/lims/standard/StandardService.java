package org.jiliang.lims.standard;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Texts;

/** The register of measurement standards with their status computed for today. */
@Stateless
public class StandardService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** Capital letters, digits and hyphens, 2 to 32 characters, e.g. STD-F1-001. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
    public List<StandardView> standards() {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("select s from MeasurementStandard s order by s.dueDate", MeasurementStandard.class)
                .getResultStream().map(s -> StandardView.of(s, today)).toList();
    }

    /** What a quality manager records of a standard (its calibration certificate and where it is traceable to). */
    public record StandardDetails(String code, String name, String accuracy, String serialNumber,
            String certificateNumber, String traceableTo, LocalDate calibratedOn, LocalDate dueDate) {
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView register(StandardDetails d) {
        String code = d.code() == null ? "" : d.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new RefusedException("error.standard.code", code);
        }
        if (findByCode(code).isPresent()) {
            throw new RefusedException("error.standard.exists", code);
        }
        dates(d);
        MeasurementStandard s = new MeasurementStandard(code, Texts.required(d.name(), 200, "error.standard.name"),
                Texts.required(d.accuracy(), 64, "error.standard.accuracy"),
                Texts.required(d.serialNumber(), 100, "error.standard.serial"),
                Texts.required(d.certificateNumber(), 100, "error.standard.certificate"),
                Texts.required(d.traceableTo(), 200, "error.standard.traceableTo"), d.calibratedOn(), d.dueDate());
        em.persist(s);
        record("standard.registered", code, null, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    /** Corrects the description or records a new calibration (certificate, dates); the code stays. */
    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView update(String code, StandardDetails d) {
        MeasurementStandard s = existing(code);
        dates(d);
        String before = s.describe();
        s.describeAs(Texts.required(d.name(), 200, "error.standard.name"),
                Texts.required(d.accuracy(), 64, "error.standard.accuracy"),
                Texts.required(d.serialNumber(), 100, "error.standard.serial"));
        s.recalibrated(Texts.required(d.certificateNumber(), 100, "error.standard.certificate"),
                Texts.required(d.traceableTo(), 200, "error.standard.traceableTo"), d.calibratedOn(), d.dueDate());
        record("standard.changed", s.code(), before, s.describe(), null);
        return StandardView.of(s, LocalDate.now(clock));
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView suspend(String code, String reason) {
        MeasurementStandard s = existing(code);
        if (s.suspended()) {
            throw new RefusedException("error.standard.alreadySuspended", s.code());
        }
        String why = Texts.required(reason, 300, "error.standard.reason");
        String before = s.describe();
        s.suspend();
        record("standard.suspended", s.code(), before, s.describe(), why);
        return StandardView.of(s, LocalDate.now(clock));
    }

    @RolesAllowed(Roles.QUALITY_MANAGER)
    public StandardView reinstate(String code, String reason) {
        MeasurementStandard s = existing(code);
        if (!s.suspended()) {
            throw new RefusedException("error.standard.notSuspended", s.code());
        }
        String why = Texts.required(reason, 300, "error.standard.reason");
        String before = s.describe();
        s.reinstate();
        record("standard.reinstated", s.code(), before, s.describe(), why);
        return StandardView.of(s, LocalDate.now(clock));
    }

    private MeasurementStandard existing(String code) {
        return findByCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new RefusedException("error.standard.notFound", code));
    }

    private static void dates(StandardDetails d) {
        if (d.calibratedOn() == null || d.dueDate() == null || d.dueDate().isBefore(d.calibratedOn())) {
            throw new RefusedException("error.standard.dates", d.calibratedOn(), d.dueDate());
        }
    }


    private void record(String action, String code, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "MeasurementStandard", code, null,
                before, after, reason));
    }

    @PermitAll
    public Optional<MeasurementStandard> findByCode(String code) {
        return em.createQuery("select s from MeasurementStandard s where s.code = :c", MeasurementStandard.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
