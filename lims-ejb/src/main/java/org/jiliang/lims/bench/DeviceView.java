package org.jiliang.lims.bench;

/**
 * A bench device profile as the administration page and the API show it. A TCP device has a host
 * and port, a serial device a serial port and its settings (e.g. {@code 9600 N 8 1}); the others
 * are null (port 0).
 */
public record DeviceView(String code, String name, String protocol, String host, int port, String pollCommand,
        int pollIntervalMs, boolean enabled, boolean simulated, String transport, String serialPort,
        String serialSettings, String mode, String startCommand, boolean retired, String retiredAt,
        String retiredBy, String retireReason, String expectedUnits,
        // issue 9, identity and link: what the profile records, the link now, the identity judged
        String serialNumber, String model, LinkState link, IdentityVerdict identity) {

    /** The profile alone, without its link (for the audit trail and the answer to a change). */
    static DeviceView of(BenchDevice d) {
        return of(d, null, null);
    }

    static DeviceView of(BenchDevice d, LinkState link, IdentityVerdict identity) {
        SerialLine line = d.serialLine();
        return new DeviceView(d.code(), d.name(), d.protocol(), d.host(), d.port(), d.pollCommand(),
                d.pollIntervalMs(), d.enabled(), d.simulated(), d.transport(), line == null ? null : line.port(),
                line == null ? null : line.settings(), d.mode(), d.startCommand(), d.retired(),
                d.retiredAt() == null ? null : org.jiliang.lims.platform.InstituteTime.seconds(d.retiredAt()),
                d.retiredBy(), d.retireReason(),
                String.join(", ", ExpectedUnits.of(d)), d.serialNumber(), d.model(), link, identity);
    }

    /** Where the device is: {@code host:port} or the serial port with its settings. */
    public String address() {
        return serialPort != null ? serialPort + " (" + serialSettings + ")" : host + ":" + port;
    }

    public boolean streams() {
        return BenchDevice.STREAM.equals(mode);
    }
}
