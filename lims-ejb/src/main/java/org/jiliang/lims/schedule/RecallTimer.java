package org.jiliang.lims.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Logger;
import org.jiliang.lims.platform.ClockProducer;

/**
 * The daily recall run (issue 12) as a persistent EJB timer: every day at {@value #HOUR}:00 institute time. The
 * timer service keeps it across restarts, so it is created once (when none exists); a run missed while the server
 * was down is made up at the next start by the timer service, and a notice missed that way is given by the next run
 * (an instrument past its due date gets the overdue notice).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CatalogueSeed"})
@PermitAll
public class RecallTimer {

    static final int HOUR = 6;
    static final String INFO = "daily recall run";

    private static final Logger LOG = Logger.getLogger(RecallTimer.class.getName());

    @Resource
    private TimerService timers;
    @EJB
    private RecallRun run;

    @PostConstruct
    void schedule() {
        if (timers.getTimers().stream().anyMatch(t -> INFO.equals(t.getInfo()))) {
            LOG.info(() -> "Recall timer kept from before: next run " + next());
            return;
        }
        ScheduleExpression daily = new ScheduleExpression().hour(HOUR).minute(0).second(0)
                .timezone(ClockProducer.INSTITUTE_ZONE.getId());
        timers.createCalendarTimer(daily, new TimerConfig(INFO, true));
        LOG.info(() -> "Recall timer created: next run " + next());
    }

    /** When the timer fires next, and whether it survives a restart. */
    public record Schedule(Instant nextRun, boolean persistent, int timers) {
    }

    @jakarta.annotation.security.RolesAllowed({org.jiliang.lims.platform.Roles.ADMINISTRATOR,
            org.jiliang.lims.platform.Roles.INTAKE_CLERK, org.jiliang.lims.platform.Roles.QUALITY_MANAGER})
    public Schedule status() {
        return current();
    }

    private Schedule current() {
        var mine = timers.getTimers().stream().filter(t -> INFO.equals(t.getInfo())).toList();
        Timer t = mine.isEmpty() ? null : mine.get(0);
        return new Schedule(t == null ? null : t.getNextTimeout().toInstant(), t != null && t.isPersistent(),
                mine.size());
    }

    private Instant next() {
        return current().nextRun();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        try {
            run.runScheduled();
        } catch (RuntimeException e) {
            LOG.severe(() -> "Recall run failed: " + e);
        }
    }
}
