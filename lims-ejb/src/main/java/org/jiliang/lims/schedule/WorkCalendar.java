package org.jiliang.lims.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.order.JobState;
import org.jiliang.lims.order.StandardUse;
import org.jiliang.lims.order.VerificationJob;
import org.jiliang.lims.personnel.Activity;
import org.jiliang.lims.personnel.AuthorizationService;
import org.jiliang.lims.personnel.UserAccount;
import org.jiliang.lims.personnel.UserAccountRepository;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.registry.RegistryCaller;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardStatus;

/**
 * The work calendar (issue 12): the jobs planned for each day, per technician, and the institute's own standards
 * falling due (their recalibration plan, 计量标准周期检定计划). The clerk moves a job to another day or another
 * technician; refused, with the reason, when the technician holds no valid authorization for the procedure on that
 * day, when no standard the job would use is valid on that day, or when the technician's day is full.
 */
@Stateless
@RolesAllowed({Roles.INTAKE_CLERK, Roles.ADMINISTRATOR, Roles.QUALITY_MANAGER, Roles.TECHNICIAN})
public class WorkCalendar {

    /** Jobs a technician takes on in a day (a setting, {@link org.jiliang.lims.platform.Settings#calendarCapacity}). */
    public static int capacity() {
        return org.jiliang.lims.platform.Settings.calendarCapacity();
    }

    /** Days a calendar query may span. */
    public static final int MAX_DAYS = 93;

    private static final List<JobState> PLANNABLE = List.of(JobState.RECEIVED, JobState.ASSIGNED);

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private AuthorizationService authorizations;
    @Inject
    private UserAccountRepository accounts;
    @Inject
    private AuditTrail audit;
    @Inject
    private RegistryCaller caller;
    @Inject
    private Clock clock;

    /**
     * A job on the calendar; {@code warning} says why it may not be done as planned (a standard falling due
     * before the day), null when nothing does.
     */
    public record JobEvent(long jobId, String jobNumber, LocalDate day, String technician, String technicianName,
            String benchDevice, String instrument, String owner, boolean onSite, String location, String state,
            String warning) {
    }

    /** One of the institute's standards falling due: its recalibration. */
    public record StandardDue(String code, String name, LocalDate dueDate, String certificateNumber,
            String calibratedBy) {
    }

    /** How many jobs a technician has on a day. */
    public record Load(String technician, LocalDate day, long jobs, int capacity) {
    }

    /** The {@code place} of {@link #jobs} that selects the jobs done on site, with the field kits. */
    public static final String ON_SITE = "on-site";

    /** A bench the calendar shows the jobs of: a bench device's code and name. */
    public record Bench(String code, String name) {
    }

    /**
     * The jobs of the span, of one technician or all, at one place or all: a bench or a field kit (its device's
     * code: the jobs that use it, at the lab or carried on site), or {@value #ON_SITE} for every job done where the
     * instrument is used.
     */
    public List<JobEvent> jobs(LocalDate from, LocalDate to, String technician, String place) {
        span(from, to);
        InputLimits.maxLength(technician, 100, "field.technician");
        InputLimits.maxLength(place, 100, "field.benchDevice");
        // JPA allows no alias on a fetch join: the instrument's customer is read with it when first asked
        StringBuilder q = new StringBuilder("select j from VerificationJob j join fetch j.instrument"
                + " left join fetch j.technician left join fetch j.benchDevice"
                + " where j.plannedDate between :from and :to");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>(java.util.Map.of("from", from, "to", to));
        if (technician != null && !technician.isBlank()) {
            q.append(" and j.technician.username = :t");
            parameters.put("t", technician.strip());
        }
        if (ON_SITE.equals(place)) {
            q.append(" and j.onSite = true");
        } else if (place != null && !place.isBlank()) {
            q.append(" and j.benchDevice.code = :bench"); // at the lab, or carried on site as a field kit
            parameters.put("bench", place.strip());
        }
        var query = em.createQuery(q + " order by j.plannedDate, j.id", VerificationJob.class);
        parameters.forEach(query::setParameter);
        java.util.Map<Long, List<MeasurementStandard>> byDevice = new java.util.HashMap<>();
        return query.setMaxResults(5000).getResultStream().map(j -> event(j, byDevice)).toList();
    }

