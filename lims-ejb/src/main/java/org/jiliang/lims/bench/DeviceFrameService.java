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
 */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class DeviceFrameService {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;

    @Inject
    private Event<FrameRecorded> frameRecorded;

    public record IncomingFrame(String deviceCode, String linkSession, long sequence, java.time.Instant receivedAt,
            byte[] rawBytes, String status, BigDecimal value, String unit, String rejectReason, String rawText) {
    }

    public long record(IncomingFrame in) {
        BenchDevice device = deviceByCode(in.deviceCode());
        DeviceFrame frame = new DeviceFrame(device, in.linkSession(), in.sequence(), in.receivedAt(), in.rawBytes(),
                in.status(), in.value(), in.unit(), in.rejectReason());
        em.persist(frame);
        em.flush(); // the id is the reference a captured reading keeps
        frameRecorded.fire(new FrameRecorded(new LiveReading(device.code(), frame.id(), frame.sequence(),
                frame.receivedAt(), frame.status(), frame.readingValue(), frame.readingUnit(), in.rawText(),
                frame.rawHex(), frame.rejectReason())));
        return frame.id();
    }

    public BenchDevice deviceByCode(String code) {
        return em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", code).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.device.unknown", code));
    }

    public List<BenchDevice> enabledDevices() {
        return em.createQuery("select d from BenchDevice d where d.enabled = true order by d.code", BenchDevice.class)
                .getResultList();
    }

    public Optional<DeviceFrame> frame(long id) {
        return Optional.ofNullable(em.find(DeviceFrame.class, id));
    }

    /**
     * Stores frames in one transaction, in order (what {@link FrameIntake} hands over); the same
     * rules as {@link #record} for each, and each frame's live reading is published after the commit.
     *
     * @return the ids of the stored frames, in the same order
     */
    public List<Long> recordAll(List<IncomingFrame> batch) {
        java.util.Map<String, BenchDevice> devices = new java.util.HashMap<>();
        List<DeviceFrame> stored = new java.util.ArrayList<>(batch.size());
        for (IncomingFrame in : batch) {
            BenchDevice device = devices.computeIfAbsent(in.deviceCode(), this::deviceByCode);
            DeviceFrame frame = new DeviceFrame(device, in.linkSession(), in.sequence(), in.receivedAt(), in.rawBytes(),
                    in.status(), in.value(), in.unit(), in.rejectReason());
            em.persist(frame);
            stored.add(frame);
        }
        em.flush();
        List<Long> ids = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            DeviceFrame frame = stored.get(i);
            frameRecorded.fire(new FrameRecorded(new LiveReading(frame.device().code(), frame.id(), frame.sequence(),
                    frame.receivedAt(), frame.status(), frame.readingValue(), frame.readingUnit(), batch.get(i).rawText(),
                    frame.rawHex(), frame.rejectReason())));
            ids.add(frame.id());
        }
        return ids;
    }
}
