package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.personnel.AccountView;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.registry.InstrumentList;
import org.jiliang.lims.registry.InstrumentStatus;
import org.jiliang.lims.registry.InstrumentView;
import org.jiliang.lims.registry.RegistryService;
import org.jiliang.lims.standard.StandardService;
import org.jiliang.lims.standard.StandardView;

@Tag(name = LimsApi.Tags.REGISTER)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    @Inject
    private RegistryService registry;
    @Inject
    private InstrumentList instrumentList;
    @Inject
    private StandardService standards;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AccountService accounts;

    @GET
    @Path("me")
    @Operation(summary = "The caller: account, roles and customer")
    public AccountView me() {
        return currentUser.me();
    }

    public static class PasswordChange {
        @Size(max = AccountResource.PASSWORD)
        public String currentPassword;
        @Size(max = AccountResource.PASSWORD)
        public String newPassword;
    }

    /** The caller changes their own password (also the one call left to an account whose password was reset). */
    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's password")
    public Response changePassword(@NotNull @Valid PasswordChange c) {
        PasswordChange d = c == null ? new PasswordChange() : c;
        char[] fresh = chars(d.newPassword);
        accounts.changeOwnPassword(chars(d.currentPassword), fresh, fresh.clone());
        return Response.noContent().build();
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    /**
     * The register as CSV, newest first, filtered by a text (customer, description, manufacturer, model, serial
     * number) as the instruments page shows it; a customer gets only their own instruments.
     */
    @GET
    @Path("instruments.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    @Operation(summary = "Instruments the caller may see as CSV, filtered as the list is")
    public Response instrumentsCsv(@QueryParam("text") String text, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("dueWithin") Integer dueWithin) {
        InstrumentList.Query query = query(text, status, category, dueWithin, null, false);
        return CsvExport.of("instruments.csv", "customer,description,manufacturer,model,serial_number,class,max,e,"
                + "next_due_date", InstrumentList.MAX_PAGE, (first, max) -> instrumentList.page(query, first, max).rows(),
                i -> List.of(FrameCsv.text(i.customerName()), FrameCsv.text(i.description()),
                        FrameCsv.text(i.manufacturer()), FrameCsv.text(i.model()), FrameCsv.text(i.serialNumber()),
                        FrameCsv.text(i.accuracyClass()), FrameCsv.text(i.max()), FrameCsv.text(i.e()),
                        i.nextDueDate() == null ? "" : String.valueOf(i.nextDueDate())));
    }

    static InstrumentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InstrumentStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(400, "error.instruments.status", FrameQueryParams.abbreviated(value),
                    java.util.Arrays.toString(InstrumentStatus.values()));
        }
    }

    /**
     * The register (a customer their own instruments), a page at a time: newest first unless {@code sort} names a
     * column, filtered as the CSV is.
     */
    @GET
    @Path("instruments")
    @Operation(summary = "Instruments the caller may see, a page at a time",
            description = "text: owner, description, manufacturer, model or serial number; status; category: "
                    + "the legal category; dueWithin: overdue or due within so many days (0 to 366); first/max: the "
                    + "page (max at most 1000). Answers an ETag; If-None-Match with it gives 304 while the page is "
                    + "unchanged.")
    public Paged<InstrumentView> instruments(@QueryParam("text") String text, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("dueWithin") Integer dueWithin,
            @QueryParam("sort") String sort, @QueryParam("ascending") boolean ascending,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, InstrumentList.MAX_PAGE);
        return instrumentList.page(query(text, status, category, dueWithin, sort, ascending), first, max);
    }

    private static InstrumentList.Query query(String text, String status, String category, Integer dueWithin,
            String sort, boolean ascending) {
        if (dueWithin != null && (dueWithin < 0 || dueWithin > InstrumentList.MAX_DUE_WITHIN)) {
            throw new InvalidInputException(400, "error.instruments.dueWithin", InstrumentList.MAX_DUE_WITHIN);
        }
        return new InstrumentList.Query(text, status(status), category, dueWithin, sort, ascending);
    }

    /** An instrument's verifications, newest first (issue 12); another owner's instrument is not found. */
    @GET
    @Path("instruments/{id: [0-9]+}/verifications")
    @Operation(summary = "An instrument's verifications, newest first")
    public List<RegistryService.VerificationView> history(@PathParam("id") long id) {
        return registry.history(id);
    }

    @GET
    @Path("standards")
    @Tag(name = LimsApi.Tags.STANDARDS)
    public List<StandardView> standards() {
        return standards.standards();
    }

    /** Lengths are those of the measurement_standard columns. */
    public static class Standard {
        @Size(max = 32)
        public String code;
        @Size(max = 200)
        public String name;
        @Size(max = 64)
        public String accuracy;
        @Size(max = 100)
        public String serialNumber;
        @Size(max = 100)
        public String certificateNumber;
        @Size(max = 200)
        public String traceableTo;
        public LocalDate calibratedOn;
        public LocalDate dueDate;
    }

    /** A value the standard's certificate states; quantities as "9.000018 V" (standard_value's columns). */
    public static class CertifiedValue {
        @Size(max = 40)
        public String nominal;
        @Size(max = 40)
        public String value;
        @Size(max = 40)
        public String expandedUncertainty;
        @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 3)
        public BigDecimal coverageFactor;
        @Size(max = 40)
        public String driftLimit;
        @Size(max = 40)
        public String temperatureLimit;
        /** The drift predicted since calibration (optional), e.g. "0.020 Ω". */
        @Size(max = 40)
        public String driftEstimate;
        /** The temperature the value is certified at (optional, with the coefficient), e.g. "23 °C". */
        @Size(max = 40)
        public String referenceTemperature;
        /** The temperature coefficient α in 10⁻⁶/K (optional, with the temperature). */
        @DecimalMin("-10000") @DecimalMax("10000") @Digits(integer = 5, fraction = 6)
        public BigDecimal temperatureCoefficientPpm;
    }

    public static class DrivenThrough {
        /** A registered bench device's code; blank or null: the standard is set by hand. */
        @Size(max = 32)
        public String device;
    }

    public static class Reason {
        @Size(max = 300)
        public String reason;
    }

    /** The quality manager registers a standard. */
    @POST
    @Path("standards")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView register(@NotNull @Valid Standard s) {
        return standards.register(details(s));
    }

    /** A correction or a new calibration of the standard. */
    @PUT
    @Path("standards/{code}")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView update(@PathParam("code") String code, @NotNull @Valid Standard s) {
        return standards.update(code, details(s));
    }

    /** The quality manager records a value the standard's calibration certificate states at a point. */
    @POST
    @Path("standards/{code}/values")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView certifyValue(@PathParam("code") String code, @NotNull @Valid CertifiedValue v) {
        return standards.certifyValue(code, new StandardService.CertifiedValueDetails(v.nominal, v.value,
                v.expandedUncertainty, v.coverageFactor, v.driftLimit, v.temperatureLimit, v.driftEstimate,
                v.referenceTemperature, v.temperatureCoefficientPpm));
    }

    /** The quality manager names the bench device the bench drives the standard through (blank: set by hand). */
    @PUT
    @Path("standards/{code}/device")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView driveThrough(@PathParam("code") String code, @NotNull @Valid DrivenThrough d) {
        return standards.driveThrough(code, d.device);
    }

    @POST
    @Path("standards/{code}/suspend")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView suspend(@PathParam("code") String code, @NotNull @Valid Reason r) {
        return standards.suspend(code, r == null ? null : r.reason);
    }

    @POST
    @Path("standards/{code}/reinstate")
    @Tag(name = LimsApi.Tags.STANDARDS)
    @Consumes(MediaType.APPLICATION_JSON)
    public StandardView reinstate(@PathParam("code") String code, @NotNull @Valid Reason r) {
        return standards.reinstate(code, r == null ? null : r.reason);
    }

    private static StandardService.StandardDetails details(Standard s) {
        Standard d = s == null ? new Standard() : s;
        return new StandardService.StandardDetails(d.code, d.name, d.accuracy, d.serialNumber, d.certificateNumber,
                d.traceableTo, d.calibratedOn, d.dueDate);
    }
}
