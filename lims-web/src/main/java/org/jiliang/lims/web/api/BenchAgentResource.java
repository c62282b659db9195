package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.BenchService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jiliang.lims.bench.BenchAgentService;
import org.jiliang.lims.bench.BenchAgentService.AgentDeviceCommand;
import org.jiliang.lims.bench.BenchAgentService.AgentDeviceProfile;
import org.jiliang.lims.bench.BenchAgentService.AgentRegistration;
import org.jiliang.lims.bench.BenchAgentService.AgentView;

/** Administration of bench agents: register a bench (its token is shown once), assign devices, revoke. */
@Tag(name = LimsApi.Tags.BENCH_AGENTS)
@Path("bench-agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenchAgentResource {

    public static class Registration {
        @NotNull
        @Pattern(regexp = BenchAgentService.BENCH_CODE_PATTERN)
        public String code;
    }

    /**
     * Lengths are those of the bench_device columns; the service checks protocol, transport, address and mode,
     * the line settings it does not check are bounded here.
     */
    public static class Device {
        @NotNull
        @Pattern(regexp = BenchService.CODE_PATTERN)
        public String code;
        @Size(max = BenchService.MAX_NAME)
        public String name;
        @NotNull
        @Size(max = 16)
        public String protocol;
        @Size(max = 8)
        public String transport;
        @Size(max = BenchService.MAX_HOST)
        public String host;
        public int port;
        @Size(max = BenchService.MAX_PATH)
        public String serialPort;
        @Min(50)
        @Max(4_000_000)
        public Integer baudRate;
        @Min(5)
        @Max(8)
        public Integer dataBits;
        @Size(max = 8)
        public String parity;
        @Size(max = 4)
        public String stopBits;
        @Size(max = 8)
        public String mode;
        @Size(max = BenchService.MAX_COMMAND)
        public String pollCommand;
        @Size(max = BenchService.MAX_COMMAND)
        public String startCommand;
        @Min(0)
        @Max(86_400_000)
        public int pollIntervalMs = 500;
        /** What the instrument must report (issue 9); optional. */
        @Size(max = BenchService.MAX_SERIAL_NUMBER)
        public String serialNumber;
        @Size(max = BenchService.MAX_MODEL)
        public String model;
    }

    @Inject
    private BenchAgentService agents;

    @GET
    public List<AgentView> agents() {
        return agents.agents();
    }

    @POST
    public AgentRegistration register(@NotNull @Valid Registration r) {
        return agents.register(r.code);
    }

    @POST
    @Path("{code}/revoke")
    public AgentView revoke(@PathParam("code") String code) {
        return agents.revoke(code);
    }

    @POST
    @Path("{code}/devices")
    public AgentDeviceProfile assign(@PathParam("code") String code, @NotNull @Valid Device d) {
        return agents.assignDevice(code, new AgentDeviceCommand(d.code, d.name, d.protocol, d.transport, d.host,
                d.port, d.serialPort, d.baudRate, d.dataBits, d.parity, d.stopBits, d.mode, d.pollCommand,
                d.startCommand, d.pollIntervalMs, d.serialNumber, d.model));
    }
}
