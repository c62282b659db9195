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
 * A bench device read by a bench agent instead of the server. How the agent reaches it on its own
 * PC (a local serial port or a TCP address seen from the bench) is the device's profile, as for any
 * bench device.
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

    @Version
    private long version;

    protected AgentDevice() {
    }

    public AgentDevice(BenchDevice device, BenchAgent agent) {
        this.device = device;
        this.agent = agent;
    }

    public BenchDevice device() {
        return device;
    }

    public BenchAgent agent() {
        return agent;
    }
}
