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

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(INSTITUTE_ZONE);
    }
}
