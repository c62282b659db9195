package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.jiliang.lims.bench.BenchAgentService;
import org.jiliang.lims.bench.BenchAgentService.AgentBatch;
import org.jiliang.lims.bench.BenchAgentService.AgentDeviceProfile;
import org.jiliang.lims.bench.BenchAgentService.AgentFrame;
import org.jiliang.lims.bench.BenchAgentService.DeviceReceipt;

/**
 * What a bench agent calls, with {@code Authorization: Bearer <token>} instead of a login: its
 * device profiles, and the frames of its journal. Left open in web.xml; the service checks the token.
 */
@Path("agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    public static class Frame {
        public String device;
        public long sequence;
        public String receivedAt;
        public String raw;
        public String status;
        public BigDecimal value;
        public String unit;
        public String rejectReason;
    }

    /** {@code contract}: the version of this exchange the agent speaks (absent: 1); see docs/bench-agent.md §4. */
    public static class Batch {
        public Integer contract;
        public String sentAt;
        public List<Frame> frames;
    }

    public record Profiles(String bench, List<AgentDeviceProfile> devices) {
    }

    public record Receipt(List<DeviceReceipt> devices) {
    }

    @Inject
    private BenchAgentService agents;

    @GET
    @Path("profiles")
    public Profiles profiles(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = bearer(authorization);
        return new Profiles(agents.authenticate(token), agents.profiles(token));
    }

    @POST
    @Path("frames")
    public Receipt frames(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpHeaders headers,
            Batch batch) {
        List<AgentFrame> frames = batch == null || batch.frames == null ? List.of() : batch.frames.stream()
                .map(f -> f == null ? null : new AgentFrame(f.device, f.sequence, f.receivedAt, f.raw, f.status,
                        f.value, f.unit, f.rejectReason))
                .toList();
        AgentBatch received = new AgentBatch(batch == null ? null : batch.contract, batch == null ? null : batch.sentAt,
                frames);
        return new Receipt(agents.ingest(bearer(authorization), received, Problems.locale(headers)));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
