package org.jiliang.lims.it;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The institute's day on the shared test server. A run that crossed the institute's midnight found the demo data
 * dated one day and the test's "today" the next (RecalibrationPlanBrowserIT failed so in CI at 00:21 in Shanghai).
 * The build now starts the shared server in a fixed-offset zone where the run begins between 08:00 and 09:00
 * ({@link #main}, run by the pom just before the server starts, {@code it.zone}), and the tests read the day in that
 * zone: the day cannot change for fifteen hours, far longer than a run. An {@link OwnDemoServer} takes the same zone;
 * other servers a test starts itself keep their own (Asia/Shanghai unless the test says otherwise).
 */
public final class ItDay {

    /** The shared server's institute zone ({@code jiliang.time-zone} = {@code it.zone}). */
    static final ZoneId ZONE = ZoneId.of(System.getProperty("it.zone", "Asia/Shanghai"));

    /** The institute's day on the shared server, the day its demo data is dated to. */
    static final LocalDate TODAY = LocalDate.now(ZONE);

    private ItDay() {
    }

    /** Prints the zone for {@code it.zone}. */
    public static void main(String[] args) {
        System.out.print(morningZone(Instant.now()).getId());
    }

    /** The fixed-offset zone (Etc/GMT…, offsets −12 to +14) in which {@code now} is between 08:00 and 09:00. */
    static ZoneId morningZone(Instant now) {
        int offset = 8 - now.atZone(ZoneOffset.UTC).getHour();
        if (offset < -12) {
            offset += 24; // no zone is 13 hours behind UTC: the morning of the next day, 11 hours ahead
        }
        // the Etc zones name their offset with the POSIX sign: Etc/GMT-8 is eight hours ahead of UTC
        return ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }
}
