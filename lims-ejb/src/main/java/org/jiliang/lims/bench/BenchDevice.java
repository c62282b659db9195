package org.jiliang.lims.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A device on a bench that produces readings, reached over TCP (an Ethernet instrument or a serial
 * device server) or on a serial port of the server; polled, or streaming on its own.
 */
@Entity
@Table(name = "bench_device")
public class BenchDevice {

    public static final String TCP = "tcp";
    public static final String SERIAL = "serial";
    public static final String POLL = "poll";
    public static final String STREAM = "stream";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String protocol;

    @Column(nullable = false)
    private String transport = TCP;

    /** Null for a serial device. */
    private String host;

    /** Null for a serial device. */
    private Integer port;

    @Column(name = "serial_port")
    private String serialPort;

    @Column(name = "baud_rate")
    private Integer baudRate;

    @Column(name = "data_bits")
    private Integer dataBits;

    private String parity;

    @Column(name = "stop_bits")
    private String stopBits;

    @Column(name = "flow_control")
    private String flowControl;

    @Column(name = "acquisition_mode", nullable = false)
    private String mode = POLL;

    @Column(name = "start_command")
    private String startCommand;

    @Column(name = "poll_command", nullable = false)
    private String pollCommand;

    @Column(name = "poll_interval_ms", nullable = false)
    private int pollIntervalMs;

    /** Set only by the demo data: the device is a simulator started by the demo profile. */
    @Column(nullable = false)
    private boolean simulated;

    @Column(nullable = false)
    private boolean enabled;

    /** The scale interval d of the device, e.g. of a mass comparator (enters a calibration's budget). */
    @Column(name = "scale_interval")
    private java.math.BigDecimal scaleInterval;
    @Column(name = "scale_interval_unit")
    private String scaleIntervalUnit;

    /** A comparator's pooled standard deviation of its weighing process, from its control records (issue 11). */
    @Column(name = "process_sd")
    private java.math.BigDecimal processSd;
    @Column(name = "process_sd_unit")
    private String processSdUnit;
    @Column(name = "process_sd_dof")
    private Integer processSdDof;
    @Column(name = "process_sd_source")
    private String processSdSource;

    /** What the instrument must report as its serial number and model (issue 9); null: not registered. */
    @Column(name = "serial_number")
    private String serialNumber;
    @Column(name = "model")
    private String model;

    @Version
    private long version;

    /** Issue 9: a retired device is kept (its frames are original records), never read or used again. */
    @Column(name = "retired_at")
    private java.time.Instant retiredAt;
    @Column(name = "retired_by")
    private String retiredBy;
    @Column(name = "retire_reason")
    private String retireReason;

    /** The units its readings are expected in, e.g. "g, kg"; null: what the protocol's codec says (ExpectedUnits). */
    @Column(name = "expected_units")
    private String expectedUnits;

    protected BenchDevice() {
    }

    public BenchDevice(String code, String name, String protocol, String host, int port, String pollCommand,
            int pollIntervalMs, boolean simulated) {
        this.code = code;
        this.name = name;
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.pollCommand = pollCommand;
        this.pollIntervalMs = pollIntervalMs;
        this.simulated = simulated;
        this.enabled = true;
    }

    /** A device on a serial port of the server instead of a TCP address. */
    public static BenchDevice onSerialPort(String code, String name, String protocol, SerialLine line,
            String pollCommand, int pollIntervalMs) {
        BenchDevice device = new BenchDevice(code, name, protocol, null, 0, pollCommand, pollIntervalMs, false);
        device.port = null;
        device.transport = SERIAL;
        device.serialPort = line.port();
        device.baudRate = line.baudRate();
        device.dataBits = line.dataBits();
        device.parity = line.parity();
        device.stopBits = line.stopBits();
        device.flowControl = line.flowControl();
        return device;
    }

    /** The device sends its readings on its own, after the start command (if any) on each connection. */
    public void streamAfter(String command) {
        this.mode = STREAM;
        this.startCommand = command;
    }

    /** Enables or disables the device's route; the acquisition context follows after commit. */
    public void enable(boolean on) {
        this.enabled = on;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String protocol() {
        return protocol;
    }

    public String host() {
        return host;
    }

    /** 0 for a serial device. */
    public int port() {
        return port == null ? 0 : port;
    }

    public String transport() {
        return transport;
    }

    public boolean onSerialPort() {
        return SERIAL.equals(transport);
    }

    /** The serial line settings, or null for a TCP device. */
    public SerialLine serialLine() {
        return onSerialPort() ? new SerialLine(serialPort, baudRate, dataBits, parity, stopBits, flowControl) : null;
    }

    public String mode() {
        return mode;
    }

    public boolean streams() {
        return STREAM.equals(mode);
    }

    public String startCommand() {
        return startCommand;
    }

    public String pollCommand() {
        return pollCommand;
    }

    public int pollIntervalMs() {
        return pollIntervalMs;
    }

    public boolean simulated() {
        return simulated;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Records the scale interval d of the device (from its data sheet or calibration certificate). */
    public void scaleInterval(org.jiliang.lims.metrology.Mass d) {
        this.scaleInterval = d.value();
        this.scaleIntervalUnit = d.unit().symbol();
    }

    /** The scale interval d, when recorded. */
    public java.util.Optional<org.jiliang.lims.metrology.Mass> scaleInterval() {
        return scaleInterval == null ? java.util.Optional.empty()
                : java.util.Optional.of(org.jiliang.lims.metrology.Mass.of(scaleInterval,
                        org.jiliang.lims.metrology.MassUnit.fromSymbol(scaleIntervalUnit)));
    }

    /**
     * Records the pooled standard deviation s_p of the device's measurement process from its control records: a mass
     * comparator's weighing process (R 111-1 C.6.1), a meter's ratio of two resistors (EA-4/02 S3).
     */
    public void pooledStandardDeviation(org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation pooled) {
        this.processSd = pooled.value();
        this.processSdUnit = pooled.unit();
        this.processSdDof = pooled.degreesOfFreedom();
        this.processSdSource = pooled.source();
    }

    /** The device's recorded s_p, when there is one. */
    public java.util.Optional<org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation> pooledStandardDeviation() {
        return processSd == null ? java.util.Optional.empty()
                : java.util.Optional.of(new org.jiliang.lims.metrology.uncertainty.PooledStandardDeviation(processSd,
                        processSdUnit == null ? "" : processSdUnit, processSdDof, processSdSource));
    }

    /** Takes the device out of service for good: its route stops, its code stays taken, its frames stay. */
    public void retire(String by, java.time.Instant at, String reason) {
        this.enabled = false;
        this.retiredAt = at;
        this.retiredBy = by;
        this.retireReason = reason;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public java.time.Instant retiredAt() {
        return retiredAt;
    }

    public String retiredBy() {
        return retiredBy;
    }

    public String retireReason() {
        return retireReason;
    }

    public String expectedUnits() {
        return expectedUnits;
    }

    /** The units the device's readings must be in; null or blank for the protocol's own. */
    public void expectUnits(String units) {
        this.expectedUnits = units == null || units.isBlank() ? null : units.strip();
    }

    /** Records the serial number and model the instrument must report; null or blank: not registered. */
    public void identify(String model, String serialNumber) {
        this.model = model == null || model.isBlank() ? null : model.strip();
        this.serialNumber = serialNumber == null || serialNumber.isBlank() ? null : serialNumber.strip();
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String model() {
        return model;
    }
}
