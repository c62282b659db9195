package org.jiliang.lims.web.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.IntStream;

/** The years a page of figures offers: this year (by the institute's clock) and the four before it, newest first. */
final class ReportYears {

    static final int SHOWN = 5;

    private ReportYears() {
    }

    static int[] offered(Clock clock) {
        int now = LocalDate.now(clock).getYear();
        return IntStream.range(0, SHOWN).map(i -> now - i).toArray();
    }
}
