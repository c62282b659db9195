package org.jiliang.lims.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * Device profiles are data: an administrator registers a device of a known protocol on a bench
 * and starts or stops it; the acquisition routes follow without a code change or a redeploy.
 */
@Stateless
public class BenchService {

    /** Protocols the instrument adapters can speak (codec names of instrument-adapters). */
    public static final Set<String> PROTOCOLS = Set.of("mt-sics", "sbi", "scpi", "vaisala");
    /** A device code: capital letters, digits, hyphens (bench_device.code is varchar(32)). */
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,31}";
    static final Pattern CODE = Pattern.compile(CODE_PATTERN);
    /** Column lengths of bench_device. */
    public static final int MAX_NAME = 200;
    public static final int MAX_HOST = 200;
    public static final int MAX_PATH = 200;
    public static final int MAX_COMMAND = 32;
    /** bench_device.expected_units is varchar(64): units as a device sends them, comma-separated. */
    public static final int MAX_EXPECTED_UNITS = 64;
    private static final Pattern UNIT = Pattern.compile("[!-~&&[^,]]{1,8}");
    /** bench_device.retire_reason is varchar(500). */
    public static final int MAX_RETIRE_REASON = 500;
    /** bench_device.serial_number and model (V011). */
    public static final int MAX_SERIAL_NUMBER = 64;
    public static final int MAX_MODEL = 100;
    /** An absolute path such as /dev/ttyUSB0 or /dev/pts/3; no spaces or parentheses (they end up in a URI). */
    private static final Pattern SERIAL_PORT = Pattern.compile("/[A-Za-z0-9._/-]{1,199}");

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private Event<DeviceProfileChanged> changed;
    @Inject
    private java.time.Clock clock;

    /** Serial line settings an administrator may choose from. */
    public static final Set<String> PARITIES = Set.of("none", "odd", "even", "mark", "space");
    public static final Set<String> STOP_BITS = Set.of("1", "1.5", "2");
    public static final Set<String> FLOW_CONTROLS = Set.of("none", "rts-cts", "xon-xoff");
    public static final Set<String> MODES = Set.of(BenchDevice.POLL, BenchDevice.STREAM);
    private static final Pattern COMMAND = Pattern.compile("[ -~&&[^()]]{1,32}");

    /**
     * What an administrator says about a new device. {@code transport} is tcp (host and port) or
     * serial ({@code serialLine}); {@code mode} is poll (pollCommand every pollIntervalMs) or stream
     * (the device sends on its own after startCommand, if any). Null transport and mode mean tcp, poll.
     */
    public record DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
            int pollIntervalMs, String transport, SerialLine serialLine, String mode, String startCommand,
            String expectedUnits, String serialNumber, String model) {

        /** Without expected units or the instrument's identity: captures are allowed, the page warns that the identity is not registered. */
        public DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
                int pollIntervalMs, String transport, SerialLine serialLine, String mode, String startCommand) {
            this(code, name, protocol, host, port, pollCommand, pollIntervalMs, transport, serialLine, mode,
                    startCommand, null, null, null);
        }

        /** A polled TCP device. */
        public DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
                int pollIntervalMs) {
            this(code, name, protocol, host, port, pollCommand, pollIntervalMs, null, null, null, null);
        }
    }

    /** The devices in service: what a job can use and the device list shows by default. */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public List<DeviceView> devices() {
        return devices(false);
    }

    /** The devices, retired ones too if asked for (they stay in the register with their frames). */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public List<DeviceView> devices(boolean withRetired) {
        java.util.Set<String> byAgent = new java.util.HashSet<>(em.createQuery(
                "select a.device.code from AgentDevice a", String.class).getResultList());
        return em.createQuery("select d from BenchDevice d" + (withRetired ? "" : " where d.retiredAt is null")
                + " order by d.code", BenchDevice.class).getResultStream()
                .map(d -> DeviceView.of(d, linkOf(d, byAgent.contains(d.code())), frames.identityVerdict(d)))
                .toList();
    }

    /**
     * Retires a device: not deleted (its frames are original records and its code stays taken), its route
     * stops, it cannot be started again nor chosen for a job. Refused while a job that is not yet approved
     * uses it: such a job may still be sent back to the bench.
     */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public DeviceView retire(String code, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RefusedException("error.device.retireReason");
        }
        InputLimits.maxLength(reason.strip(), MAX_RETIRE_REASON, "field.retireReason");
        BenchDevice device = frames.deviceByCode(code);
        if (device.retired()) {
            throw new RefusedException("error.device.retired", device.code());
        }
        // by table name: the jobs (package order) depend on the benches, not the other way round
        List<?> openJobs = em.createNativeQuery("select job_number from verification_job where bench_device_id = ?1"
                + " and state not in ('APPROVED', 'CERTIFICATE_ISSUED') order by job_number")
                .setParameter(1, device.id()).getResultList();
        if (!openJobs.isEmpty()) {
            throw new RefusedException("error.device.retireInUse", device.code(),
                    openJobs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        boolean wasEnabled = device.enabled();
        device.retire(currentUser.account().username(), clock.instant(), reason.strip());
        audit.record(new AuditEvent(currentUser.account().username(), "device.retired", "BenchDevice", device.code(),
                null, wasEnabled ? "enabled" : "stopped", "retired", reason.strip()));
        changed.fire(new DeviceProfileChanged(device.code(), false));
        return DeviceView.of(device);
    }

    /** A device a bench agent reads shows as such even before its agent forwarded an identity. */
    private LinkState linkOf(BenchDevice d, boolean readByAgent) {
        LinkState link = frames.linkState(d);
        if (!readByAgent && !d.enabled() && LinkState.UNKNOWN.equals(link.state())) {
            return LinkState.stopped(d.code(), link.identityAvailable());
        }
        if (readByAgent && LinkState.UNKNOWN.equals(link.state())) {
            return new LinkState(d.code(), LinkState.AGENT, null, null, null, null, 0, link.identityAvailable(), null,
                    null, null, null, 0);
        }
        return link;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public DeviceView register(DeviceProfile p) {
        if (p.code() == null || !CODE.matcher(p.code()).matches()) {
            throw new RefusedException("error.device.code", p.code());
        }
        if (!PROTOCOLS.contains(p.protocol())) {
            throw new RefusedException("error.device.protocol", p.protocol(), String.join(", ", PROTOCOLS));
        }
        InputLimits.maxLength(p.name(), MAX_NAME, "field.name");
        InputLimits.maxLength(p.host(), MAX_HOST, "field.host");
        InputLimits.maxLength(p.serialNumber(), MAX_SERIAL_NUMBER, "field.serialNumber");
        InputLimits.maxLength(p.model(), MAX_MODEL, "field.model");
        checkPrintable(p.serialNumber());
        checkPrintable(p.model());
        String transport = p.transport() == null || p.transport().isBlank() ? BenchDevice.TCP : p.transport().strip();
        if (BenchDevice.SERIAL.equals(transport)) {
            checkSerialLine(p.serialLine());
        } else if (BenchDevice.TCP.equals(transport)) {
            if (p.port() < 1 || p.port() > 65535 || p.host() == null || p.host().isBlank()) {
                throw new RefusedException("error.device.address", p.host(), p.port());
            }
        } else {
            throw new RefusedException("error.device.transport", transport);
        }
        String mode = p.mode() == null || p.mode().isBlank() ? BenchDevice.POLL : p.mode().strip();
        if (!MODES.contains(mode)) {
            throw new RefusedException("error.device.mode", mode);
        }
        if (BenchDevice.POLL.equals(mode) && p.pollIntervalMs() < 100) {
            throw new RefusedException("error.device.pollInterval", p.pollIntervalMs());
        }
        String startCommand = p.startCommand() == null || p.startCommand().isBlank() ? null : p.startCommand().strip();
        if (startCommand != null && !COMMAND.matcher(startCommand).matches()) {
            throw new RefusedException("error.device.command", startCommand);
        }
        String pollCommand = p.pollCommand() == null || p.pollCommand().isBlank() ? "SI" : p.pollCommand().strip();
        if (!COMMAND.matcher(pollCommand).matches()) {
            throw new RefusedException("error.device.command", pollCommand);
        }
        boolean exists = !em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", p.code()).getResultList().isEmpty();
        if (exists) {
            throw new RefusedException("error.device.exists", p.code());
        }
        int pollInterval = Math.max(p.pollIntervalMs(), 0); // unused when streaming
        BenchDevice device = BenchDevice.SERIAL.equals(transport)
                ? BenchDevice.onSerialPort(p.code(), p.name(), p.protocol(), normalised(p.serialLine()), pollCommand,
                        pollInterval)
                : new BenchDevice(p.code(), p.name(), p.protocol(), p.host().strip(), p.port(), pollCommand,
                        pollInterval, false);
        if (BenchDevice.STREAM.equals(mode)) {
            device.streamAfter(startCommand);
        }
        if (p.expectedUnits() != null && !p.expectedUnits().isBlank()) {
            InputLimits.maxLength(p.expectedUnits(), MAX_EXPECTED_UNITS, "field.expectedUnits");
            if (ExpectedUnits.parse(p.expectedUnits()).stream().anyMatch(u -> !UNIT.matcher(u).matches())) {
                throw new RefusedException("error.device.expectedUnits", p.expectedUnits());
            }
            device.expectUnits(String.join(",", ExpectedUnits.parse(p.expectedUnits())));
        }
        device.identify(p.model(), p.serialNumber());
        em.persist(device);
        record("device.registered", device, null, DeviceView.of(device).toString());
        changed.fire(new DeviceProfileChanged(device.code(), true));
        return DeviceView.of(device);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public DeviceView setEnabled(String code, boolean enabled) {
        BenchDevice device = frames.deviceByCode(code);
        if (enabled && device.retired()) {
            throw new RefusedException("error.device.retired", device.code());
        }
        boolean before = device.enabled();
        device.enable(enabled);
        record(enabled ? "device.started" : "device.stopped", device, Boolean.toString(before),
                Boolean.toString(enabled));
        changed.fire(new DeviceProfileChanged(code, enabled));
        return DeviceView.of(device);
    }

    /** An identity field is compared with what the instrument sends: printable characters only. */
    private static void checkPrintable(String value) {
        if (value != null && !value.chars().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new RefusedException("error.device.identityText", value.strip());
        }
    }

    private static void checkSerialLine(SerialLine line) {
        if (line == null || line.port() == null || !SERIAL_PORT.matcher(line.port().strip()).matches()) {
            throw new RefusedException("error.device.serialPort", line == null ? null : line.port());
        }
        if (line.baudRate() < 50 || line.baudRate() > 4_000_000) {
            throw new RefusedException("error.device.baudRate", String.valueOf(line.baudRate()));
        }
        if (line.dataBits() < 5 || line.dataBits() > 8) {
            throw new RefusedException("error.device.dataBits", line.dataBits());
        }
        if (line.parity() == null || !PARITIES.contains(line.parity().strip().toLowerCase(Locale.ROOT))) {
            throw new RefusedException("error.device.parity", line.parity());
        }
        if (line.stopBits() == null || !STOP_BITS.contains(line.stopBits().strip())) {
            throw new RefusedException("error.device.stopBits", line.stopBits());
        }
        if (line.flowControl() != null && !line.flowControl().isBlank()
                && !FLOW_CONTROLS.contains(line.flowControl().strip().toLowerCase(Locale.ROOT))) {
            throw new RefusedException("error.device.flowControl", line.flowControl());
        }
    }

    private static SerialLine normalised(SerialLine line) {
        String flow = line.flowControl() == null || line.flowControl().isBlank()
                ? "none" : line.flowControl().strip().toLowerCase(Locale.ROOT);
        return new SerialLine(line.port().strip(), line.baudRate(), line.dataBits(),
                line.parity().strip().toLowerCase(Locale.ROOT), line.stopBits().strip(), flow);
    }

    private void record(String action, BenchDevice device, String oldValue, String newValue) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "BenchDevice", device.code(), null,
                oldValue, newValue, null));
    }
}
