package org.jiliang.lims.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jiliang.instrument.codec.DeviceCodecs;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.InputLimits;
import org.jiliang.lims.platform.Messages;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;
import org.jiliang.lims.platform.Sha256;

/**
 * Bench agents: an administrator registers a bench PC (its token is shown once) and assigns it
 * devices; the agent fetches their profiles and forwards every frame from its journal. Each
 * (device, sequence) of an agent is stored once, however often the agent replays it, and every
 * frame goes through {@link DeviceFrameService#record} like a frame read by the server.
 */
@Stateless
public class BenchAgentService {

    @Inject
    private LinkStateBoard links;

    /** The most frames one batch may carry, so one request stays one short transaction. */
    public static final int MAX_BATCH = 500;
    // 30 characters at most: "agent:" + code must fit device_frame.link_session (36).
    public static final String BENCH_CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,29}";
    private static final Pattern BENCH_CODE = Pattern.compile(BENCH_CODE_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

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
            String mode, String pollCommand, String startCommand, int pollIntervalMs, String serialNumber, String model) {

        /** Without the instrument's identity. */
        public AgentDeviceCommand(String code, String name, String protocol, String transport, String host, int port,
                String serialPort, Integer baudRate, Integer dataBits, String parity, String stopBits, String mode,
                String pollCommand, String startCommand, int pollIntervalMs) {
            this(code, name, protocol, transport, host, port, serialPort, baudRate, dataBits, parity, stopBits, mode,
                    pollCommand, startCommand, pollIntervalMs, null, null);
        }
    }

    /**
     * A device profile as the agent needs it; {@code storedSequence} is the highest sequence the server
     * holds from this agent for the device, so an agent with a lost journal never reuses a number.
     */
    public record AgentDeviceProfile(String code, String name, String protocol, String transport, String host,
            int port, String serialPort, int baudRate, int dataBits, String parity, String stopBits, String mode,
            String pollCommand, String startCommand, int pollIntervalMs, boolean enabled, long storedSequence) {
    }

    /**
     * One frame from the agent's journal: raw bytes in base64, the rest as the agent's codec read them, and what the
     * frame answers ({@code null} from an agent before issue 10 and for a frame nobody asked for).
     */
    public record AgentFrame(String device, long sequence, String receivedAt, String raw, String status,
            BigDecimal value, String unit, String rejectReason, AgentAnswer answers) {

        /** A frame without {@code answers}, as agents before issue 10 send every frame. */
        public AgentFrame(String device, long sequence, String receivedAt, String raw, String status, BigDecimal value,
                String unit, String rejectReason) {
            this(device, sequence, receivedAt, raw, status, value, unit, rejectReason, null);
        }
    }

    /**
     * What a frame answers, as the agent's session decided when it came (issue 10, docs/bench-agent.md §4): the command,
     * the device setting it was read with (SCPI: the function a {@code READ?} returns), the error-queue entries its
     * command queued, whether it came late. Checked and used by {@link AgentFrameCheck}.
     */
    public record AgentAnswer(String command, String setting, List<String> deviceErrors, Boolean late) {
    }

    /**
     * A batch from an agent's journal. {@code contract} is the version of this exchange the agent
     * speaks (absent: 1); {@code sentAt} when it sent the batch, on its own clock (contract 2).
     */
    public record AgentBatch(Integer contract, String sentAt, List<AgentFrame> frames) {
    }

    /** A frame refused for good: not stored; the agent keeps it in its quarantine file with the reason. */
    public record FrameRefusal(long sequence, String error, String reason) {
    }

    /**
     * Per device of a batch: every frame up to {@code acknowledged} that the agent sent is handled, so
     * it may trim its journal: {@code stored} of them just now ({@code quarantined} of those because the
     * server read their bytes differently), {@code duplicates} already before, and {@code refused} not
     * stored, each with its reason (contract 2; a contract 1 batch with such a frame is refused whole).
     */
    public record DeviceReceipt(String device, long acknowledged, int stored, int duplicates, int quarantined,
            List<FrameRefusal> refused) {
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
        InputLimits.maxLength(c.serialPort(), BenchService.MAX_PATH, "field.serialPort");
        // the agent's wire shape carries the serial line flat; the profile and its one validation are the server's
        SerialLine line = c.serialPort() == null || c.serialPort().isBlank() ? null : new SerialLine(c.serialPort(),
                c.baudRate() == null ? 9600 : c.baudRate(), c.dataBits() == null ? 8 : c.dataBits(),
                c.parity() == null || c.parity().isBlank() ? "none" : c.parity(),
                c.stopBits() == null || c.stopBits().isBlank() ? "1" : c.stopBits(), "none");
        BenchDevice device = new DeviceProfile(c.code(), c.name(), c.protocol(), c.host(), c.port(), c.pollCommand(),
                c.pollIntervalMs(), c.transport(), line, c.mode(), c.startCommand(), null, c.serialNumber(), c.model())
                .newDevice();
        BenchService.requireNewCode(em, device.code());
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
     * Stores a batch of frames from the agent's journal, skipping those stored before, in one
     * transaction. Each frame is checked by {@link AgentFrameCheck}: stamped with the server's time,
     * read again with the device's codec, refused if its time stamp is too far in the future or it cannot
     * be read at all. An agent of contract 2 gets those refusals per frame in the receipt, the rest of
     * the batch is stored; for an agent of contract 1 (which would drop a refused frame unseen) the batch
     * is refused whole, as before. A device not of this bench refuses the batch whole in both.
     *
     * @param locale the language of the refusals' reasons
     */
    @PermitAll // the bearer token is the credential; checked here
    public List<DeviceReceipt> ingest(String token, AgentBatch batch, java.util.Locale locale) {
        BenchAgent agent = agentByToken(token);
        List<AgentFrame> sent = batch == null || batch.frames() == null ? List.of() : batch.frames();
        if (sent.isEmpty()) {
            return List.of();
        }
        if (sent.size() > MAX_BATCH) {
            throw new RefusedException("error.agent.batchTooLarge", sent.size(), MAX_BATCH);
        }
        boolean perFrame = batch.contract() != null && batch.contract() >= 2;
        Instant serverNow = clock.instant();
        Instant sentAt = perFrame ? instantOrNull(batch.sentAt()) : null;
        java.time.Duration maxSkew = Settings.agentMaxClockSkew();
        Map<String, BenchDevice> devices = new LinkedHashMap<>();
        for (AgentDevice a : assignments(agent)) {
            devices.put(a.device().code(), a.device());
        }
        // Checked in full before anything is written.
        Map<String, DeviceCodec<?>> codecs = new HashMap<>();
        Map<String, TreeMap<Long, AgentFrameCheck.Outcome>> byDevice = new LinkedHashMap<>();
        for (AgentFrame f : sent) {
            if (f == null || f.device() == null || !devices.containsKey(f.device())) {
                throw new RefusedException("error.agent.deviceNotAssigned", f == null ? null : f.device(), agent.code());
            }
            DeviceCodec<?> codec = codecs.computeIfAbsent(f.device(), d -> codecFor(devices.get(d)));
            AgentFrameCheck.Outcome outcome = AgentFrameCheck.check(f, agent.linkSession(), codec, sentAt, serverNow,
                    maxSkew);
            if (outcome instanceof AgentFrameCheck.Refused r && !perFrame) {
                throw new RefusedException("error.agent.frame", f.device(), f.sequence(), r.why());
            }
            byDevice.computeIfAbsent(f.device(), d -> new TreeMap<>()).putIfAbsent(f.sequence(), outcome);
        }
        List<DeviceReceipt> receipts = new ArrayList<>();
        List<DeviceFrameService.IncomingFrame> toStore = new ArrayList<>();
        for (var entry : byDevice.entrySet()) {
            BenchDevice device = devices.get(entry.getKey());
            TreeMap<Long, AgentFrameCheck.Outcome> incoming = entry.getValue();
            Set<Long> already = new HashSet<>(em.createQuery("select f.sequence from DeviceFrame f"
                    + " where f.device = :d and f.linkSession = :s and f.sequence between :lo and :hi", Long.class)
                    .setParameter("d", device).setParameter("s", agent.linkSession())
                    .setParameter("lo", incoming.firstKey()).setParameter("hi", incoming.lastKey()).getResultList());
            int stored = 0;
            int duplicates = 0;
            int quarantined = 0;
            List<FrameRefusal> refused = new ArrayList<>();
            for (AgentFrameCheck.Outcome outcome : incoming.values()) {
                if (already.contains(outcome.sequence())) {
                    duplicates++;
                } else if (outcome instanceof AgentFrameCheck.Accepted a) {
                    toStore.add(a.frame());
                    stored++;
                    quarantined += a.quarantined() ? 1 : 0;
                } else if (outcome instanceof AgentFrameCheck.Refused r) {
                    refused.add(new FrameRefusal(r.sequence(), r.key(),
                            Messages.format(locale, r.key(), r.arguments().toArray())));
                }
            }
            receipts.add(new DeviceReceipt(device.code(), incoming.lastKey(), stored, duplicates, quarantined, refused));
        }
        if (!toStore.isEmpty()) {
            frames.recordAll(toStore);
            for (DeviceFrameService.IncomingFrame f : toStore) {
                if (org.jiliang.instrument.reading.ReadingStatus.IDENTITY.name().equals(f.status())) {
                    // read again from the bytes, as every agent frame is (the codec said IDENTITY for them)
                    codecs.get(f.deviceCode()).identityIn(f.rawBytes()).ifPresent(id -> links.agentIdentity(
                            f.deviceCode(), agent.code(), id.model(), id.serialNumber(), id.softwareVersion(),
                            f.serverReceivedAt()));
                }
            }
        }
        return receipts;
    }

    /** The device's codec, built from its profile as the agent builds it; {@code null} if there is none. */
    private static DeviceCodec<?> codecFor(BenchDevice device) {
        try {
            return DeviceCodecs.forProfile(device.protocol(), null, null, device.pollCommand(), device.startCommand());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
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
        return Sha256.hex(token);
    }
}
