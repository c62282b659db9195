package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.BenchAgentService;
import org.jiliang.lims.bench.BenchAgentService.AgentAnswer;
import org.jiliang.lims.bench.BenchAgentService.AgentBatch;
import org.jiliang.lims.bench.BenchAgentService.AgentDeviceProfile;
import org.jiliang.lims.bench.BenchAgentService.AgentFrame;
import org.jiliang.lims.bench.BenchAgentService.DeviceReceipt;

/**
 * What a bench agent calls, with {@code Authorization: Bearer <token>} instead of a login: its
 * device profiles, and the frames of its journal. Left open in web.xml; the service checks the token.
 */
@Tag(name = LimsApi.Tags.BENCH_AGENTS)
@Path("agent")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    /** Sizes of the device_frame columns; the service checks the rest (device, time, base64, status). */
    public static class Frame {
        @NotNull
        @Size(max = 32)
        public String device;
        public long sequence;
        @NotNull
        @Size(max = 64)
        public String receivedAt;
        /** Base64 of one frame as the device sent it: a frame is a line, far shorter than this. */
        @NotNull
        @Size(max = 65_536)
        public String raw;
        @NotNull
        @Size(max = 16)
        public String status;
        /**
         * What the agent read, only compared with what the server reads from the raw bytes (AgentFrameCheck): the
         * bound is the API's bound on any number, not the column's, so a reading the column cannot hold reaches
         * the check and is stored as a malformed frame with its bytes instead of refusing the whole batch.
         */
        @Digits(integer = 30, fraction = 30)
        public BigDecimal value;
        @Size(max = 8)
        public String unit;
        @Size(max = 300)
        public String rejectReason;
        /** What the frame answers (issue 10); absent from older agents and for frames nobody asked for. */
        @Valid
        public Answers answers;
    }

    /**
     * What a frame answers: the bounds of {@code org.jiliang.instrument.reading.Answered}, which the service checks
     * again with the charset (printable ASCII) and the protocol (a command it can send), refusing only that frame.
     */
    public static class Answers {
        @NotNull
        @Size(max = 64)
        public String command;
        @Size(max = 48)
        public String setting;
        @Size(max = 32)
        public List<@NotNull @Size(max = 300) String> deviceErrors;
        public Boolean late;
    }

    /** {@code contract}: the version of this exchange the agent speaks (absent: 1); see docs/bench-agent.md §4. */
    public static class Batch {
        @Min(1)
        @Max(2)
        public Integer contract;
        @Size(max = 64)
        public String sentAt;
        public List<@NotNull @Valid Frame> frames;
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
            @Valid Batch batch) {
        List<AgentFrame> frames = batch == null || batch.frames == null ? List.of() : batch.frames.stream()
                .map(f -> f == null ? null : new AgentFrame(f.device, f.sequence, f.receivedAt, f.raw, f.status,
                        f.value, f.unit, f.rejectReason, f.answers == null ? null : new AgentAnswer(f.answers.command,
                                f.answers.setting, f.answers.deviceErrors, f.answers.late)))
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
