package org.jiliang.lims.procedure;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.PlausibleConditions;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * Procedures as data: the edition in force on a day, the list of editions, and a new edition. An edition is
 * never edited: jobs keep the edition they were made with, so a change is a new edition with its own date.
 */
@Stateless
public class ProcedureService {

    /** The test plans of the deployed measurement methods (a new plan is code; a new edition of a plan is data). */
    @Inject
    private Instance<TestPlan> plans;

    /** Column lengths of procedure_version. */
    public static final int MAX_CODE = 32;
    public static final int MAX_TITLE = 300;
    public static final int MAX_STANDARD_CLASSES = 100;
    public static final int MAX_LIMITS_SOURCE = 300;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** A new edition as an administrator enters it. */
    public record NewEdition(String code, String title, String kind, LocalDate effectiveFrom, String testPlan,
            String allowedStandardClasses, BigDecimal temperatureMin, BigDecimal temperatureMax,
            BigDecimal humidityMax, String limitsSource) {
    }

    /** The plans an edition may name: those of the deployed measurement methods, sorted. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER,
            Roles.INTAKE_CLERK})
    public List<String> testPlans() {
        return plans.stream().map(TestPlan::testPlan).distinct().sorted().toList();
    }

    @PermitAll // internal: jobs look up their procedure
    public ProcedureVersion inForce(String code, LocalDate day) {
        return em.createQuery("select p from ProcedureVersion p where p.code = :c and p.effectiveFrom <= :d "
                        + "order by p.effectiveFrom desc", ProcedureVersion.class)
                .setParameter("c", code).setParameter("d", day).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.procedure.notInForce", code, day));
    }

    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER,
            Roles.INTAKE_CLERK})
    public List<ProcedureView> editions() {
        LocalDate today = LocalDate.now(clock);
        List<ProcedureVersion> all = em.createQuery("select p from ProcedureVersion p order by p.code, p.effectiveFrom",
                ProcedureVersion.class).getResultList();
        return all.stream().map(p -> view(p, all, today)).toList();
    }

    /** Adds an edition; the same procedure and date twice, an unknown test plan or inverted limits are refused. */
    @RolesAllowed({Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
    public ProcedureView addEdition(NewEdition e) {
        if (blank(e.code()) || blank(e.title()) || blank(e.kind()) || e.effectiveFrom() == null
                || blank(e.testPlan()) || blank(e.allowedStandardClasses()) || e.temperatureMin() == null
                || e.temperatureMax() == null || e.humidityMax() == null || blank(e.limitsSource())) {
            throw new RefusedException("error.procedure.incomplete");
        }
        InputLimits.maxLength(e.code(), MAX_CODE, "field.code");
        InputLimits.maxLength(e.title(), MAX_TITLE, "field.title");
        InputLimits.maxLength(e.allowedStandardClasses(), MAX_STANDARD_CLASSES, "field.allowedStandardClasses");
        InputLimits.maxLength(e.limitsSource(), MAX_LIMITS_SOURCE, "field.limitsSource");
        PlausibleConditions.requireTemperature(e.temperatureMin());
        PlausibleConditions.requireTemperature(e.temperatureMax());
        PlausibleConditions.requireHumidity(e.humidityMax());
        if (!testPlans().contains(e.testPlan().strip())) {
            throw new RefusedException("error.procedure.unknownTestPlan", e.testPlan(),
                    String.join(", ", testPlans()));
        }
        if (!Set.of("VERIFICATION", "CALIBRATION").contains(e.kind().strip())) {
            throw new RefusedException("error.procedure.kind", e.kind());
        }
        if (e.temperatureMin().compareTo(e.temperatureMax()) >= 0 || e.humidityMax().signum() <= 0
                || e.humidityMax().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RefusedException("error.procedure.limits", e.temperatureMin(), e.temperatureMax(),
                    e.humidityMax());
        }
        long same = em.createQuery("select count(p) from ProcedureVersion p where p.code = :c and p.effectiveFrom = :d",
                Long.class).setParameter("c", e.code().strip()).setParameter("d", e.effectiveFrom()).getSingleResult();
        if (same > 0) {
            throw new RefusedException("error.procedure.duplicate", e.code(), e.effectiveFrom());
        }
        Set<String> classes = Arrays.stream(e.allowedStandardClasses().split("[,，\\s]+")).map(String::strip)
                .filter(c -> !c.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        ProcedureVersion p = new ProcedureVersion(e.code().strip(), e.title().strip(), e.kind().strip(),
                e.effectiveFrom(), e.testPlan().strip(), classes, e.temperatureMin(), e.temperatureMax(),
                e.humidityMax(), e.limitsSource().strip());
        em.persist(p);
        em.flush();
        audit.record(new AuditEvent(currentUser.account().username(), "procedure.created", "ProcedureVersion",
                p.code() + " @ " + p.effectiveFrom(), null, null, p.code() + " " + p.title() + " from "
                        + p.effectiveFrom() + ", plan " + p.testPlan() + ", standards " + p.allowedStandardClasses()
                        + ", " + p.limitsText() + " (" + p.limitsSource() + ")", null));
        return view(p, List.of(p), LocalDate.now(clock));
    }

    private static ProcedureView view(ProcedureVersion p, List<ProcedureVersion> all, LocalDate today) {
        ProcedureVersion current = all.stream()
                .filter(o -> o.code().equals(p.code()) && !o.effectiveFrom().isAfter(today))
                .max(java.util.Comparator.comparing(ProcedureVersion::effectiveFrom)).orElse(null);
        return new ProcedureView(p.id(), p.code(), p.title(), p.kind(), p.effectiveFrom(), p.testPlan(),
                String.join(", ", p.allowedStandardClasses()), p.limitsText(), p.limitsSource(),
                current != null && current.id().equals(p.id()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
