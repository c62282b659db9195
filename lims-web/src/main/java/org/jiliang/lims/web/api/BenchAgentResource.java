package org.jiliang.lims.web.api;

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
@Path("bench-agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BenchAgentResource {

    public static class Registration {
        public String code;
    }

    public static class Device {
        public String code;
        public String name;
        public String protocol;
        public String transport;
        public String host;
        public int port;
        public String serialPort;
        public Integer baudRate;
        public Integer dataBits;
        public String parity;
        public String stopBits;
        public String mode;
        public String pollCommand;
        public String startCommand;
        public int pollIntervalMs = 500;
    }

    @Inject
    private BenchAgentService agents;

    @GET
    public List<AgentView> agents() {
        return agents.agents();
    }

    @POST
    public AgentRegistration register(Registration r) {
        return agents.register(r == null ? null : r.code);
    }

    @POST
    @Path("{code}/revoke")
    public AgentView revoke(@PathParam("code") String code) {
        return agents.revoke(code);
    }

    @POST
    @Path("{code}/devices")
    public AgentDeviceProfile assign(@PathParam("code") String code, Device d) {
        return agents.assignDevice(code, new AgentDeviceCommand(d.code, d.name, d.protocol, d.transport, d.host,
                d.port, d.serialPort, d.baudRate, d.dataBits, d.parity, d.stopBits, d.mode, d.pollCommand,
                d.startCommand, d.pollIntervalMs));
    }
}
