package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.schedule.DueList;
import org.jiliang.lims.schedule.DueRow;
import org.jiliang.lims.schedule.DueWindow;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;

/**
 * The due list page (issue 12): overdue or due within 30, 60, 90 days, by category, district, site, owner or text;
 * most urgent first; exported as CSV of the same selection.
 */
@Named
@ViewScoped
public class DueListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DueList list;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    private DueWindow window = DueWindow.WITHIN_90;
    @Size(max = DueList.MAX_TEXT)
    private String category;
    @Size(max = DueList.MAX_TEXT)
    private String district;
    @Size(max = DueList.MAX_TEXT)
    private String site;
    @Size(max = DueList.MAX_TEXT)
    private String owner;
    @Size(max = DueList.MAX_TEXT)
    private String text;

    private final PagedModel<DueRow> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            list.page(new DueList.Query(window, category, district, site, owner, text, sortBy, ascending), first, max),
            row -> String.valueOf(row.instrumentId()), DueList.MAX_PAGE);

    public PagedModel<DueRow> getRows() {
        return rows;
    }

    public String getExportHref() {
        return QueryString.of("api/v1/due/list.csv").with("window", window).with("category", category)
                .with("district", district).with("site", site).with("owner", owner).with("text", text).toString();
    }

    /** "12" days left, or "overdue by 3 days". */
    public String daysLeft(DueRow row) {
        return row.daysLeft() < 0 ? java.text.MessageFormat.format(
                org.jiliang.lims.web.support.PageMessages.text("due.overdueBy"), -row.daysLeft())
                : String.valueOf(row.daysLeft());
    }

    public String getExportXlsxHref() {
        return getExportHref().replace("api/v1/due/list.csv", "api/v1/due/list.xlsx");
    }

    public DueWindow[] getWindows() {
        return DueWindow.values();
    }

    public List<CategoryView> getCategories() {
        return catalogue.inForce(LocalDate.now(clock));
    }

    public DueWindow getWindow() {
        return window;
    }

    public void setWindow(DueWindow window) {
        this.window = window;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
