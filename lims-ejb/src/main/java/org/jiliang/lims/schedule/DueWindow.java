package org.jiliang.lims.schedule;

import java.time.LocalDate;

/**
 * Which due dates a due list shows, counted from today (issue 12). "Within N days" runs from today to today + N
 * (an instrument due today is due, not overdue); overdue is a due date before today.
 */
public enum DueWindow {
    OVERDUE(null),
    WITHIN_30(30),
    WITHIN_60(60),
    WITHIN_90(90),
    /** Every instrument in service with a due date, overdue or not. */
    ALL(null);

    private final Integer days;

    DueWindow(Integer days) {
        this.days = days;
    }

    /** The "where" condition on the due date path, with the parameters :today and :until. */
    String condition(String path) {
        if (this == OVERDUE) {
            return path + " < :today";
        }
        if (this == ALL) {
            return path + " is not null";
        }
        return path + " between :today and :until";
    }

    LocalDate until(LocalDate today) {
        return days == null ? null : today.plusDays(days);
    }
}
