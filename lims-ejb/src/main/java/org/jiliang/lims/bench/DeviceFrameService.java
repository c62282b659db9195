package org.jiliang.lims.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jiliang.lims.platform.RefusedException;

/**
 * The transaction boundary every device frame goes through, whether it came from a Camel
 * route, the bench agent or a test: store the original bytes first, then publish the reading.
 * A value the record cannot hold exactly makes the frame malformed here, for every path
 * ({@link FrameRecordLimits}).
 */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class DeviceFrameService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Event<FrameRecorded> frameRecorded;
    @Inject
    private LinkStateBoard links;

    /** The datasource of the "lims" unit: inside a transaction, the same connection JPA uses. */
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/LimsDS")
    private javax.sql.DataSource dataSource;

    /**
     * The status of a frame a bench agent forwarded whose bytes the server reads differently: stored with
     * both readings in its reject reason, never offered for capture (issue 8).
     */
    public static final String QUARANTINED = "QUARANTINED";

    /**
     * The status of a frame whose value is in a unit the device's profile does not expect (a balance
     * counting pieces, {@code PCS}): kept with value, unit and a reason, never captured (issue 9).
     */
    public static final String UNEXPECTED_UNIT = "UNEXPECTED_UNIT";

    /**
     * A frame to store. {@code receivedAt} is the reader's time stamp, {@code serverReceivedAt} the
     * server's clock when the frame reached it, {@code heldByAgent} how long a bench agent kept it
     * before sending it (see {@link LiveReading#age}).
     */
    public record IncomingFrame(String deviceCode, String linkSession, long sequence, java.time.Instant receivedAt,
            byte[] rawBytes, String status, BigDecimal value, String unit, String rejectReason, String rawText,
            java.time.Instant serverReceivedAt, java.time.Duration heldByAgent) {

        /** A frame the server read itself: its time stamp is the server's, and nothing held it. */
        public IncomingFrame(String deviceCode, String linkSession, long sequence, java.time.Instant receivedAt,
                byte[] rawBytes, String status, BigDecimal value, String unit, String rejectReason, String rawText) {
            this(deviceCode, linkSession, sequence, receivedAt, rawBytes, status, value, unit, rejectReason, rawText,
                    receivedAt, java.time.Duration.ZERO);
        }
    }

    public long record(IncomingFrame frameAsRead) {
        BenchDevice device = deviceByCode(frameAsRead.deviceCode());
        IncomingFrame in = ExpectedUnits.checked(FrameRecordLimits.fitted(frameAsRead), ExpectedUnits.of(device));
        DeviceFrame frame = new DeviceFrame(device, in.linkSession(), in.sequence(), in.receivedAt(),
                in.serverReceivedAt(), in.rawBytes(), in.status(), in.value(), in.unit(), in.rejectReason());
        em.persist(frame);
        em.flush(); // the id is the reference a captured reading keeps
        frameRecorded.fire(new FrameRecorded(new LiveReading(device.code(), frame.id(), frame.sequence(),
                frame.receivedAt(), frame.status(), frame.readingValue(), frame.readingUnit(), in.rawText(),
                frame.rawHex(), frame.rejectReason(), frame.serverReceivedAt(), in.heldByAgent(), in.linkSession())));
        return frame.id();
    }

    /**
     * The link state of a device (issue 9). A bench agent's device the board has not heard of since the
     * server started gets the identity from the last IDENTITY frames its agent forwarded: the agent asks
     * only when it connects to the device, which a restart of the server does not make it do.
     */
    public LinkState linkState(BenchDevice device) {
        LinkState state = links.state(device);
        if (!LinkState.UNKNOWN.equals(state.state()) || !state.identityAvailable()) {
            return state;
        }
        List<AgentDevice> agents = em.createQuery("select a from AgentDevice a where a.device = :d", AgentDevice.class)
                .setParameter("d", device).getResultList();
        if (agents.isEmpty()) {
            return state;
        }
        org.jiliang.instrument.reading.DeviceCodec<?> codec;
        try {
            codec = org.jiliang.instrument.codec.DeviceCodecs.forProfile(device.protocol(), null, null,
                    device.pollCommand(), device.startCommand());
        } catch (IllegalArgumentException e) {
            return state;
        }
        List<DeviceFrame> answers = em.createQuery("select f from DeviceFrame f where f.device = :d"
                + " and f.status = 'IDENTITY' order by f.id desc", DeviceFrame.class)
                .setParameter("d", device).setMaxResults(codec.identityCommands().size()).getResultList();
        for (int i = answers.size() - 1; i >= 0; i--) {
            DeviceFrame f = answers.get(i);
            codec.identityIn(f.rawBytes()).ifPresent(id -> links.agentIdentity(device.code(), agents.get(0).agent().code(),
                    id.model(), id.serialNumber(), id.softwareVersion(), f.serverReceivedAt()));
        }
        return links.state(device);
    }

    /** The identity the instrument reported, judged against the device's profile. */
    public IdentityVerdict identityVerdict(BenchDevice device) {
        return IdentityVerdict.judge(device.serialNumber(), device.model(), linkState(device));
    }

    public BenchDevice deviceByCode(String code) {
        return em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", code).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.device.unknown", code));
    }

    /** The enabled devices the server reads itself; those of a bench agent are read on its bench PC. */
    public List<BenchDevice> enabledDevices() {
        return em.createQuery("select d from BenchDevice d where d.enabled = true"
                + " and not exists (select a from AgentDevice a where a.device = d) order by d.code", BenchDevice.class)
                .getResultList();
    }

    /** Whether a bench agent reads the device, so the server must not open a route to it. */
    public boolean readByAgent(String deviceCode) {
        return !em.createQuery("select a.device.code from AgentDevice a where a.device.code = :c", String.class)
                .setParameter("c", deviceCode).getResultList().isEmpty();
    }

    public Optional<DeviceFrame> frame(long id) {
        return Optional.ofNullable(em.find(DeviceFrame.class, id));
    }

    /**
     * Stores frames in one transaction, in order (what {@link FrameIntake} hands over); the same
     * rules as {@link #record} for each, and each frame's live reading is published after the commit.
     * The rows go in as one JDBC batch on the transaction's connection: the id is an identity
     * column, so JPA would send one statement per frame and wait for each (docs/benchmarks.md).
     *
     * @return the ids of the stored frames, in the same order
     */
    public List<Long> recordAll(List<IncomingFrame> framesAsRead) {
        java.util.Map<String, BenchDevice> devices = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<String>> units = new java.util.HashMap<>();
        List<IncomingFrame> batch = new java.util.ArrayList<>(framesAsRead.size());
        List<DeviceFrame> frames = new java.util.ArrayList<>(framesAsRead.size());
        for (IncomingFrame asRead : framesAsRead) {
            BenchDevice device = devices.computeIfAbsent(asRead.deviceCode(), this::deviceByCode);
            IncomingFrame in = ExpectedUnits.checked(FrameRecordLimits.fitted(asRead),
                    units.computeIfAbsent(device.code(), c -> ExpectedUnits.of(device)));
            batch.add(in);
            frames.add(new DeviceFrame(device, in.linkSession(), in.sequence(), in.receivedAt(), in.serverReceivedAt(),
                    in.rawBytes(), in.status(), in.value(), in.unit(), in.rejectReason()));
        }
        List<Long> ids = insertAll(batch, frames);
        for (int i = 0; i < batch.size(); i++) {
            DeviceFrame frame = frames.get(i);
            frameRecorded.fire(new FrameRecorded(new LiveReading(frame.device().code(), ids.get(i), frame.sequence(),
                    frame.receivedAt(), frame.status(), frame.readingValue(), frame.readingUnit(), batch.get(i).rawText(),
                    frame.rawHex(), frame.rejectReason(), frame.serverReceivedAt(), batch.get(i).heldByAgent(),
                    batch.get(i).linkSession())));
        }
        return ids;
    }

    private List<Long> insertAll(List<IncomingFrame> batch, List<DeviceFrame> frames) {
        String sql = "insert into device_frame (device_id, link_session, sequence, received_at, raw_bytes, status,"
                + " reading_value, reading_unit, reject_reason, server_received_at, reading_text)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < frames.size(); i++) {
                DeviceFrame f = frames.get(i);
                ps.setLong(1, f.device().id());
                ps.setString(2, batch.get(i).linkSession());
                ps.setLong(3, f.sequence());
                ps.setObject(4, java.time.OffsetDateTime.ofInstant(f.receivedAt(), java.time.ZoneOffset.UTC));
                ps.setBytes(5, f.rawBytes());
                ps.setString(6, f.status());
                ps.setBigDecimal(7, f.readingValue());
                ps.setString(8, f.readingUnit());
                ps.setString(9, f.rejectReason());
                ps.setObject(10, java.time.OffsetDateTime.ofInstant(f.serverReceivedAt(), java.time.ZoneOffset.UTC));
                ps.setString(11, f.readingValue() == null ? null : FrameRecordLimits.text(f.readingValue()));
                ps.addBatch();
            }
            ps.executeBatch();
            List<Long> ids = new java.util.ArrayList<>(frames.size());
            try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != frames.size()) {
                throw new IllegalStateException("the database returned " + ids.size() + " ids for " + frames.size()
                        + " device frames");
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new jakarta.persistence.PersistenceException("Storing " + frames.size() + " device frames failed", e);
        }
    }
}
