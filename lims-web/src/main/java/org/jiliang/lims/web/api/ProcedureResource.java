package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jiliang.lims.procedure.ProcedureService;
import org.jiliang.lims.procedure.ProcedureView;

/** Procedure editions: list them; quality managers and administrators add a new edition. */
@Path("procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    @Inject
    private ProcedureService procedures;

    public static class Edition {
        public String code;
        public String title;
        public String kind;
        public LocalDate effectiveFrom;
        public String testPlan;
        public String allowedStandardClasses;
        public BigDecimal temperatureMin;
        public BigDecimal temperatureMax;
        public BigDecimal humidityMax;
        public String limitsSource;
    }

    @GET
    public List<ProcedureView> editions() {
        return procedures.editions();
    }

    @POST
    public ProcedureView add(Edition e) {
        return procedures.addEdition(new ProcedureService.NewEdition(e.code, e.title, e.kind, e.effectiveFrom,
                e.testPlan, e.allowedStandardClasses, e.temperatureMin, e.temperatureMax, e.humidityMax,
                e.limitsSource));
    }
}
