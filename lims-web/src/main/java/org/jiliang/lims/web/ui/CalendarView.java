package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.schedule.WorkCalendar;
import org.jiliang.lims.web.support.PageMessages;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * The work calendar (issue 12): planned jobs per day (of one technician, or all), the institute's standards falling
 * due; the clerk drags a job to another day or gives it to another technician, refused with the reason when the
 * technician is not authorized that day, no standard is valid that day, or the day is full.
 */
@Named
@ViewScoped
public class CalendarView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkCalendar calendar;
    @Inject
    private Clock clock;

    private String technician;
    /** A bench device's code, {@link WorkCalendar#ON_SITE} for field kits, or none (every place). */
    private String bench;
    /** The day the calendar opens on ({@code ?date=}); today when none. */
    private LocalDate initialDate;
    private Long selectedJob;
    private String selectedTitle;
    private LocalDate planDay;
    private String planTechnician;

    private final ScheduleModel model = new LazyScheduleModel() {
        private static final long serialVersionUID = 1L;

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            LocalDate from = start.toLocalDate();
            LocalDate to = end.toLocalDate().isAfter(from.plusDays(WorkCalendar.MAX_DAYS))
                    ? from.plusDays(WorkCalendar.MAX_DAYS) : end.toLocalDate();
            for (WorkCalendar.JobEvent j : calendar.jobs(from, to, technician, bench)) {
                addEvent(DefaultScheduleEvent.<Long>builder().id("job-" + j.jobId()).data(j.jobId())
                        .title(j.jobNumber() + " · " + (j.technicianName() == null ? "—" : j.technicianName()) + " · "
                                + j.owner() + (j.onSite() ? " · " + PageMessages.text("campaign.onSite") : ""))
                        .description(j.instrument() + (j.warning() == null ? "" : " ⚠ " + j.warning()))
                        .startDate(j.day().atStartOfDay()).allDay(true).draggable(true)
                        .styleClass("job-event" + (j.warning() == null ? "" : " job-warning")).build());
            }
            for (WorkCalendar.StandardDue s : calendar.standardsDue(from, to)) {
                addEvent(DefaultScheduleEvent.<Long>builder().id("standard-" + s.code())
                        .title(PageMessages.text("calendar.standardDue") + " " + s.code() + " " + s.name())
                        .startDate(s.dueDate().atStartOfDay()).allDay(true).draggable(false).editable(false)
                        .styleClass("standard-due-event").build());
            }
        }
    };

    public ScheduleModel getModel() {
        return model;
    }

    /** A job dragged to another day: planned there if the checks allow, else back where it was, with the reason. */
    public void onEventMove(ScheduleEntryMoveEvent event) {
        ScheduleEvent<?> moved = event.getScheduleEvent();
        if (!(moved.getData() instanceof Long jobId)) {
            PageMessages.refused(new RefusedException("error.calendar.notAJob"));
            return;
        }
        LocalDate day = moved.getStartDate().toLocalDate();
        try {
            calendar.plan(jobId, day, null);
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("calendar.moved"), moved.getTitle(),
                    day));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void onEventSelect(SelectEvent<ScheduleEvent<?>> event) {
        ScheduleEvent<?> e = event.getObject();
        if (e.getData() instanceof Long jobId) {
            selectedJob = jobId;
            selectedTitle = e.getTitle() + " · " + e.getDescription();
            planDay = e.getStartDate().toLocalDate();
        } else {
            selectedJob = null;
        }
    }

    /** The selected job to the day and technician chosen below the calendar. */
    public void plan() {
        if (selectedJob == null) {
            return;
        }
        try {
            calendar.plan(selectedJob, planDay, planTechnician);
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("calendar.moved"), selectedTitle,
                    planDay));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public List<WorkCalendar.Bench> getBenches() {
        return calendar.benches();
    }

    public String getOnSite() {
        return WorkCalendar.ON_SITE;
    }

    public String getBench() {
        return bench;
    }

    public void setBench(String bench) {
        this.bench = bench;
    }

    public List<WorkCalendar.Technician> getTechnicians() {
        return calendar.technicians();
    }

    public String getRuleText() {
        return java.text.MessageFormat.format(PageMessages.text("calendar.rule"), WorkCalendar.capacity());
    }

    public int getCapacity() {
        return WorkCalendar.capacity();
    }

    public LocalDate getToday() {
        return LocalDate.now(clock);
    }

    public LocalDate getInitialDate() {
        return initialDate == null ? LocalDate.now(clock) : initialDate;
    }

    public void setInitialDate(LocalDate initialDate) {
        this.initialDate = initialDate;
    }

    public String getTechnician() {
        return technician;
    }

    public void setTechnician(String technician) {
        this.technician = technician;
    }

    public Long getSelectedJob() {
        return selectedJob;
    }

    public String getSelectedTitle() {
        return selectedTitle;
    }

    public LocalDate getPlanDay() {
        return planDay;
    }

    public void setPlanDay(LocalDate planDay) {
        this.planDay = planDay;
    }

    public String getPlanTechnician() {
        return planTechnician;
    }

    public void setPlanTechnician(String planTechnician) {
        this.planTechnician = planTechnician;
    }
}
