package org.jiliang.lims.bench;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jiliang.lims.platform.Roles;

/**
 * Live readings of the bench devices, for the staff who work at or review the benches: technicians,
 * checkers, approvers, the quality manager and administrators. Customers and the intake clerk get
 * none (a reading belongs to a job in the lab, not to whoever asks).
 */
@Stateless
@RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.ADMINISTRATOR})
public class LiveReadingService {

    /**
     * Live reading streams one user may hold open at once: bench pages in a few tabs, and the overlap of a
     * reload (a closed stream is noticed within two heartbeats). Browsers allow six connections per server.
     */
    public static final int STREAMS_PER_USER = 4;

    @Inject
    private LiveReadingBoard board;
    @Inject
    private DeviceFrameService frames;
    @Inject
    private java.time.Clock clock;
    @Resource
    private EJBContext context;

    public Optional<LatestReading> latest(String deviceCode) {
        Optional<LiveReading> reading = board.latest(deviceCode);
        if (reading.isEmpty()) {
            return Optional.empty();
        }
        BenchDevice device = frames.deviceByCode(deviceCode);
        return Optional.of(LatestReading.of(reading.get(), clock.instant(), frames.linkState(device), frames.identityVerdict(device)));
    }

    /** The link and the identity of a device, for the bench page's banner. */
    public DeviceView device(String deviceCode) {
        BenchDevice device = frames.deviceByCode(deviceCode);
        return DeviceView.of(device, frames.linkState(device), frames.identityVerdict(device));
    }

    /**
     * Streams the device's readings to the sink, the latest first.
     *
     * @throws TooManyLiveStreamsException if the caller already has {@link #STREAMS_PER_USER} streams open
     */
    public void subscribe(String deviceCode, LiveReadingSink sink) {
        frames.deviceByCode(deviceCode); // an unknown device is refused, not streamed heartbeats for ever
        board.subscribe(deviceCode, context.getCallerPrincipal().getName(), STREAMS_PER_USER, sink)
                .orElseThrow(() -> new TooManyLiveStreamsException(STREAMS_PER_USER));
    }

    /** For administrators, and for the test that shows closed streams are let go. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public LiveStreamsView streams() {
        return board.streams(STREAMS_PER_USER);
    }
}
