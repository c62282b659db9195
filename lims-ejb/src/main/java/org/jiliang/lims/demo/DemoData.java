package org.jiliang.lims.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.logging.Logger;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.jiliang.instrument.simulator.PacePressureStandardSimulator;
import org.jiliang.instrument.simulator.ScpiCalibratorSimulator;
import org.jiliang.instrument.simulator.ScpiMultimeterSimulator;
import org.jiliang.lims.platform.Settings;

/**
 * In demo mode: loads a small institute once (an empty database only, so a restart keeps
 * the data) and starts the simulated bench devices. Simulators exist in the server only
 * because this bean starts them explicitly (architecture rule 6).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CatalogueSeed"}) // the demo's instruments are planned by the catalogue
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** What the simulated scale and comparator report to I2 and I4; their device profiles record the same. */
    static final String BALANCE_MODEL = "YH-XK3190 (simulated)";
    static final String BALANCE_SERIAL_NUMBER = "YH2026-00731";
    static final String COMPARATOR_MODEL = "XPE1205C mass comparator (simulated)";
    static final String COMPARATOR_SERIAL_NUMBER = "CMP2026-0042";

    static final String MULTIMETER_MANUFACTURER = "JIANGHAI-SIM";
    static final String MULTIMETER_MODEL = "DMM-6510 (simulated)";
    static final String MULTIMETER_SERIAL_NUMBER = "DMM2026-0815";

    static final String CALIBRATOR_MODEL = "5520A (simulated)";
    static final String CALIBRATOR_SERIAL_NUMBER = "MFC2023-0611";

    static final String PRESSURE_MODEL = "PACE1000 (simulated)";
    static final String PRESSURE_SERIAL_NUMBER = "PACE2026-0316";

    @Inject
    private DemoDataLoader loader;
    @Inject
    private DemoStandardHistory standardHistory;
    @Inject
    private DemoBenchHistory benchHistory;

    private MtSicsBalanceSimulator balance;
    private MtSicsBalanceSimulator comparator;
    private ScpiMultimeterSimulator multimeter;
    private PacePressureStandardSimulator pressure;
    private ScpiCalibratorSimulator calibrator;

    @PostConstruct
    void start() {
        if (!Settings.demoMode()) {
            return;
        }
        Duration settle = Settings.demoSettleTime(); // a wrong value stops the start before anything is loaded
        boolean loaded = loader.loadIfEmpty(Settings.demoBalancePort(), Settings.demoComparatorPort(),
                Settings.demoMultimeterPort(), Settings.demoPressurePort(), Settings.demoCalibratorPort());
        if (loaded) {
            try {
                standardHistory.load(); // its own transaction, once the demo's accounts are there to act as
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.SEVERE, "The demo's standard history (" + DemoStandardHistory.STANDARD
                        + ") could not be recorded; the rest of the demo is there", e);
            }
        }
        balance = simulator("scale", Settings.demoBalancePort(), "30.00", "0.01", "kg", BALANCE_MODEL,
                BALANCE_SERIAL_NUMBER, settle);
        try {
            comparator = simulator("mass comparator", Settings.demoComparatorPort(), "1100.0000", "0.0001", "g",
                    COMPARATOR_MODEL, COMPARATOR_SERIAL_NUMBER, settle);
            // a 6½-digit meter whose last digit moves a little: the repeatability of its readings is not zero
            multimeter = ScpiMultimeterSimulator.builder().port(Settings.demoMultimeterPort())
                    .manufacturer(MULTIMETER_MANUFACTURER).model(MULTIMETER_MODEL)
                    .serialNumber(MULTIMETER_SERIAL_NUMBER).noise(new BigDecimal("0.000004")).start();
            // the calibrator's terminals are wired to the meter's input: what it puts out while operating is what the
            // meter measures; in standby the input is open (0 V)
            ScpiMultimeterSimulator meter = multimeter;
            calibrator = ScpiCalibratorSimulator.builder().port(Settings.demoCalibratorPort())
                    .model(CALIBRATOR_MODEL).serialNumber(CALIBRATOR_SERIAL_NUMBER)
                    .onOutput((function, value) -> meter.apply(function == null ? "VOLT:DC" : function,
                            function == null ? BigDecimal.ZERO : value))
                    .start();
            // a 0–70 kPa gauge standard reading in kPa, without noise: the demo's top point (300 mmHg) is the top of
            // the meter's range, and a reading a few pascals above it is refused as outside the range
            pressure = PacePressureStandardSimulator.builder().port(Settings.demoPressurePort())
                    .model(PRESSURE_MODEL).serialNumber(PRESSURE_SERIAL_NUMBER).start();
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot start the simulated multimeter, calibrator or pressure standard on"
                    + " port " + Settings.demoMultimeterPort() + ", " + Settings.demoCalibratorPort() + " or "
                    + Settings.demoPressurePort(), e);
        } catch (UncheckedIOException e) {
            stop();
            throw e;
        }
        if (loaded && Settings.demoHistory()) {
            benchHistory.schedule(); // once the acquisition streams the simulators' readings, after this start-up
        }
        LOG.info(banner(loaded));
    }

    private static MtSicsBalanceSimulator simulator(String what, int port, String capacity, String displayInterval,
            String unit, String model, String serialNumber, Duration settle) {
        try {
            return MtSicsBalanceSimulator.builder().port(port).capacity(new BigDecimal(capacity))
                    .displayInterval(new BigDecimal(displayInterval)).unit(unit).model(model)
                    .serialNumber(serialNumber).settleTime(settle).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the simulated " + what + " on port " + port, e);
        }
    }

    private static String banner(boolean loadedNow) {
        return "\n"
                + "==================================================================\n"
                + " Jiliang LIMS demo is starting: open " + Settings.publicBaseUrl() + "/\n"
                + (loadedNow ? " Demo data loaded now." : " Demo data kept from the last run.") + "\n"
                + " Logins (password for all: " + DemoDataLoader.DEMO_PASSWORD + "):\n"
                + "   technician (检定员)      checker (核验员)     approver (批准人)\n"
                + "   quality (质量负责人)     clerk (收发员)       admin (管理员)\n"
                + "   technician2 (检定员, authorization expired yesterday)\n"
                + "   customer (华东食品, customer)  customer2 (another customer)\n"
                + " Simulated MT-SICS scale on 127.0.0.1:" + Settings.demoBalancePort()
                + ", mass comparator on 127.0.0.1:" + Settings.demoComparatorPort() + "\n"
                + " Simulated SCPI multimeter on 127.0.0.1:" + Settings.demoMultimeterPort() + " driven by a calibrator"
                + " on 127.0.0.1:" + Settings.demoCalibratorPort()
                + ", pressure standard (PACE) on 127.0.0.1:" + Settings.demoPressurePort() + "\n"
                + "==================================================================";
    }

    @PreDestroy
    void stop() {
        if (balance != null) {
            balance.close();
        }
        if (comparator != null) {
            comparator.close();
        }
        if (multimeter != null) {
            multimeter.close();
        }
        if (pressure != null) {
            pressure.close();
        }
        if (calibrator != null) {
            calibrator.close();
        }
    }
}
