package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.schedule.Campaigns;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;

/** The campaigns page (issue 12): select, preview, create; the list with each campaign's progress and chart. */
@Named("campaignView")
@ViewScoped
public class CampaignView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Campaigns campaigns;
    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    private String name;
    private String category = "NAWI";
    private String district;
    private String site;
    private LocalDate dueUntil;
    private LocalDate plannedDate;
    private boolean onSite = true;
    private String location;
    private Campaigns.Selection selection;
    private Long shown;

    private final PagedModel<Campaigns.CampaignView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            campaigns.page(first, max), row -> String.valueOf(row.id()), Campaigns.MAX_PAGE);
    private final PagedModel<Campaigns.ItemView> items = new PagedModel<>((sortBy, ascending, first, max) ->
            campaigns.items(shown, first, max), row -> String.valueOf(row.instrumentId()), Campaigns.MAX_PAGE);

    private Campaigns.Details details() {
        return new Campaigns.Details(name, category, district, site, dueUntil, plannedDate, onSite, location);
    }

    public void preview() {
        try {
            selection = campaigns.preview(details());
        } catch (RefusedException e) {
            selection = null;
            PageMessages.refused(e);
        }
    }

    public void create() {
        try {
            Campaigns.CampaignView created = campaigns.create(details());
            shown = created.id();
            selection = null;
            PageMessages.info(java.text.MessageFormat.format(PageMessages.text("campaign.created"), created.name(),
                    created.progress().instruments()));
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void show(long id) {
        shown = id;
    }

    public Campaigns.CampaignView getShownCampaign() {
        return shown == null ? null : campaigns.campaign(shown);
    }

    /** The progress of the campaign shown as a doughnut chart (Chart.js configuration). */
    public String getChart() {
        Campaigns.CampaignView c = getShownCampaign();
        if (c == null) {
            return "{}";
        }
        var p = c.progress();
        return Json.createObjectBuilder().add("type", "doughnut")
                .add("data", Json.createObjectBuilder()
                        .add("labels", Json.createArrayBuilder().add(PageMessages.text("campaign.planned"))
                                .add(PageMessages.text("campaign.passed")).add(PageMessages.text("campaign.failed"))
                                .add(PageMessages.text("campaign.notFound")))
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("data", Json.createArrayBuilder().add(p.planned()).add(p.passed()).add(p.failed())
                                        .add(p.notFound()))
                                .add("backgroundColor", Json.createArrayBuilder().add("#c9d6e3").add("#7fb069")
                                        .add("#d1495b").add("#edae49")))))
                .add("options", Json.createObjectBuilder().add("animation", false))
                .build().toString();
    }

    public List<CategoryView> getCategories() {
        return catalogue.inForce(LocalDate.now(clock));
    }

    public PagedModel<Campaigns.CampaignView> getRows() {
        return rows;
    }

    public PagedModel<Campaigns.ItemView> getItems() {
        return items;
    }

    /** "The selection holds 37 instruments." */
    public String getSelectionText() {
        return selection == null ? "" : java.text.MessageFormat.format(PageMessages.text("campaign.selects"),
                selection.count());
    }

    public Campaigns.Selection getSelection() {
        return selection;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public LocalDate getDueUntil() {
        return dueUntil;
    }

    public void setDueUntil(LocalDate dueUntil) {
        this.dueUntil = dueUntil;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public void setPlannedDate(LocalDate plannedDate) {
        this.plannedDate = plannedDate;
    }

    public boolean isOnSite() {
        return onSite;
    }

    public void setOnSite(boolean onSite) {
        this.onSite = onSite;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }
}
