package org.jiliang.lims.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.targets.PolicyTargets;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The targets dashboard (issue 15): every target of the municipal policy for a year and the region or a district,
 * against its threshold, with a chart, the definitions and a way down to the records each figure counts.
 */
@Named
@ViewScoped
public class TargetsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PolicyTargets targets;
    @Inject
    private Clock clock;

    private int year;
    @Size(max = 60)
    private String district;
    private transient PolicyTargets.Dashboard current;

    public PolicyTargets.Dashboard getDashboard() {
        if (current == null) {
            if (year == 0) {
                year = LocalDate.now(clock).getYear();
            }
            try {
                current = targets.of(year, blankToNull(district));
            } catch (RefusedException e) {
                PageMessages.refused(e);
                year = LocalDate.now(clock).getYear();
                current = targets.of(year, null);
            }
        }
        return current;
    }

    public void show() {
        current = null;
    }

    /** Why a figure cannot be counted, in the page's language. */
    public String note(PolicyTargets.Figure f) {
        return f.unmeasured() == null ? "" : Messages.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                f.unmeasured());
    }

    /** The page that lists the records a figure counts. */
    public String drillDown(PolicyTargets.Figure f) {
        return f.target().records().replace("{year}", String.valueOf(getDashboard().year()));
    }

    public String getExportHref() {
        String d = blankToNull(district);
        return "api/v1/figures/targets.xlsx?year=" + getDashboard().year()
                + (d == null ? "" : "&district=" + URLEncoder.encode(d, StandardCharsets.UTF_8));
    }

    /** The chart (Chart.js): each target given in percent, its value beside its threshold. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder thresholds = Json.createArrayBuilder();
        boolean english = "en".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
        for (PolicyTargets.Figure f : getDashboard().figures()) {
            if (f.target().threshold() == null) {
                continue;
            }
            labels.add(english ? f.target().nameEn() : f.target().nameZh());
            if (f.value() == null) {
                values.addNull();
            } else {
                values.add(f.value());
            }
            thresholds.add(f.target().threshold());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", PageMessages.text("targets.value"))
                                        .add("data", values).add("backgroundColor", "#1f5f99"))
                                .add(Json.createObjectBuilder().add("label", PageMessages.text("targets.threshold"))
                                        .add("data", thresholds).add("backgroundColor", "#c8553d"))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                                .add("min", 0).add("max", 100))))
                .build().toString();
    }

    public int[] getYears() {
        return ReportYears.offered(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }
}
