package org.jiliang.lims.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A device on a bench that produces readings, reached over TCP (an Ethernet instrument or a serial device server). */
@Entity
@Table(name = "bench_device")
public class BenchDevice {

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
    private String host;

    @Column(nullable = false)
    private int port;

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

    @Version
    private long version;

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

    public int port() {
        return port;
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
}
