package org.jiliang.lims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one place that decides what "now" is (architecture rule 7): everything else injects a {@link Clock}. */
@ApplicationScoped
public class ClockProducer {

    /**
     * The institute's time zone, from {@link Settings#timeZone()} (default Asia/Shanghai, China Standard Time):
     * dates on certificates are local dates there, and every time shown is local time there.
     */
    public static final ZoneId INSTITUTE_ZONE = Settings.timeZone();

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            ClockProducer.class.getName());

    /**
     * The system clock; in a demo or test server started with {@code jiliang.clock.start}, a clock that read that
     * time at start and runs on from there (never in production: a shifted clock would date certificates wrongly).
     */
    @Produces
    @ApplicationScoped
    public Clock clock() {
        Clock system = Clock.system(INSTITUTE_ZONE);
        var start = Settings.clockStart();
        if (start.isEmpty()) {
            return system;
        }
        if (!Settings.demoMode()) {
            throw new IllegalStateException("jiliang.clock.start is for demo and test servers only (jiliang.demo=true)");
        }
        java.time.Duration shift = java.time.Duration.between(system.instant(), start.get().toInstant());
        LOG.warning(() -> "Demo clock: now is " + start.get() + " (shifted by " + shift + " from the real time)");
        return Clock.offset(system, shift);
    }
}
