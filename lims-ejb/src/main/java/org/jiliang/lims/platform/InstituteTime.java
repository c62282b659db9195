package org.jiliang.lims.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Instants as people at the institute read them: local time of the institute, to the minute or second. */
public final class InstituteTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.INSTITUTE_ZONE);

    private InstituteTime() {
    }

    public static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
