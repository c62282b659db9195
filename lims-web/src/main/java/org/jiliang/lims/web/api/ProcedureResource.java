package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.PlausibleConditions;
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
@Tag(name = LimsApi.Tags.CATALOGUE)
@Path("procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    @Inject
    private ProcedureService procedures;

    /** Lengths are those of the procedure_version columns; limits within what a bench can plausibly show. */
    public static class Edition {
        @NotBlank
        @Size(max = ProcedureService.MAX_CODE)
        public String code;
        @NotBlank
        @Size(max = ProcedureService.MAX_TITLE)
        public String title;
        @NotBlank
        @Size(max = 16)
        public String kind;
        @NotNull
        public LocalDate effectiveFrom;
        @NotBlank
        @Size(max = 32)
        public String testPlan;
        @NotBlank
        @Size(max = ProcedureService.MAX_STANDARD_CLASSES)
        public String allowedStandardClasses;
        @NotNull
        @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
        @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal temperatureMin;
        @NotNull
        @DecimalMin(PlausibleConditions.MIN_TEMPERATURE)
        @DecimalMax(PlausibleConditions.MAX_TEMPERATURE)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal temperatureMax;
        @NotNull
        @DecimalMin(value = PlausibleConditions.MIN_HUMIDITY, inclusive = false)
        @DecimalMax(PlausibleConditions.MAX_HUMIDITY)
        @Digits(integer = PlausibleConditions.INTEGER_DIGITS, fraction = PlausibleConditions.DECIMALS)
        public BigDecimal humidityMax;
        @NotBlank
        @Size(max = ProcedureService.MAX_LIMITS_SOURCE)
        public String limitsSource;
    }

    @GET
    public List<ProcedureView> editions() {
        return procedures.editions();
    }

    @POST
    public ProcedureView add(@NotNull @Valid Edition e) {
        return procedures.addEdition(new ProcedureService.NewEdition(e.code, e.title, e.kind, e.effectiveFrom,
                e.testPlan, e.allowedStandardClasses, e.temperatureMin, e.temperatureMax, e.humidityMax,
                e.limitsSource));
    }
}
