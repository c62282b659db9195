package org.jiliang.lims.acquisition;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiliang.instrument.camel.BenchDeviceComponent;
import org.jiliang.instrument.reading.DeviceReading;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.bench.DeviceProfileChanged;
import org.jiliang.lims.bench.FrameIntake;
import org.jiliang.lims.bench.LinkStateBoard;
import org.jiliang.lims.bench.SerialLine;

/**
 * Owns the Camel context (Camel 4 has no CDI integration) and one route per enabled bench
 * device. Each route ends in {@link FrameIntake#accept}, which stores frames in batches through
 * {@link DeviceFrameService}, the same transaction boundary a typed-in or agent-forwarded frame
 * goes through (architecture rule 5).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "DemoData", "FrameIntake"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcquisitionContext {

    private static final Logger LOG = Logger.getLogger(AcquisitionContext.class.getName());

    @Inject
    private DeviceFrameService frames;
    @Inject
    private FrameIntake intake;
    @Inject
    private LinkStateBoard links;
    @Inject
    private java.time.Clock clock;

    private CamelContext camel;

    @PostConstruct
    void start() {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("lims-acquisition");
        // Camel finds its languages and components through this loader; the thread's
        // context loader inside WildFly is not necessarily the EAR's.
        camel.setApplicationContextClassLoader(AcquisitionContext.class.getClassLoader());
        BenchDeviceComponent devices = new BenchDeviceComponent();
        devices.setLinkListener(new BoardListener(links));
        devices.setClock(clock); // frames and link events on the server's clock, as every other time stamp
        camel.addComponent("bench-device", devices);
        camel.start();
        for (BenchDevice device : frames.enabledDevices()) {
            startRoute(device);
        }
        LOG.info(() -> "Acquisition started with " + camel.getRoutes().size() + " device route(s)");
    }

    /**
     * Starts the route of one device. A route that cannot start (a profile stored before its commands were checked
     * against the protocol, say) fails alone: the other devices are read, and this one's page says why.
     */
    private void startRoute(BenchDevice device) {
        try {
            camel.addRoutes(routeFor(device));
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            removeQuietly("device-" + device.code());
            String reason = "route not started: " + cause.getMessage();
            LOG.warning(() -> "Device " + device.code() + ": " + reason);
            links.down(device.code(), clock.instant(), reason, 0);
        }
    }

    private void removeQuietly(String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warning(() -> "Cannot remove route " + routeId + ": " + e.getMessage());
        }
    }

    private RouteBuilder routeFor(BenchDevice device) {
        String uri = endpointUri(device);
        String session = UUID.randomUUID().toString();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("device-" + device.code())
                        .process(exchange -> intake.accept(
                                IncomingFrames.of(device.code(), session, exchange.getIn().getBody(DeviceReading.class))));
            }
        };
    }

    /** The bench-device endpoint of a profile: TCP or serial, polled or streaming. */
    static String endpointUri(BenchDevice device) {
        StringBuilder uri = new StringBuilder("bench-device:").append(device.code());
        SerialLine line = device.serialLine();
        if (line != null) {
            uri.append("?transport=serial&serialPort=").append(encoded(line.port()))
                    .append("&baudRate=").append(line.baudRate())
                    .append("&dataBits=").append(line.dataBits())
                    .append("&parity=").append(line.parity())
                    .append("&stopBits=").append(line.stopBits())
                    .append("&flowControl=").append(line.flowControl());
        } else {
            uri.append("?host=").append(encoded(device.host())).append("&port=").append(device.port());
        }
        uri.append("&protocol=").append(device.protocol())
                .append("&pollCommand=").append(encoded(device.pollCommand()));
        if (device.streams()) {
            uri.append("&mode=stream");
            if (device.startCommand() != null) {
                uri.append("&startCommand=").append(encoded(device.startCommand()));
            }
        } else {
            uri.append("&pollInterval=").append(device.pollIntervalMs());
        }
        return uri.toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Follows the device register: a route per enabled device, started or stopped after the
     * change that asked for it has committed.
     */
    @PermitAll // fired only by BenchService, after its administrator-only change committed
    public void onDeviceProfileChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceProfileChanged change) {
        String routeId = "device-" + change.deviceCode();
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
                links.forget(change.deviceCode());
            }
            if (change.enabled() && !frames.readByAgent(change.deviceCode())) {
                startRoute(frames.deviceByCode(change.deviceCode()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot " + (change.enabled() ? "start" : "stop") + " the route of "
                    + change.deviceCode(), e);
        }
        LOG.info(() -> "Device " + change.deviceCode() + (change.enabled() ? " started" : " stopped"));
    }

    /**
     * Sends a setting command to a device this server reads (SCPI {@code CONF:RES 10000}), over the link its route
     * holds, between two polls, so that the meter is left as the next readings need it. Refused, naming the device
     * and the reason, when no route of this server reads it (a bench agent does, or it is disabled), or when the
     * device does not take the command (its error queue says why).
     */
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    @PermitAll // called by JobWorkflow, whose own role check comes first
    public void send(BenchDevice device, String command) {
        if (camel.getRoute("device-" + device.code()) == null) {
            throw new org.jiliang.lims.platform.RefusedException("error.bench.notReadHere", device.code());
        }
        var template = camel.createProducerTemplate();
        try {
            template.requestBody(endpointUri(device), command);
        } catch (org.apache.camel.CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new org.jiliang.lims.platform.RefusedException("error.bench.commandRefused", device.code(), command,
                    String.valueOf(cause.getMessage()));
        } finally {
            template.stop();
        }
    }

    @PreDestroy
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }
}
