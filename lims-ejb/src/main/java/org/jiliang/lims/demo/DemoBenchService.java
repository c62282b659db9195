package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.bench.DeviceFrameService;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;

/**
 * Demo only: plays the part of the technician's hands on a simulated scale, by sending the
 * simulator's extension command "SIM LOAD". Refused for real devices and outside demo mode.
 */
@Stateless
public class DemoBenchService {

    private static final java.util.Set<String> LOAD_UNITS = java.util.Set.of("g", "kg", "mg");

    @Inject
    private DeviceFrameService frames;
    @Inject
    private org.jiliang.lims.order.Jobs jobs;

    @PermitAll
    public boolean isSimulated(String deviceCode) {
        return Settings.demoMode() && frames.deviceByCode(deviceCode).simulated();
    }

    @RolesAllowed(Roles.TECHNICIAN)
    public void placeLoad(String deviceCode, BigDecimal value, String unit) {
        BenchDevice device = frames.deviceByCode(deviceCode);
        if (!Settings.demoMode() || !device.simulated()) {
            throw new RefusedException("error.device.unknown", deviceCode);
        }
        // the value and unit go into the simulator's command line: a plain number and a mass unit only
        if (value == null || value.signum() < 0 || !InputLimits.fits(value, 7, 6) || unit == null
                || !LOAD_UNITS.contains(unit)) {
            throw new RefusedException("error.demo.load", "9999999");
        }
        send(device, "SIM LOAD " + value.toPlainString() + " " + unit + "\r\n", true);
    }

    /**
     * Demo only: plays the part of the multifunction calibrator on a simulated multimeter: puts the nominal value of
     * the job's point on its input (the simulator's extension command {@code SIM:INP}). Refused for real devices.
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public void applyCalibratorOutput(long jobId, int ordinal) {
        var job = jobs.own(jobId);
        BenchDevice device = job.benchDevice();
        if (!Settings.demoMode() || device == null || !device.simulated() || !"scpi".equals(device.protocol())) {
            throw new RefusedException("error.device.unknown", device == null ? "-" : device.code());
        }
        var point = job.testPoint(ordinal);
        boolean volts = "voltage".equals(point.nominal().kind());
        if (!volts && !"resistance".equals(point.nominal().kind())) {
            throw new RefusedException("error.demo.notMultimeterPoint", point.label());
        }
        BigDecimal value = point.nominal().to(org.jiliang.lims.metrology.quantity.Units.of(volts ? "V" : "Ω")).value();
        send(device, "SIM:INP " + (volts ? "VOLT:DC," : "RES,") + value.toPlainString() + "\n", false);
    }

    /**
     * Demo only: plays the part of the pressure generator on a simulated pressure standard: sets its true pressure to
     * the job's point's nominal value, in kPa (the simulator's extension command {@code SIM:PRES}). Refused for real
     * devices.
     */
    @RolesAllowed(Roles.TECHNICIAN)
    public void applyReferencePressure(long jobId, int ordinal) {
        var job = jobs.own(jobId);
        BenchDevice device = job.benchDevice();
        var point = job.testPoint(ordinal);
        if (!Settings.demoMode() || device == null || !device.simulated() || !"pace".equals(device.protocol())
                || point.nominal() == null || !"pressure".equals(point.nominal().kind())) {
            throw new RefusedException("error.device.unknown", device == null ? "-" : device.code());
        }
        BigDecimal kPa = point.nominal().to(org.jiliang.lims.metrology.quantity.Units.of("kPa"), MathContext.DECIMAL64)
                .value();
        send(device, "SIM:PRES " + kPa.toPlainString() + "\n", false);
    }

    private static void send(BenchDevice device, String line, boolean awaitLine) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(device.host(), device.port()), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (awaitLine) {
                InputStream in = socket.getInputStream();
                int b;
                do {
                    b = in.read(); // the simulator acknowledges with one line
                } while (b != -1 && b != '\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("Simulated device " + device.code() + " did not answer", e);
        }
    }
}
