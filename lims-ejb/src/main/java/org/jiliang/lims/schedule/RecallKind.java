package org.jiliang.lims.schedule;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three notices of a due cycle (issue 12), each given once per instrument and cycle, by the day of the run:
 * in the category's advance-recall window (from the due date minus the category's recall days to the day before the
 * due date), on the due date, and after it. The daily run selects instruments by these due-date ranges.
 */
public enum RecallKind {
    ADVANCE,
    DUE,
    OVERDUE;

    /** The earliest due date that gets this notice on the day; null: no bound. */
    LocalDate earliestDue(LocalDate day, int recallDays) {
        switch (this) {
            case ADVANCE:
                return day.plusDays(1);
            case DUE:
                return day;
            default:
                return null;
        }
    }

    /** The latest due date that gets this notice on the day. */
    LocalDate latestDue(LocalDate day, int recallDays) {
        switch (this) {
            case ADVANCE:
                return day.plusDays(recallDays);
            case DUE:
                return day;
            default:
                return day.minusDays(1);
        }
    }

    /** The notice an instrument due on {@code due} gets on {@code day}, if any. */
    public static Optional<RecallKind> on(LocalDate day, LocalDate due, int recallDays) {
        return Arrays.stream(values()).filter(k -> {
            LocalDate earliest = k.earliestDue(day, recallDays);
            return (earliest == null || !due.isBefore(earliest)) && !due.isAfter(k.latestDue(day, recallDays));
        }).findFirst();
    }
}
