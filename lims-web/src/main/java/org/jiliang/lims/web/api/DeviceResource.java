package org.jiliang.lims.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.bench.BenchService;
import org.jiliang.lims.bench.FrameArchive;
import org.jiliang.lims.bench.FrameFilter;
import org.jiliang.lims.bench.FramePage;
import org.jiliang.lims.bench.DeviceProfile;
import org.jiliang.lims.bench.DeviceView;
import org.jiliang.lims.bench.SerialLine;

/**
 * The register of bench devices: list, register, start and stop (administrators); and the frames each
 * device sent, paged by id and exported as CSV (staff, audited: {@link FrameArchive}).
 */
@Tag(name = LimsApi.Tags.DEVICES)
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    /**
     * Lengths are those of the bench_device columns; the service checks the values (protocol, transport,
     * port, line settings, poll interval) and says what it accepts.
     */
    public static class Registration {
        @NotNull
        @Pattern(regexp = BenchService.CODE_PATTERN)
        public String code;
        @Size(max = BenchService.MAX_NAME)
        public String name;
        @NotNull
        @Size(max = 16)
        public String protocol;
        @Size(max = BenchService.MAX_HOST)
        public String host;
        public int port;
        @Size(max = BenchService.MAX_COMMAND)
        public String pollCommand;
        public int pollIntervalMs = 300;
        /** tcp (host, port) or serial (serialPort and the line settings below). */
        @Size(max = 8)
        public String transport;
        @Size(max = BenchService.MAX_PATH)
        public String serialPort;
        public int baudRate = 9600;
        public int dataBits = 8;
        @Size(max = 8)
        public String parity = "none";
        @Size(max = 4)
        public String stopBits = "1";
        @Size(max = 8)
        public String flowControl = "none";
        /** poll, or stream: the device sends on its own after startCommand (e.g. SIR), if any. */
        @Size(max = 8)
        public String mode;
        @Size(max = BenchService.MAX_COMMAND)
        public String startCommand;
        /** The units its readings must be in, e.g. "g, kg"; empty for the protocol's (mg, g, kg, t for balances). */
        @Size(max = BenchService.MAX_EXPECTED_UNITS)
        public String expectedUnits;
        /** What the instrument must report (issue 9); optional: without them captures are allowed with a warning. */
        @Size(max = BenchService.MAX_SERIAL_NUMBER)
        public String serialNumber;
        @Size(max = BenchService.MAX_MODEL)
        public String model;
    }

    @Inject
    private BenchService benches;
    @Inject
    private FrameArchive archive;

    /** Why a device is retired (bench_device.retire_reason). */
    public static class Retirement {
        @NotNull
        @Size(min = 1, max = BenchService.MAX_RETIRE_REASON)
        public String reason;
    }

    /**
     * The register as CSV, newest first, searched by code or name as the devices page does; {@code ?retired=true}
     * with the retired devices too.
     */
    @GET
    @Path("list.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response listCsv(@QueryParam("text") String text, @QueryParam("retired") boolean withRetired) {
        return CsvExport.of("devices.csv", "code,name,protocol,address,mode,state,model,serial_number,link",
                BenchService.MAX_PAGE, (first, max) -> benches.devices(text, withRetired, null, false, first, max).rows(),
                d -> List.of(FrameCsv.text(d.code()), FrameCsv.text(d.name()), FrameCsv.text(d.protocol()),
                        FrameCsv.text(d.address()), FrameCsv.text(d.mode()),
                        d.retired() ? "RETIRED" : d.enabled() ? "RUNNING" : "STOPPED", FrameCsv.text(d.model()),
                        FrameCsv.text(d.serialNumber()), FrameCsv.text(d.link().state())));
    }

    /** The devices in service; {@code ?retired=true} lists the retired ones too. */
    @GET
    public List<DeviceView> devices(@jakarta.ws.rs.QueryParam("retired") boolean withRetired) {
        return benches.devices(withRetired);
    }

    @POST
    public DeviceView register(@NotNull @Valid Registration r) {
        SerialLine line = r.serialPort == null ? null
                : new SerialLine(r.serialPort, r.baudRate, r.dataBits, r.parity, r.stopBits, r.flowControl);
        return benches.register(new DeviceProfile(r.code, r.name == null ? r.code : r.name, r.protocol,
                r.host, r.port, r.pollCommand, r.pollIntervalMs, r.transport, line, r.mode, r.startCommand,
                r.expectedUnits, r.serialNumber, r.model));
    }

    @POST
    @Path("{code}/start")
    public DeviceView start(@PathParam("code") String code) {
        return benches.setEnabled(code, true);
    }

    /** Takes a device out of service for good (administrators): not deleted, its frames stay. */
    @POST
    @Path("{code}/retire")
    public DeviceView retire(@PathParam("code") String code, @NotNull @Valid Retirement r) {
        return benches.retire(code, r.reason);
    }

    @POST
    @Path("{code}/stop")
    public DeviceView stop(@PathParam("code") String code) {
        return benches.setEnabled(code, false);
    }

    /**
     * A page of the device's frames in id order: those after the frame id {@code after}, received in
     * [{@code from}, {@code to}) (ISO-8601 instants), with a status, of a link session; {@code next} is the
     * {@code after} of the following page.
     */
    @GET
    @Path("{code}/frames")
    public FramePage frames(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") String status, @QueryParam("session") String session,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        FrameFilter filter = FrameQueryParams.filter(from, to, status, session);
        return archive.page(code, filter, FrameQueryParams.after(after), FrameQueryParams.limit(limit));
    }

    /** The whole selection (same filters) as CSV, streamed a page of queries at a time. */
    @GET
    @Path("{code}/frames.csv")
    @Produces(FrameCsv.MEDIA_TYPE)
    public Response framesCsv(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("session") String session) {
        FrameFilter filter = FrameQueryParams.filter(from, to, status, session);
        String device = archive.device(code); // refused (unknown device, not staff) before the answer starts
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            FrameCsv csv = new FrameCsv(writer);
            archive.export(device, filter, csv::write);
            writer.flush();
        };
        return Response.ok(body, FrameCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + device + "-frames.csv\"").build();
    }
}
