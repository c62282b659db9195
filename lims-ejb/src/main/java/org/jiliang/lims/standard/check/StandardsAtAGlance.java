package org.jiliang.lims.standard.check;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.standard.AssessmentRule;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardStatus;

/**
 * The quality manager's view of every standard at a glance (issue 13): its calibration status (valid, due soon,
 * overdue, suspended), what its checks say (a check overdue by its plan, an open case out of control or out of
 * tolerance) and whether its assessment certificate is due for re-examination, counted and listed, filtered by any.
 */
@Stateless
@RolesAllowed({Roles.QUALITY_MANAGER, Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.ADMINISTRATOR})
public class StandardsAtAGlance {

    /** What the overview counts; a standard has one calibration status and any of the others. */
    public enum Flag {
        VALID, DUE_SOON, OVERDUE, SUSPENDED, CHECK_OVERDUE, OUT_OF_CONTROL, OUT_OF_TOLERANCE,
        /** A case is open because a yearly stability or repeatability evaluation failed. */
        EVALUATION_FAILED,
        /** Its assessment certificate's re-examination is due (JJF 1033), or the certificate has expired. */
        ASSESSMENT_EXPIRING
    }

    /**
     * A standard at a glance.
     *
     * @param nextCheck the day its next intermediate check is due by its plan (null: no plan)
     */
    public record Row(String code, String name, StandardStatus status, LocalDate dueDate, LocalDate nextCheck,
            Set<Flag> flags) {
    }

    /** How many standards carry each flag (by its name), and the standards the filter selects (all without one). */
    public record Overview(Map<String, Long> counts, List<Row> rows) {
    }

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;

    public Overview overview(Flag filter) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, LocalDate> nextCheck = new HashMap<>();
        // a plan's next check: its interval after the last check, or after the plan was stated if none yet
        for (Object[] r : em.createQuery("select p.standard.id, p.intervalDays, p.createdAt, max(c.performedOn)"
                + " from CheckPlan p left join IntermediateCheck c on c.plan = p"
                + " group by p.standard.id, p.intervalDays, p.createdAt", Object[].class).getResultList()) {
            LocalDate from = r[3] != null ? (LocalDate) r[3]
                    : ((java.time.Instant) r[2]).atZone(clock.getZone()).toLocalDate();
            nextCheck.put((Long) r[0], from.plusDays((Integer) r[1]));
        }
        Map<Long, Set<Flag>> cases = new HashMap<>();
        for (Object[] r : em.createQuery("select c.standard.id, c.kind from StandardCase c where c.state = :open",
                Object[].class).setParameter("open", StandardCase.State.OPEN).getResultList()) {
            cases.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add(Flag.valueOf(((StandardCase.Kind) r[1])
                    .name()));
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Flag f : Flag.values()) {
            counts.put(f.name(), 0L);
        }
        List<Row> rows = new java.util.ArrayList<>();
        for (MeasurementStandard s : em.createQuery("select s from MeasurementStandard s order by s.dueDate, s.code",
                MeasurementStandard.class).getResultList()) {
            StandardStatus status = s.statusOn(today);
            Set<Flag> flags = EnumSet.of(Flag.valueOf(status.name()));
            LocalDate next = nextCheck.get(s.id());
            if (next != null && next.isBefore(today)) {
                flags.add(Flag.CHECK_OVERDUE);
            }
            flags.addAll(cases.getOrDefault(s.id(), Set.of()));
            AssessmentRule.State assessment = AssessmentRule.on(s.assessmentValidUntil(), today);
            if (assessment == AssessmentRule.State.REEXAMINATION_DUE || assessment == AssessmentRule.State.EXPIRED) {
                flags.add(Flag.ASSESSMENT_EXPIRING);
            }
            flags.forEach(f -> counts.merge(f.name(), 1L, Long::sum));
            if (filter == null || flags.contains(filter)) {
                rows.add(new Row(s.code(), s.name(), status, s.dueDate(), next, flags));
            }
        }
        return new Overview(counts, rows);
    }
}
