package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.schedule.Campaigns;

/** Campaigns (issue 12): what a selection holds, creating one (its jobs in one batch), its progress and items. */
@Tag(name = LimsApi.Tags.PLANNING)
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    public static class Campaign {
        @Size(max = 200)
        public String name;
        @Size(max = 40)
        public String category;
        @Size(max = 60)
        public String district;
        @Size(max = 200)
        public String site;
        public LocalDate dueUntil;
        public LocalDate plannedDate;
        public boolean onSite;
        @Size(max = 200)
        public String location;

        Campaigns.Details details() {
            return new Campaigns.Details(name, category, district, site, dueUntil, plannedDate, onSite, location);
        }
    }

    public static class NotFound {
        @Size(max = 300)
        public String reason;
    }

    @Inject
    private Campaigns campaigns;

    @POST
    @Path("preview")
    public Campaigns.Selection preview(@NotNull @Valid Campaign c) {
        return campaigns.preview(c.details());
    }

    @POST
    public Campaigns.CampaignView create(@NotNull @Valid Campaign c) {
        return campaigns.create(c.details());
    }

    @GET
    public Paged<Campaigns.CampaignView> page(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        check(first, max);
        return campaigns.page(first, max);
    }

    @GET
    @Path("{id: [0-9]+}")
    public Campaigns.CampaignView campaign(@PathParam("id") long id) {
        return campaigns.campaign(id);
    }

    @GET
    @Path("{id: [0-9]+}/items")
    public Paged<Campaigns.ItemView> items(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("100") int max) {
        check(first, max);
        return campaigns.items(id, first, max);
    }

    @POST
    @Path("{id: [0-9]+}/items/{instrument: [0-9]+}/not-found")
    public Campaigns.CampaignView notFound(@PathParam("id") long id, @PathParam("instrument") long instrument,
            @NotNull @Valid NotFound n) {
        return campaigns.notFound(id, instrument, n.reason);
    }

    private static void check(int first, int max) {
        Paged.requirePage(first, max, Campaigns.MAX_PAGE);
    }
}
