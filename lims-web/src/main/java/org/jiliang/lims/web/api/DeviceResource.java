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
import org.jiliang.lims.bench.SerialLine;

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
        /** tcp (host, port) or serial (serialPort and the line settings below). */
        public String transport;
        public String serialPort;
        public int baudRate = 9600;
        public int dataBits = 8;
        public String parity = "none";
        public String stopBits = "1";
        public String flowControl = "none";
        /** poll, or stream: the device sends on its own after startCommand (e.g. SIR), if any. */
        public String mode;
        public String startCommand;
    }

    @Inject
    private BenchService benches;

    @GET
    public List<DeviceView> devices() {
        return benches.devices();
    }

    @POST
    public DeviceView register(Registration r) {
        SerialLine line = r.serialPort == null ? null
                : new SerialLine(r.serialPort, r.baudRate, r.dataBits, r.parity, r.stopBits, r.flowControl);
        return benches.register(new BenchService.DeviceProfile(r.code, r.name == null ? r.code : r.name, r.protocol,
                r.host, r.port, r.pollCommand, r.pollIntervalMs, r.transport, line, r.mode, r.startCommand));
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
