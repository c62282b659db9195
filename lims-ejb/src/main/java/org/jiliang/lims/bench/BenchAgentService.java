package org.jiliang.lims.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.RefusedException;

/**
 * Bench agents: an administrator registers a bench PC (its token is shown once) and assigns it
 * devices; the agent fetches their profiles and forwards every frame from its journal. Each
 * (device, sequence) of an agent is stored once, however often the agent replays it, and every
 * frame goes through {@link DeviceFrameService#record} like a frame read by the server.
 */
@Stateless
public class BenchAgentService {

    /** Statuses a frame may carry: the names of the adapters' ReadingStatus. */
    public static final Set<String> STATUSES = Set.of("STABLE", "DYNAMIC", "OVERLOAD", "UNDERLOAD", "NOT_EXECUTABLE",
            "DEVICE_ERROR", "MALFORMED");
    /** The most frames one batch may carry, so one request stays one short transaction. */
    public static final int MAX_BATCH = 500;
    // 30 characters at most: "agent:" + code must fit device_frame.link_session (36).
    public static final String BENCH_CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,29}";
    private static final Pattern BENCH_CODE = Pattern.compile(BENCH_CODE_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_UNIT = 8;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    /** What the administrator gets once: the token is not kept and cannot be shown again. */
    public record AgentRegistration(String code, String token, String registeredBy, Instant registeredAt) {
    }

    public record AgentView(String code, String registeredBy, Instant registeredAt, boolean revoked,
            List<String> devices) {
    }

    /** A device to be read by a bench agent, with how the agent reaches it on its PC. */
    public record AgentDeviceCommand(String code, String name, String protocol, String transport, String host,
            int port, String serialPort, Integer baudRate, Integer dataBits, String parity, String stopBits,
            String mode, String pollCommand, String startCommand, int pollIntervalMs) {
    }

    /**
     * A device profile as the agent needs it; {@code storedSequence} is the highest sequence the server
     * holds from this agent for the device, so an agent with a lost journal never reuses a number.
     */
    public record AgentDeviceProfile(String code, String name, String protocol, String transport, String host,
            int port, String serialPort, int baudRate, int dataBits, String parity, String stopBits, String mode,
            String pollCommand, String startCommand, int pollIntervalMs, boolean enabled, long storedSequence) {
    }

    /** One frame from the agent's journal: raw bytes in base64, the rest as the agent's codec read them. */
    public record AgentFrame(String device, long sequence, String receivedAt, String raw, String status,
            BigDecimal value, String unit, String rejectReason) {
    }

    /**
     * Per device of a batch: every frame up to {@code acknowledged} that the agent sent is stored now
     * ({@code stored} of them just now, {@code duplicates} already before), so it may trim its journal.
     */
    public record DeviceReceipt(String device, long acknowledged, int stored, int duplicates) {
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AgentRegistration register(String code) {
        if (code == null || !BENCH_CODE.matcher(code).matches()) {
            throw new RefusedException("error.agent.code", code);
        }
        if (findAgent(code) != null) {
            throw new RefusedException("error.agent.exists", code);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String admin = currentUser.account().username();
        BenchAgent agent = new BenchAgent(code, sha256(token), admin, clock.instant());
        em.persist(agent);
        audit.record(new AuditEvent(admin, "bench-agent.registered", "BenchAgent", code, null, null, code, null));
        return new AgentRegistration(code, token, admin, agent.registeredAt());
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AgentView revoke(String code) {
        BenchAgent agent = agentByCode(code);
        agent.revoke(clock.instant());
        audit.record(new AuditEvent(currentUser.account().username(), "bench-agent.revoked", "BenchAgent", code, null,
                "active", "revoked", null));
        return view(agent);
    }

    @RolesAllowed({Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.QUALITY_MANAGER})
    public List<AgentView> agents() {
        return em.createQuery("select a from BenchAgent a order by a.code", BenchAgent.class).getResultStream()
                .map(this::view).toList();
    }

    /**
     * Registers a new device that the bench agent reads (the server never opens a route to it).
     */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public AgentDeviceProfile assignDevice(String benchCode, AgentDeviceCommand c) {
        BenchAgent agent = agentByCode(benchCode);
        if (c.code() == null || !BenchService.CODE.matcher(c.code()).matches()) {
            throw new RefusedException("error.device.code", c.code());
        }
        if (!BenchService.PROTOCOLS.contains(c.protocol())) {
            throw new RefusedException("error.device.protocol", c.protocol(), String.join(", ", BenchService.PROTOCOLS));
        }
        InputLimits.maxLength(c.name(), BenchService.MAX_NAME, "field.name");
        InputLimits.maxLength(c.host(), BenchService.MAX_HOST, "field.host");
        InputLimits.maxLength(c.serialPort(), BenchService.MAX_PATH, "field.serialPort");
        InputLimits.maxLength(c.pollCommand(), BenchService.MAX_COMMAND, "field.pollCommand");
        InputLimits.maxLength(c.startCommand(), BenchService.MAX_COMMAND, "field.startCommand");
        if (c.parity() != null && !c.parity().isBlank()
                && !BenchService.PARITIES.contains(c.parity().strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new RefusedException("error.device.parity", c.parity());
        }
        if (c.stopBits() != null && !c.stopBits().isBlank() && !BenchService.STOP_BITS.contains(c.stopBits().strip())) {
            throw new RefusedException("error.device.stopBits", c.stopBits());
        }
        String transport = c.transport() == null || c.transport().isBlank() ? "serial" : c.transport().strip();
        String host;
        int port;
        String serialPort = null;
        if (transport.equals("serial")) {
            if (c.serialPort() == null || c.serialPort().isBlank()) {
                throw new RefusedException("error.agent.serialPort", c.code());
            }
            // the port as the bench PC names it: /dev/ttyUSB0, or COM3 on Windows
            serialPort = c.serialPort().strip();
            host = null;
            port = 0;
        } else if (transport.equals("tcp")) {
            if (c.port() < 1 || c.port() > 65535 || c.host() == null || c.host().isBlank()) {
                throw new RefusedException("error.device.address", c.host(), c.port());
            }
            host = c.host().strip();
            port = c.port();
        } else {
            throw new RefusedException("error.agent.transport", transport);
        }
        String mode = c.mode() == null || c.mode().isBlank() ? "poll" : c.mode().strip();
        if (!mode.equals("poll") && !mode.equals("stream")) {
            throw new RefusedException("error.agent.mode", mode);
        }
        if (mode.equals("poll") && c.pollIntervalMs() < 100) {
            throw new RefusedException("error.device.pollInterval", c.pollIntervalMs());
        }
        boolean exists = !em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", c.code()).getResultList().isEmpty();
        if (exists) {
            throw new RefusedException("error.device.exists", c.code());
        }
        String pollCommand = c.pollCommand() == null || c.pollCommand().isBlank() ? "" : c.pollCommand().strip();
        String name = c.name() == null || c.name().isBlank() ? c.code() : c.name();
        int interval = Math.max(c.pollIntervalMs(), 100);
        BenchDevice device = serialPort == null
                ? new BenchDevice(c.code(), name, c.protocol(), host, port, pollCommand, interval, false)
                : BenchDevice.onSerialPort(c.code(), name, c.protocol(), new SerialLine(serialPort,
                        c.baudRate() == null ? 9600 : c.baudRate(), c.dataBits() == null ? 8 : c.dataBits(),
                        c.parity() == null || c.parity().isBlank() ? "none" : c.parity().strip(),
                        c.stopBits() == null || c.stopBits().isBlank() ? "1" : c.stopBits().strip(), "none"),
                        pollCommand, interval);
        if (mode.equals(BenchDevice.STREAM)) {
            device.streamAfter(c.startCommand() == null || c.startCommand().isBlank() ? null : c.startCommand().strip());
        }
        em.persist(device);
        AgentDevice assignment = new AgentDevice(device, agent);
        em.persist(assignment);
        AgentDeviceProfile profile = profile(assignment, 0);
        audit.record(new AuditEvent(currentUser.account().username(), "device.registered", "BenchDevice",
                device.code(), null, null, profile.toString(), null));
        return profile;
    }

    /** The bench of this token, or refused: unknown and revoked tokens are treated alike. */
    @PermitAll // the bearer token is the credential; checked here
    public String authenticate(String token) {
        return agentByToken(token).code();
    }

    /** The devices the agent of this token reads, enabled or not, with the highest sequence stored of each. */
    @PermitAll // the bearer token is the credential; checked here
    public List<AgentDeviceProfile> profiles(String token) {
        BenchAgent agent = agentByToken(token);
        List<AgentDeviceProfile> result = new ArrayList<>();
        for (AgentDevice a : assignments(agent)) {
            result.add(profile(a, storedSequence(a.device(), agent)));
        }
        return result;
    }

    /**
     * Stores a batch of frames from the agent's journal, skipping those stored before, all in one
     * transaction: a batch with a frame the server cannot take is refused whole, with the reason.
     */
    @PermitAll // the bearer token is the credential; checked here
    public List<DeviceReceipt> ingest(String token, List<AgentFrame> batch) {
        BenchAgent agent = agentByToken(token);
        if (batch == null || batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() > MAX_BATCH) {
            throw new RefusedException("error.agent.batchTooLarge", batch.size(), MAX_BATCH);
        }
        Map<String, BenchDevice> devices = new LinkedHashMap<>();
        for (AgentDevice a : assignments(agent)) {
            devices.put(a.device().code(), a.device());
        }
        // Checked in full before anything is written: nothing of a refused batch is stored.
        Map<String, TreeMap<Long, DeviceFrameService.IncomingFrame>> byDevice = new LinkedHashMap<>();
        for (AgentFrame f : batch) {
            DeviceFrameService.IncomingFrame in = check(agent, devices, f);
            byDevice.computeIfAbsent(f.device(), d -> new TreeMap<>()).putIfAbsent(f.sequence(), in);
        }
        List<DeviceReceipt> receipts = new ArrayList<>();
        for (var entry : byDevice.entrySet()) {
            BenchDevice device = devices.get(entry.getKey());
            TreeMap<Long, DeviceFrameService.IncomingFrame> incoming = entry.getValue();
            Set<Long> already = new HashSet<>(em.createQuery("select f.sequence from DeviceFrame f"
                    + " where f.device = :d and f.linkSession = :s and f.sequence between :lo and :hi", Long.class)
                    .setParameter("d", device).setParameter("s", agent.linkSession())
                    .setParameter("lo", incoming.firstKey()).setParameter("hi", incoming.lastKey()).getResultList());
            int stored = 0;
            for (var frame : incoming.entrySet()) {
                if (!already.contains(frame.getKey())) {
                    frames.record(frame.getValue());
                    stored++;
                }
            }
            receipts.add(new DeviceReceipt(device.code(), incoming.lastKey(), stored, incoming.size() - stored));
        }
        return receipts;
    }

    private DeviceFrameService.IncomingFrame check(BenchAgent agent, Map<String, BenchDevice> devices, AgentFrame f) {
        if (f == null || f.device() == null || !devices.containsKey(f.device())) {
            throw new RefusedException("error.agent.deviceNotAssigned", f == null ? null : f.device(), agent.code());
        }
        if (f.sequence() < 1) {
            throw new RefusedException("error.agent.frame", f.device(), f.sequence(), "sequence < 1");
        }
        Instant receivedAt;
        byte[] raw;
        try {
            receivedAt = Instant.parse(f.receivedAt());
            raw = Base64.getDecoder().decode(f.raw());
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new RefusedException("error.agent.frame", f.device(), f.sequence(),
                    "receivedAt must be an ISO-8601 instant and raw base64: " + e.getMessage());
        }
        if (!STATUSES.contains(f.status())) {
            throw new RefusedException("error.agent.frame", f.device(), f.sequence(), "unknown status " + f.status());
        }
        if ((f.value() == null) != (f.unit() == null) || (f.unit() != null && f.unit().length() > MAX_UNIT)) {
            throw new RefusedException("error.agent.frame", f.device(), f.sequence(),
                    "a value needs a unit of at most " + MAX_UNIT + " characters");
        }
        return new DeviceFrameService.IncomingFrame(f.device(), agent.linkSession(), f.sequence(), receivedAt, raw,
                f.status(), f.value(), f.unit(), f.rejectReason(), new String(raw, StandardCharsets.ISO_8859_1));
    }

    private long storedSequence(BenchDevice device, BenchAgent agent) {
        Long max = em.createQuery("select max(f.sequence) from DeviceFrame f where f.device = :d"
                + " and f.linkSession = :s", Long.class)
                .setParameter("d", device).setParameter("s", agent.linkSession()).getSingleResult();
        return max == null ? 0 : max;
    }

    private List<AgentDevice> assignments(BenchAgent agent) {
        return em.createQuery("select a from AgentDevice a where a.agent = :a order by a.device.code",
                AgentDevice.class).setParameter("a", agent).getResultList();
    }

    private static AgentDeviceProfile profile(AgentDevice a, long storedSequence) {
        BenchDevice d = a.device();
        SerialLine line = d.serialLine();
        return new AgentDeviceProfile(d.code(), d.name(), d.protocol(), d.transport(),
                line == null ? d.host() : null, d.port(), line == null ? null : line.port(),
                line == null ? 9600 : line.baudRate(), line == null ? 8 : line.dataBits(),
                line == null ? "none" : line.parity(), line == null ? "1" : line.stopBits(), d.mode(),
                d.pollCommand().isEmpty() ? null : d.pollCommand(), d.startCommand(), d.pollIntervalMs(), d.enabled(),
                storedSequence);
    }

    private AgentView view(BenchAgent agent) {
        return new AgentView(agent.code(), agent.registeredBy(), agent.registeredAt(), agent.revoked(),
                assignments(agent).stream().map(a -> a.device().code()).toList());
    }

    private BenchAgent agentByToken(String token) {
        if (token == null || token.isBlank()) {
            throw new BenchTokenRefusedException();
        }
        BenchAgent agent = em.createQuery("select a from BenchAgent a where a.tokenHash = :h", BenchAgent.class)
                .setParameter("h", sha256(token.strip())).getResultStream().findFirst().orElse(null);
        if (agent == null || agent.revoked()) {
            throw new BenchTokenRefusedException();
        }
        return agent;
    }

    private BenchAgent agentByCode(String code) {
        BenchAgent agent = findAgent(code);
        if (agent == null) {
            throw new RefusedException("error.agent.notFound", code);
        }
        return agent;
    }

    private BenchAgent findAgent(String code) {
        return em.createQuery("select a from BenchAgent a where a.code = :c", BenchAgent.class)
                .setParameter("c", code).getResultStream().findFirst().orElse(null);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
