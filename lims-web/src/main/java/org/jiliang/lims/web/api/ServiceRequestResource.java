package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.metrology.VerificationType;
import org.jiliang.lims.platform.Paged;
import org.jiliang.lims.request.ServiceRequest;
import org.jiliang.lims.request.ServiceRequestView;
import org.jiliang.lims.request.ServiceRequests;

/**
 * Service requests (issue 14): a customer books the verification or calibration of their instruments and follows
 * it; the intake desk accepts (the instruments are received into jobs) or declines. A customer's user reads and
 * changes their own customer's requests only; another's number answers 404.
 */
@Tag(name = LimsApi.Tags.REQUESTS)
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestResource {

    /** Request numbers: SQ, the year, a dash, five digits. */
    private static final String NUMBER = "{number: SQ[0-9]{4}-[0-9]{5}}";

    @Inject
    private ServiceRequests requests;

    /** What a customer books. */
    public static class Booking {
        @NotEmpty
        @Size(max = ServiceRequests.MAX_ITEMS)
        public List<@NotNull Long> instrumentIds;
        @NotNull
        public LocalDate preferredDate;
        @NotNull
        public ServiceRequest.Place place;
        @Size(max = ServiceRequest.MAX_NOTE)
        public String note;
    }

    /** The desk's acceptance: the verification type of the jobs (subsequent if none), the day (the preferred one). */
    public static class Acceptance {
        public VerificationType verificationType;
        public LocalDate plannedDate;
        public Long version;
    }

    /** The desk's refusal, with the reason the customer reads. */
    public static class Decline {
        @NotEmpty
        @Size(max = ServiceRequest.MAX_REASON)
        public String reason;
        public Long version;
    }

    /** The customer's withdrawal, at the version they saw (none: whatever it is now). */
    public static class Cancellation {
        public Long version;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a verification or calibration of the customer's instruments")
    public ServiceRequestView book(@NotNull @Valid Booking booking) {
        return requests.book(new ServiceRequests.Booking(booking.instrumentIds, booking.preferredDate, booking.place,
                booking.note));
    }

    @GET
    @Operation(summary = "Requests the caller may see, a page at a time (a customer its own)")
    public Paged<ServiceRequestView> page(@QueryParam("state") String state, @QueryParam("text") String text,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, ServiceRequests.MAX_PAGE);
        return requests.page(new ServiceRequests.Query(state(state), text), first, max);
    }

    @GET
    @Path(NUMBER)
    @Operation(summary = "One request, with each instrument's job and certificate")
    public ServiceRequestView request(@PathParam("number") String number) {
        return requests.request(number);
    }

    @POST
    @Path(NUMBER + "/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a request at the intake desk: its instruments become jobs")
    public ServiceRequestView accept(@PathParam("number") String number, @NotNull @Valid Acceptance a) {
        return requests.accept(number, a.verificationType, a.plannedDate, a.version);
    }

    @POST
    @Path(NUMBER + "/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a request with the reason the customer reads")
    public ServiceRequestView decline(@PathParam("number") String number, @NotNull @Valid Decline d) {
        return requests.decline(number, d.reason, d.version);
    }

    @POST
    @Path(NUMBER + "/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a request not yet decided (the customer)")
    public ServiceRequestView cancel(@PathParam("number") String number, @Valid Cancellation c) {
        return requests.cancel(number, c == null ? null : c.version);
    }

    static ServiceRequest.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ServiceRequest.State.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(400, "error.request.state", FrameQueryParams.abbreviated(value),
                    Arrays.toString(ServiceRequest.State.values()));
        }
    }
}
