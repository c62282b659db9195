package org.jiliang.lims.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A bench device read by a bench agent instead of the server, and how the agent reaches it on
 * its own PC: a local serial port (USB/RS-232) or a TCP address seen from the bench.
 */
@Entity
@Table(name = "bench_agent_device")
public class AgentDevice {

    @Id
    @Column(name = "device_id")
    private Long deviceId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    private BenchDevice device;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_id", updatable = false)
    private BenchAgent agent;

    @Column(nullable = false)
    private String transport;

    @Column(name = "serial_port")
    private String serialPort;

    @Column(name = "baud_rate", nullable = false)
    private int baudRate;

    @Column(name = "data_bits", nullable = false)
    private int dataBits;

    @Column(nullable = false)
    private String parity;

    @Column(name = "stop_bits", nullable = false)
    private String stopBits;

    @Column(nullable = false)
    private String mode;

    @Column(name = "start_command")
    private String startCommand;

    @Version
    private long version;

    protected AgentDevice() {
    }

    public AgentDevice(BenchDevice device, BenchAgent agent, String transport, String serialPort, int baudRate,
            int dataBits, String parity, String stopBits, String mode, String startCommand) {
        this.device = device;
        this.agent = agent;
        this.transport = transport;
        this.serialPort = serialPort;
        this.baudRate = baudRate;
        this.dataBits = dataBits;
        this.parity = parity;
        this.stopBits = stopBits;
        this.mode = mode;
        this.startCommand = startCommand;
    }

    public BenchDevice device() {
        return device;
    }

    public BenchAgent agent() {
        return agent;
    }

    public String transport() {
        return transport;
    }

    public String serialPort() {
        return serialPort;
    }

    public int baudRate() {
        return baudRate;
    }

    public int dataBits() {
        return dataBits;
    }

    public String parity() {
        return parity;
    }

    public String stopBits() {
        return stopBits;
    }

    public String mode() {
        return mode;
    }

    public String startCommand() {
        return startCommand;
    }
}
