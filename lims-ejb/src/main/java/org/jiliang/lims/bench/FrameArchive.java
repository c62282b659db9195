package org.jiliang.lims.bench;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.List;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.RefusedException;

/**
 * Reading the stored frames back: the lab's original records of what each device sent, for staff and
 * auditors, never for customers. Every read is written into the audit trail with who read what and how
 * many frames it returned (docs/audit-trail.md, "Reads of original records").
 *
 * <p>Pages are keyset pages on the frame id (ascending): a page is "the next n frames after id x", so paging
 * through a device that is still receiving frames neither skips nor repeats one, and each page costs the same
 * however deep it is (index device_frame_latest on (device_id, id); time ranges and statuses have V012's).
 */
@Stateless
@RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
public class FrameArchive {

    /** Frames read per query while exporting: memory stays bounded however many frames the selection has. */
    static final int EXPORT_PAGE = 500;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Resource
    private SessionContext context;

    /** Receives the frames of an export one by one, in id order. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(FrameView frame) throws IOException;
    }

    /** Where a frame is: its device and link session, and the id to page from to show it with a few before it. */
    public record FramePlace(long frameId, String device, String linkSession, long startAfter) {
    }

    /** Up to {@code limit} frames of the device after the frame id {@code after} (0 or null: from the first). */
    public FramePage page(String deviceCode, FrameFilter filter, Long after, int limit) {
        int size = FrameFilter.limit(limit);
        BenchDevice device = frames.deviceByCode(deviceCode);
        long from = after == null ? 0 : checkedAfter(after);
        List<DeviceFrame> found = query(device, filter, from).setMaxResults(size + 1).getResultList();
        boolean more = found.size() > size;
        List<FrameView> page = found.stream().limit(size).map(f -> FrameView.of(f, device.code())).toList();
        Long next = more ? page.get(page.size() - 1).id() : null;
        record("frames.read", device.code(), describe(filter, from, size), page);
        return new FramePage(device.code(), page, next);
    }

    /** Every device whose frames can be read, stopped ones too (their frames stay). */
    public List<String> deviceCodes() {
        return em.createQuery("select d.code from BenchDevice d order by d.code", String.class).getResultList();
    }

    /** The device's code, once it is known to exist and the caller may read its frames (before an export starts). */
    public String device(String deviceCode) {
        return frames.deviceByCode(deviceCode).code();
    }

    /** One frame by its id (e.g. the one a test point reading was captured from). */
    public FrameView frame(long id) {
        DeviceFrame f = stored(id);
        FrameView view = FrameView.of(f, f.device().code());
        audit.record(new AuditEvent(user(), "frame.read", "DeviceFrame", Long.toString(id), null, null,
                "device=" + view.device() + ", returned 1", null));
        return view;
    }

    /** Where a frame is, to show it among its neighbours of the same link session (not audited: no frame content). */
    public FramePlace place(long id, int before) {
        DeviceFrame f = stored(id);
        List<Long> earlier = em.createQuery("select f.id from DeviceFrame f where f.device = :d"
                + " and f.linkSession = :s and f.id < :id order by f.id desc", Long.class)
                .setParameter("d", f.device()).setParameter("s", f.linkSession()).setParameter("id", id)
                .setMaxResults(before + 1).getResultList();
        long startAfter = earlier.size() <= before ? 0 : earlier.get(earlier.size() - 1);
        return new FramePlace(id, f.device().code(), f.linkSession(), startAfter);
    }

    /**
     * Hands every frame of the selection to the sink in id order, a page of queries at a time and without a
     * transaction (no timeout cuts off a long export), then records the export with the number of frames the
     * sink took, also when it failed part way (the caller went away).
     *
     * @return the number of frames exported
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long export(String deviceCode, FrameFilter filter, FrameSink sink) throws IOException {
        BenchDevice device = frames.deviceByCode(deviceCode);
        long count = 0;
        long after = 0;
        boolean complete = false;
        try {
            List<DeviceFrame> page;
            do {
                page = query(device, filter, after).setMaxResults(EXPORT_PAGE).getResultList();
                for (DeviceFrame f : page) {
                    sink.accept(FrameView.of(f, device.code()));
                    count++;
                    after = f.id();
                }
                em.clear();
            } while (page.size() == EXPORT_PAGE);
            complete = true;
        } finally {
            context.getBusinessObject(FrameArchive.class).recordExport(device.code(), filter, count, after, complete);
        }
        return count;
    }

    /** The audit entry of an export, in a transaction of its own (the export runs without one). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordExport(String deviceCode, FrameFilter filter, long count, long lastId, boolean complete) {
        audit.record(new AuditEvent(user(), "frames.exported", "BenchDevice", deviceCode, null, null,
                filter.describe() + "; returned " + count + (count == 0 ? "" : " (last id " + lastId + ")")
                        + (complete ? "" : "; interrupted"), null));
    }

    private TypedQuery<DeviceFrame> query(BenchDevice device, FrameFilter filter, long after) {
        StringBuilder jpql = new StringBuilder("select f from DeviceFrame f where f.device = :d and f.id > :after");
        if (filter.from() != null) {
            jpql.append(" and f.receivedAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and f.receivedAt < :to");
        }
        if (filter.status() != null) {
            jpql.append(" and f.status = :status");
        }
        if (filter.linkSession() != null) {
            jpql.append(" and f.linkSession = :session");
        }
        // The same order (by id, the device being fixed) said so that each filter's index also gives the order:
        // H2 walks an index in its own column order only, and would otherwise read and sort every frame of the
        // device for the first page (docs/benchmarks.md, "Reading frames back").
        if (filter.from() != null || filter.to() != null) {
            jpql.append(" order by f.id"); // device_frame_received finds the range; the range is sorted
        } else if (filter.status() != null) {
            jpql.append(" order by f.device.id, f.status, f.id"); // device_frame_status
        } else {
            jpql.append(" order by f.device.id, f.id"); // device_frame_latest
        }
        TypedQuery<DeviceFrame> q = em.createQuery(jpql.toString(), DeviceFrame.class)
                .setParameter("d", device).setParameter("after", after);
        if (filter.from() != null) {
            q.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            q.setParameter("to", filter.to());
        }
        if (filter.status() != null) {
            q.setParameter("status", filter.status());
        }
        if (filter.linkSession() != null) {
            q.setParameter("session", filter.linkSession());
        }
        return q;
    }

    private void record(String action, String deviceCode, String asked, List<FrameView> returned) {
        String ids = returned.isEmpty() ? "" : " (ids " + returned.get(0).id() + "–"
                + returned.get(returned.size() - 1).id() + ")";
        audit.record(new AuditEvent(user(), action, "BenchDevice", deviceCode, null, null,
                asked + "; returned " + returned.size() + ids, null));
    }

    private DeviceFrame stored(long id) {
        return frames.frame(id).orElseThrow(() -> new RefusedException("error.frame.notFound", Long.toString(id)));
    }

    private static String describe(FrameFilter filter, long after, int limit) {
        return filter.describe() + ", after=" + after + ", limit=" + limit;
    }

    private static long checkedAfter(long after) {
        if (after < 0) {
            throw new RefusedException("error.frames.after", String.valueOf(after));
        }
        return after;
    }

    private String user() {
        return currentUser.account().username();
    }
}
