package org.jiliang.lims.order;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.standard.MeasurementStandard;
import org.jiliang.lims.standard.StandardStatus;

/**
 * What each person has to do next, by role (issue 11: the checker and the clerk landed on an empty welcome page):
 * the technician's assigned and running jobs, the checker's and the approver's queues, the clerk's jobs to assign
 * and instruments to return, the quality manager's standards overdue or due soon. Each queue with its count; the
 * first {@link #SHOWN} items listed, oldest first.
 */
@Stateless
public class Worklists {

    static final int SHOWN = 50;
    /** The names of the queues, in the order a person with several roles sees them. */
    public static final List<String> QUEUES = List.of("technician", "check", "approve", "intake", "return",
            "standards");

    @PersistenceContext
    private EntityManager em;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext context;

    /** One thing to do: what it is, for whom, its state, since when, and the page that does it. */
    public record Item(String reference, String href, String what, String who, String state, String since) {
    }

    /** A queue: its name (worklist.<name> in the pages' messages), how many items it holds, the first of them. */
    public record Queue(String name, long count, List<Item> items) {
    }

    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK,
            Roles.ADMINISTRATOR})
    public List<Queue> mine() {
        List<Queue> queues = new ArrayList<>();
        if (context.isCallerInRole(Roles.TECHNICIAN)) {
            queues.add(jobs("technician", EnumSet.of(JobState.ASSIGNED, JobState.IN_PROGRESS), true,
                    "/bench.xhtml?job="));
        }
        if (context.isCallerInRole(Roles.CHECKER)) {
            queues.add(jobs("check", EnumSet.of(JobState.MEASURED), false, "/review.xhtml?job="));
        }
        if (context.isCallerInRole(Roles.APPROVER)) {
            queues.add(jobs("approve", EnumSet.of(JobState.CHECKED), false, "/review.xhtml?job="));
        }
        if (context.isCallerInRole(Roles.INTAKE_CLERK)) {
            queues.add(jobs("intake", EnumSet.of(JobState.RECEIVED), false, "/jobs.xhtml#"));
            queues.add(jobs("return", EnumSet.of(JobState.CERTIFICATE_ISSUED), false, "/jobs.xhtml#"));
        }
        if (context.isCallerInRole(Roles.QUALITY_MANAGER)) {
            queues.add(standards());
        }
        return queues;
    }

    /** The jobs in the states (the caller's own, when {@code mine}): the first {@link #SHOWN} and how many. */
    private Queue jobs(String name, Set<JobState> states, boolean mine, String page) {
        String where = " from VerificationJob j where j.state in :states" + (mine ? " and j.technician = :me" : "");
        var select = em.createQuery("select j" + where + " order by j.id", VerificationJob.class)
                .setParameter("states", states);
        var count = em.createQuery("select count(j)" + where, Long.class).setParameter("states", states);
        if (mine) {
            select.setParameter("me", currentUser.account());
            count.setParameter("me", currentUser.account());
        }
        List<Item> items = select.setMaxResults(SHOWN).getResultStream().map(j -> new Item(j.jobNumber(),
                page + j.id(), j.instrument().description() + " · " + j.instrument().serialNumber(),
                j.instrument().customer().name(), j.state().name(), InstituteTime.minutes(j.createdAt()))).toList();
        return new Queue(name, count.getSingleResult(), items);
    }

    /** Standards overdue or due within {@link StandardStatus#DUE_SOON_DAYS} days, and suspended ones. */
    private Queue standards() {
        LocalDate today = LocalDate.now(clock);
        List<MeasurementStandard> due = em.createQuery("select s from MeasurementStandard s"
                + " where s.dueDate <= :soon or s.suspended = true", MeasurementStandard.class)
                .setParameter("soon", today.plusDays(StandardStatus.DUE_SOON_DAYS)).getResultList();
        List<Item> items = due.stream().sorted(Comparator.comparing(MeasurementStandard::dueDate))
                .map(s -> new Item(s.code(), "/standards.xhtml", s.name(), s.certificateNumber(),
                        s.statusOn(today).name(), s.dueDate().toString())).limit(SHOWN).toList();
        return new Queue("standards", due.size(), items);
    }
}
