package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.registry.CategoryView;
import org.jiliang.lims.registry.LegalCatalogue;
import org.jiliang.lims.registry.RegistryAdministration;

/**
 * The catalogue of categories under legal control (issue 12): each category as in force today, every edition of
 * one, and a later edition registered by the quality manager (which re-plans the category's open cycles).
 */
@Tag(name = LimsApi.Tags.CATALOGUE)
@Path("catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    /** Lengths are those of the legal_category columns. */
    public static class Edition {
        @Size(max = 60)
        public String edition;
        @NotNull
        public LocalDate effectiveFrom;
        @Size(max = 100)
        public String nameZh;
        @Size(max = 100)
        public String nameEn;
        @Size(max = 3)
        public String supervision;
        @Size(max = 100)
        public String regulation;
        @Min(1)
        @Max(RegistryAdministration.MAX_INTERVAL_MONTHS)
        public int intervalMonths;
        public boolean onSite;
        @Size(max = 100)
        public String freeProgramme;
        @Min(1)
        @Max(LegalCatalogue.MAX_RECALL_DAYS)
        public int recallDays;
        @Size(max = 32)
        public String instrumentKind;
        @Size(max = 400)
        public String source;
    }

    @Inject
    private LegalCatalogue catalogue;
    @Inject
    private Clock clock;

    @GET
    public List<CategoryView> inForce() {
        return catalogue.inForce(LocalDate.now(clock));
    }

    @GET
    @Path("{code}/editions")
    public List<CategoryView> editions(@PathParam("code") String code) {
        List<CategoryView> editions = catalogue.editions(code);
        if (editions.isEmpty()) {
            throw new InvalidInputException(404, "error.instrument.unknownCategory", FrameQueryParams.abbreviated(code),
                    String.join(", ", inForce().stream().map(CategoryView::code).toList()));
        }
        return editions;
    }

    @POST
    @Path("{code}/editions")
    public CategoryView register(@PathParam("code") String code, @NotNull @Valid Edition e) {
        return catalogue.register(new CategoryView(code, e.edition, e.effectiveFrom, e.nameZh, e.nameEn, e.supervision,
                e.regulation, e.intervalMonths, e.onSite, e.freeProgramme, e.recallDays, e.instrumentKind, e.source));
    }
}