    /** The benches the calendar can show: the bench devices in use, by code. */
    public List<Bench> benches() {
        return em.createQuery("select d from BenchDevice d where d.retiredAt is null order by d.code",
                        org.jiliang.lims.bench.BenchDevice.class).getResultStream()
                .map(d -> new Bench(d.code(), d.name())).toList();
    }

    /** The standards falling due in the span: the recalibration plan. */
    public List<StandardDue> standardsDue(LocalDate from, LocalDate to) {
        span(from, to.isAfter(from.plusDays(MAX_DAYS)) ? from : to);
        return em.createQuery("select s from MeasurementStandard s where s.dueDate between :from and :to"
                        + " order by s.dueDate, s.code", MeasurementStandard.class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .map(s -> new StandardDue(s.code(), s.name(), s.dueDate(), s.certificateNumber(), s.traceableTo()))
                .toList();
    }

    /** The year's recalibration plan: every standard falling due in it. */
    public List<StandardDue> recalibrationPlan(int year) {
        return em.createQuery("select s from MeasurementStandard s where s.dueDate between :from and :to"
                        + " order by s.dueDate, s.code", MeasurementStandard.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getResultStream()
                .map(s -> new StandardDue(s.code(), s.name(), s.dueDate(), s.certificateNumber(), s.traceableTo()))
                .toList();
    }

    /**
     * Moves a planned (or unplanned) job to a day and, optionally, another technician; the checks of the class
     * comment. The job must not have started.
     */
    @RolesAllowed({Roles.INTAKE_CLERK, Roles.ADMINISTRATOR})
    public JobEvent plan(long jobId, LocalDate day, String technicianUsername) {
        VerificationJob job = em.find(VerificationJob.class, jobId);
        if (job == null) {
            throw new RefusedException("error.calendar.jobNotFound", jobId);
        }
        if (!PLANNABLE.contains(job.state())) {
            throw new RefusedException("error.calendar.started", job.jobNumber(), job.state());
        }
        LocalDate today = LocalDate.now(clock);
        if (day == null || day.isBefore(today) || day.isAfter(today.plusYears(1))) {
            throw new RefusedException("error.calendar.day", day, today, today.plusYears(1));
        }
        UserAccount technician = technicianUsername == null || technicianUsername.isBlank() ? job.technician()
                : accounts.findByUsername(technicianUsername.strip()).filter(a -> a.hasRole(Roles.TECHNICIAN))
                        .orElseThrow(() -> new RefusedException("error.calendar.noTechnician", technicianUsername));
        if (technician != null) {
            // a valid authorization for the procedure on that day, not today
            authorizations.require(technician, job.procedureCode(), Activity.PERFORM, day);
            long planned = em.createQuery("select count(j) from VerificationJob j where j.technician = :t"
                            + " and j.plannedDate = :d and j.id <> :self", Long.class)
                    .setParameter("t", technician).setParameter("d", day).setParameter("self", job.id())
                    .getSingleResult();
            if (planned >= capacity()) {
                throw new RefusedException("error.calendar.full", technician.displayName(), day, planned, capacity());
            }
        }
        requireStandards(job, day);
        String before = job.plannedDate() + " " + (job.technician() == null ? "-" : job.technician().username());
        job.planFor(day, job.onSite(), job.plannedLocation());
        if (technician != null && (job.technician() == null || !job.technician().id().equals(technician.id()))) {
            job.assignTo(technician);
        }
        audit.record(new AuditEvent(caller.username(), "job.planned", "VerificationJob", job.jobNumber(), job.id(),
                before, day + " " + (technician == null ? "-" : technician.username()), null));
        return event(job, new java.util.HashMap<>());
    }

    /** A technician the calendar plans for. */
    public record Technician(String username, String displayName) {
    }

    /** The enabled technicians, by name. */
    public List<Technician> technicians() {
        return em.createQuery("select a from UserAccount a order by a.username", UserAccount.class).getResultStream()
                .filter(a -> a.hasRole(Roles.TECHNICIAN) && a.enabled())
                .map(a -> new Technician(a.username(), a.displayName())).toList();
    }

    /** Jobs per technician and day in the span, against the day's capacity. */
    public List<Load> loads(LocalDate from, LocalDate to) {
        span(from, to);
        List<Load> loads = new ArrayList<>();
        em.createQuery("select j.technician.username, j.plannedDate, count(j) from VerificationJob j"
                        + " where j.plannedDate between :from and :to and j.technician is not null"
                        + " group by j.technician.username, j.plannedDate order by j.plannedDate", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .forEach(r -> loads.add(new Load((String) r[0], (LocalDate) r[1], (Long) r[2], capacity())));
        return loads;
    }

    /**
     * The standards a job would use on the day: those it already uses, those driven through its bench device, or,
     * with neither, at least one of a class its procedure accepts; each valid (not overdue, not suspended) on the
     * day.
     */
    private void requireStandards(VerificationJob job, LocalDate day) {
        List<MeasurementStandard> named = new ArrayList<>(job.standards().stream().map(StandardUse::standard).toList());
        if (job.benchDevice() != null) {
            named.addAll(em.createQuery("select s from MeasurementStandard s where s.drivenThrough = :d",
                    MeasurementStandard.class).setParameter("d", job.benchDevice()).getResultList());
        }
        for (MeasurementStandard s : named) {
            if (!usable(s, day)) {
                throw new RefusedException("error.calendar.standardInvalid", s.code(), s.name(), day, s.dueDate());
            }
        }
        if (named.isEmpty()) {
            boolean any = em.createQuery("select s from MeasurementStandard s", MeasurementStandard.class)
                    .getResultStream().anyMatch(s -> job.procedure().acceptsStandardClass(s.accuracy())
                            && usable(s, day));
            if (!any) {
                throw new RefusedException("error.calendar.noStandard", job.procedureCode(), day,
                        String.join(", ", job.procedure().allowedStandardClasses()));
            }
        }
    }

    private static boolean usable(MeasurementStandard s, LocalDate day) {
        StandardStatus status = s.statusOn(day);
        return status == StandardStatus.VALID || status == StandardStatus.DUE_SOON;
    }

    /** A job on the calendar, flagged when a standard it uses (or its bench drives) is not valid on its day. */
    private JobEvent event(VerificationJob j, java.util.Map<Long, List<MeasurementStandard>> byDevice) {
        String warning = null;
        if (j.plannedDate() != null) {
            List<MeasurementStandard> used = new ArrayList<>(j.standards().stream().map(StandardUse::standard)
                    .toList());
            if (j.benchDevice() != null) {
                used.addAll(byDevice.computeIfAbsent(j.benchDevice().id(), id -> em.createQuery(
                        "select s from MeasurementStandard s where s.drivenThrough.id = :d", MeasurementStandard.class)
                        .setParameter("d", id).getResultList()));
            }
            for (MeasurementStandard s : used) {
                if (!usable(s, j.plannedDate())) {
                    warning = s.code() + " " + s.dueDate();
                }
            }
        }
        var i = j.instrument();
        return new JobEvent(j.id(), j.jobNumber(), j.plannedDate(),
                j.technician() == null ? null : j.technician().username(),
                j.technician() == null ? null : j.technician().displayName(),
                j.benchDevice() == null ? null : j.benchDevice().code(), i.description() + " " + i.serialNumber(),
                i.customer().name(), j.onSite(), j.plannedLocation(), j.state().name(), warning);
    }

    private static void span(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
            throw new RefusedException("error.calendar.span", MAX_DAYS);
        }
    }
}
