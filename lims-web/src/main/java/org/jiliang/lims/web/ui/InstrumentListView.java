package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.order.IntakeService;
import org.jiliang.lims.order.JobView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.InstrumentList;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;
import org.jiliang.lims.web.support.PageMessages;

@Named
@ViewScoped
public class InstrumentListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private IntakeService jobs;

    @Inject
    private InstrumentList list;

    @Inject
    private org.jiliang.lims.registry.LegalCatalogue catalogue;

    @Inject
    private java.time.Clock clock;

    /** The list's filter: customer, description, manufacturer, model or serial number containing it. */
    @jakarta.validation.constraints.Size(max = InstrumentList.MAX_TEXT)
    private String text;
    private org.jiliang.lims.registry.InstrumentStatus status;
    @jakarta.validation.constraints.Size(max = 40)
    private String category;
    private Integer dueWithin;
    private final PagedModel<InstrumentView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            list.page(new InstrumentList.Query(text, status, category == null || category.isBlank() ? null : category,
                    dueWithin, sortBy, ascending), first, max),
            row -> String.valueOf(row.id()), InstrumentList.MAX_PAGE);
    private VerificationType type = VerificationType.SUBSEQUENT;
    private String benchDevice = "BAL-01";

    /** The register, newest first unless a column's sort says otherwise; read a page at a time. */
    public PagedModel<InstrumentView> getRows() {
        return rows;
    }

    /** The export of the selection shown: the API's CSV with the same filter. */
    public String getExportHref() {
        return QueryString.of("api/v1/instruments.csv").with("text", text).with("status", status)
                .with("category", category).with("dueWithin", dueWithin).toString();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public org.jiliang.lims.registry.InstrumentStatus getStatus() {
        return status;
    }

    public void setStatus(org.jiliang.lims.registry.InstrumentStatus status) {
        this.status = status;
    }

    public org.jiliang.lims.registry.InstrumentStatus[] getStatuses() {
        return org.jiliang.lims.registry.InstrumentStatus.values();
    }

    /** The categories under legal control in force today, to filter by. */
    public java.util.List<org.jiliang.lims.registry.CategoryView> getCategories() {
        return catalogue.inForce(java.time.LocalDate.now(clock));
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Integer getDueWithin() {
        return dueWithin;
    }

    public void setDueWithin(Integer dueWithin) {
        this.dueWithin = dueWithin;
    }

    /** The "due within" choices offered: overdue or due within a month, two, three. */
    public java.util.List<Integer> getDueWindows() {
        return java.util.List.of(0, 30, 60, 90);
    }

    public void openJob(long instrumentId) {
        try {
            JobView job = jobs.open(instrumentId, type, benchDevice);
            PageMessages.redirect("/bench.xhtml?job=" + job.id());
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public VerificationType[] getTypes() {
        return VerificationType.values();
    }

    public VerificationType getType() {
        return type;
    }

    public void setType(VerificationType type) {
        this.type = type;
    }

    public String getBenchDevice() {
        return benchDevice;
    }

    public void setBenchDevice(String benchDevice) {
        this.benchDevice = benchDevice;
    }
}
