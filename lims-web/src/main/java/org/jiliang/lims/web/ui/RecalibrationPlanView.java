package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.schedule.WorkCalendar;

/**
 * The year's recalibration plan of the institute's standards (计量标准周期检定计划, issue 12) as a page to print:
 * every standard falling due in the year, with its certificate and the laboratory that calibrates it.
 * Opened as {@code recalibration-plan.xhtml?year=2027}; the current year without one.
 */
@Named
@RequestScoped
public class RecalibrationPlanView {

    @Inject
    private WorkCalendar calendar;
    @Inject
    private Clock clock;

    @Min(2000)
    @Max(2100)
    private Integer year;
    private List<WorkCalendar.StandardDue> rows;

    /** The year asked for (null: none). */
    public Integer getYear() {
        return year;
    }

    /** The year shown: the one asked for, else the current one. */
    public int getPlanYear() {
        return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public List<WorkCalendar.StandardDue> getRows() {
        if (rows == null) {
            rows = calendar.recalibrationPlan(getPlanYear());
        }
        return rows;
    }

    public LocalDate getToday() {
        return LocalDate.now(clock);
    }
}
