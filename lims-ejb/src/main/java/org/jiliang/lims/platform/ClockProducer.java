package org.jiliang.lims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one place that decides what "now" is (architecture rule 7): everything else injects a {@link Clock}. */
@ApplicationScoped
public class ClockProducer {

    /** The institute works in China Standard Time; dates on certificates are local dates there. */
    public static final ZoneId INSTITUTE_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(INSTITUTE_ZONE);
    }
}
