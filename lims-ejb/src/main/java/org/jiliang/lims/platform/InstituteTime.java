package org.jiliang.lims.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Times as people at the institute read them, one format everywhere (pages, certificates, the audit trail's
 * text): local time of the institute's zone ({@link ClockProducer#INSTITUTE_ZONE}), 24-hour clock, to the minute
 * or the second, never fractions of a second: {@code 2026-12-04 09:44:02}. The API keeps ISO 8601 for programs.
 */
public final class InstituteTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private InstituteTime() {
    }

    public static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(ClockProducer.INSTITUTE_ZONE));
    }

    public static String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(ClockProducer.INSTITUTE_ZONE));
    }

    /**
     * Any time the views carry, to the second: an instant or an offset time in the institute's zone, a local time
     * as it is (the views' local times are already the institute's), a date as a date; "" for none.
     */
    public static String shown(Object time) {
        if (time == null) {
            return "";
        }
        TemporalAccessor local;
        if (time instanceof Instant i) {
            local = i.atZone(ClockProducer.INSTITUTE_ZONE);
        } else if (time instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(ClockProducer.INSTITUTE_ZONE);
        } else if (time instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(ClockProducer.INSTITUTE_ZONE);
        } else if (time instanceof LocalDateTime || time instanceof LocalDate) {
            local = (TemporalAccessor) time;
        } else {
            throw new IllegalArgumentException("Not a time: " + time.getClass().getName());
        }
        return (time instanceof LocalDate ? DAY : SECONDS).format(local);
    }
}
