package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import org.jiliang.lims.fee.FreeVerificationReport;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/** The free-verification report (issue 15): jobs done free and fees waived per programme, district and month. */
@Named
@ViewScoped
public class FreeVerificationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FreeVerificationReport reports;
    @Inject
    private Clock clock;

    private int year;
    private transient FreeVerificationReport.Report current;

    public FreeVerificationReport.Report getReport() {
        if (current == null) {
            if (year == 0) {
                year = LocalDate.now(clock).getYear();
            }
            try {
                current = reports.of(year);
            } catch (RefusedException e) {
                PageMessages.refused(e);
                year = LocalDate.now(clock).getYear();
                current = reports.of(year);
            }
        }
        return current;
    }

    public void show() {
        current = null;
    }

    /** The workbook of the year shown, through the API (the same report, the same access rule). */
    public String getExportHref() {
        return "api/v1/figures/free-verification.xlsx?year=" + getReport().year();
    }

    public int[] getYears() {
        return ReportYears.offered(clock);
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }
}
