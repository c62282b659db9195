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
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * Device profiles are data: an administrator registers a device of a known protocol on a bench
 * and starts or stops it; the acquisition routes follow without a code change or a redeploy.
 */
@Stateless
public class BenchService {

    /** Protocols the instrument adapters can speak (codec names of instrument-adapters). */
    public static final Set<String> PROTOCOLS = Set.of("mt-sics", "pace", "sbi", "scpi", "vaisala");
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
    /** bench_device.retire_reason is varchar(500). */
    public static final int MAX_RETIRE_REASON = 500;
    /** bench_device.serial_number and model (V011). */
    public static final int MAX_SERIAL_NUMBER = 64;
    public static final int MAX_MODEL = 100;

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

    /** The most devices one query reads; the longest search text; the columns the register sorts by. */
    public static final int MAX_PAGE = 1000;
    public static final int MAX_SEARCH = 100;
    static final java.util.Map<String, String> SORTABLE = java.util.Map.of("code", "d.code", "name", "d.name",
            "protocol", "d.protocol");

    /**
     * The register a page at a time (issue 11): newest first unless {@code sortBy} names a column, retired devices
     * too if asked for, searched by code or name.
     */
    @RolesAllowed({Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public org.jiliang.lims.platform.Paged<DeviceView> devices(String text, boolean withRetired, String sortBy,
            boolean ascending, int first, int max) {
        org.jiliang.lims.platform.Paged.requirePage(first, max, MAX_PAGE);
        org.jiliang.lims.platform.InputLimits.maxLength(text, MAX_SEARCH, "field.text");
        String order = org.jiliang.lims.platform.Paged.orderBy(SORTABLE, sortBy, "d.id");
        StringBuilder where = new StringBuilder("from BenchDevice d where 1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (!withRetired) {
            where.append(" and d.retiredAt is null");
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(d.code) like :text or lower(d.name) like :text)");
            parameters.put("text", org.jiliang.lims.platform.LikePattern.containing(text));
        }
        java.util.Set<String> byAgent = new java.util.HashSet<>(em.createQuery(
                "select a.device.code from AgentDevice a", String.class).getResultList());
        String direction = ascending ? " asc" : " desc";
        return org.jiliang.lims.platform.Paged.query(em, BenchDevice.class, "d", "d", where.toString(), parameters,
                order + direction + ", d.id" + direction, first, max,
                d -> DeviceView.of(d, linkOf(d, byAgent.contains(d.code())), frames.identityVerdict(d)));
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
        BenchDevice device = p.newDevice();
        requireNewCode(em, device.code());
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

    /** A device code is taken for good: retired devices keep theirs, with their frames. */
    static void requireNewCode(jakarta.persistence.EntityManager em, String code) {
        boolean exists = !em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", code).getResultList().isEmpty();
        if (exists) {
            throw new RefusedException("error.device.exists", code);
        }
    }

    private void record(String action, BenchDevice device, String oldValue, String newValue) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "BenchDevice", device.code(), null,
                oldValue, newValue, null));
    }
}
