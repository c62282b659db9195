package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.LiveReadingService;
import org.jiliang.lims.demo.DemoBenchService;

/**
 * Live readings of a bench device, pushed to the browser as server-sent events. Who may read them,
 * and how many streams one user may hold, is {@link LiveReadingService}'s decision.
 */
@Tag(name = LimsApi.Tags.BENCHES)
@Path("benches/{device}")
public class BenchResource {

    /** A load for the simulated scale: it goes into the simulator's command line, so a plain number and unit. */
    public static class Load {
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 7, fraction = 6)
        public BigDecimal value;
        @NotNull
        @Pattern(regexp = "g|kg|mg")
        public String unit;
    }

    @Inject
    private LiveReadingService readings;
    @Inject
    private DemoBenchService demoBench;
    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @GET
    @Path("latest")
    @Produces(MediaType.APPLICATION_JSON)
    public Response latest(@PathParam("device") String device) {
        return readings.latest(device).map(r -> Response.ok(r).build())
                .orElseGet(() -> Problems.response(404, "error.live.noReading", headers, uri.getRequestUri().getPath(),
                        device));
    }

    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("device") String device, @Context SseEventSink sink, @Context Sse sse) {
        readings.subscribe(device, new LiveReadingStream(sink, sse));
    }

    /** Demo only: place a load on a simulated scale. */
    @POST
    @Path("simulated-load")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response placeLoad(@PathParam("device") String device, @NotNull @Valid Load load) {
        demoBench.placeLoad(device, load.value, load.unit);
        return Response.noContent().build();
    }
}
