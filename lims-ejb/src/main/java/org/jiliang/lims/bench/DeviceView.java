package org.jiliang.lims.bench;

/** A bench device profile as the administration page and the API show it. */
public record DeviceView(String code, String name, String protocol, String host, int port, String pollCommand,
        int pollIntervalMs, boolean enabled, boolean simulated) {

    static DeviceView of(BenchDevice d) {
        return new DeviceView(d.code(), d.name(), d.protocol(), d.host(), d.port(), d.pollCommand(),
                d.pollIntervalMs(), d.enabled(), d.simulated());
    }
}
