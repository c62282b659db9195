package org.jiliang.lims.order;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.bench.BenchDevice;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.platform.RefusedException;

/**
 * A bench device belongs to one running job at a time (issue 11: two jobs captured from the same balance at once).
 * The job that reads the device holds it while it is in progress: until it is submitted, its technician releases
 * the device, or another technician takes it over with a stated reason. A reading or a set-up for another
 * technician's job is refused naming the holder; the same technician moving between their own jobs takes the
 * device along. Every change of holder is in the audit trail. Used inside the services' transactions, like
 * {@link Jobs}; the technician's own actions on it are {@link CaptureService#takeDevice} and
 * {@link CaptureService#releaseDevice}.
 */
@Dependent
public class DeviceHolds {

    /** verification_job has no column for it: the reason goes to the audit trail (audit_event.reason). */
    public static final int MAX_REASON = 500;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /**
     * Locks the job's bench device, before the job itself is locked: every change of a device's holder locks the
     * device first and the jobs after, so that a take-over (which writes the other job) and the other job's own
     * capture never wait for each other in a circle.
     */
    public void lockDevice(VerificationJob job) {
        if (job.benchDevice() != null) {
            em.lock(job.benchDevice(), LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** The job that holds the device now, if any. */
    public Optional<VerificationJob> holder(BenchDevice device) {
        return em.createQuery("select j from VerificationJob j where j.benchDevice = :device and j.holdsDevice = true"
                + " and j.state = org.jiliang.lims.order.JobState.IN_PROGRESS", VerificationJob.class)
                .setParameter("device", device).getResultStream().findFirst();
    }

    /**
     * The job takes its device before it reads or sets it up: refused while another technician's running job
     * holds it, unless {@code takeOverReason} says why it is taken from them.
     */
    public void take(VerificationJob job, String takeOverReason) {
        BenchDevice device = job.benchDevice();
        if (device == null) {
            return;
        }
        // one holder at a time: a second job taking the same device waits here, then sees the first as holder (the
        // services have locked it already, before the job; locking it again costs nothing)
        lockDevice(job);
        Optional<VerificationJob> holder = holder(device);
        if (holder.isPresent() && holder.get().id().equals(job.id())) {
            return;
        }
        boolean othersJob = holder.isPresent()
                && !holder.get().technician().id().equals(currentUser.account().id());
        if (othersJob && takeOverReason == null) {
            VerificationJob h = holder.get();
            throw new RefusedException("error.device.heldBy", device.code(), h.jobNumber(),
                    h.technician().displayName(), InstituteTime.minutes(h.deviceHeldSince()));
        }
        holder.ifPresent(VerificationJob::releaseDevice);
        job.holdDevice(clock.instant());
        record(job, othersJob ? "device.takenOver" : "device.held", holder.map(VerificationJob::jobNumber).orElse(null),
                job.jobNumber(), othersJob ? takeOverReason : null);
    }

    /** The job's technician lets the device go; nothing happens when the job does not hold it. */
    public void release(VerificationJob job) {
        if (!job.holdsDevice()) {
            return;
        }
        job.releaseDevice();
        record(job, "device.released", job.jobNumber(), null, null);
    }

    private void record(VerificationJob job, String action, String oldHolder, String newHolder, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "BenchDevice", job.benchDevice().code(),
                job.id(), oldHolder, newHolder, reason));
    }
}
