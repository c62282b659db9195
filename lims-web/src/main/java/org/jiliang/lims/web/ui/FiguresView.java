package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.schedule.ComplianceFigures;
import org.jiliang.lims.web.support.PageMessages;

/** The figures page (issue 12): 受检率 and pass rate by month, category or district, as a chart and a table. */
@Named
@ViewScoped
public class FiguresView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ComplianceFigures figures;
    @Inject
    private Clock clock;

    private int year;
    private ComplianceFigures.Grouping by = ComplianceFigures.Grouping.MONTH;
    private transient ComplianceFigures.Figures current;

    public ComplianceFigures.Figures getFigures() {
        if (current == null) {
            if (year == 0) {
                year = LocalDate.now(clock).getYear();
            }
            try {
                current = figures.of(new ComplianceFigures.Query(year, by, null, null));
            } catch (RefusedException e) {
                PageMessages.refused(e);
                current = figures.of(new ComplianceFigures.Query(LocalDate.now(clock).getYear(), by, null, null));
            }
        }
        return current;
    }

    public void show() {
        current = null;
    }

    /** The chart (Chart.js configuration): 受检率 and pass rate per group, in percent. */
    public String getChart() {
        var f = getFigures();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder rates = Json.createArrayBuilder();
        JsonArrayBuilder passRates = Json.createArrayBuilder();
        for (var row : f.rows()) {
            labels.add(row.group());
            add(rates, row.rate());
            add(passRates, row.passRate());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", PageMessages.text("figures.rate"))
                                        .add("data", rates).add("backgroundColor", "#1f5f99"))
                                .add(Json.createObjectBuilder().add("label", PageMessages.text("figures.passRate"))
                                        .add("data", passRates).add("backgroundColor", "#7fb069"))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("min", 0).add("max", 100))))
                .build().toString();
    }

    private static void add(JsonArrayBuilder array, BigDecimal value) {
        if (value == null) {
            array.addNull();
        } else {
            array.add(value);
        }
    }

    public int[] getYears() {
        return ReportYears.offered(clock);
    }

    public ComplianceFigures.Grouping[] getGroupings() {
        return ComplianceFigures.Grouping.values();
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public ComplianceFigures.Grouping getBy() {
        return by;
    }

    public void setBy(ComplianceFigures.Grouping by) {
        this.by = by;
    }
}
