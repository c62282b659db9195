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
import org.jiliang.lims.bench.BenchService;
import org.jiliang.lims.bench.DeviceView;

/** The register of bench devices: list, register, start and stop (administrators). */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    public static class Registration {
        public String code;
        public String name;
        public String protocol;
        public String host;
        public int port;
        public String pollCommand;
        public int pollIntervalMs = 300;
    }

    @Inject
    private BenchService benches;

    @GET
    public List<DeviceView> devices() {
        return benches.devices();
    }

    @POST
    public DeviceView register(Registration r) {
        return benches.register(new BenchService.DeviceProfile(r.code, r.name == null ? r.code : r.name, r.protocol,
                r.host, r.port, r.pollCommand, r.pollIntervalMs));
    }

    @POST
    @Path("{code}/start")
    public DeviceView start(@PathParam("code") String code) {
        return benches.setEnabled(code, true);
    }

    @POST
    @Path("{code}/stop")
    public DeviceView stop(@PathParam("code") String code) {
        return benches.setEnabled(code, false);
    }
}
