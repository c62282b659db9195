package org.jiliang.lims.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.CurrentUser;
import org.jiliang.lims.personnel.Roles;
import org.jiliang.lims.platform.RefusedException;

/**
 * Device profiles are data: an administrator registers a device of a known protocol on a bench
 * and starts or stops it; the acquisition routes follow without a code change or a redeploy.
 */
@Stateless
public class BenchService {

    /** Protocols the instrument adapters can speak (codec names of instrument-adapters). */
    public static final Set<String> PROTOCOLS = Set.of("mt-sics", "sbi", "scpi", "vaisala");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

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

    public record DeviceProfile(String code, String name, String protocol, String host, int port, String pollCommand,
            int pollIntervalMs) {
    }

    @RolesAllowed({Roles.ADMINISTRATOR, Roles.TECHNICIAN, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK})
    public List<DeviceView> devices() {
        return em.createQuery("select d from BenchDevice d order by d.code", BenchDevice.class)
                .getResultStream().map(DeviceView::of).toList();
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public DeviceView register(DeviceProfile p) {
        if (p.code() == null || !CODE.matcher(p.code()).matches()) {
            throw new RefusedException("error.device.code", p.code());
        }
        if (!PROTOCOLS.contains(p.protocol())) {
            throw new RefusedException("error.device.protocol", p.protocol(), String.join(", ", PROTOCOLS));
        }
        if (p.port() < 1 || p.port() > 65535 || p.host() == null || p.host().isBlank()) {
            throw new RefusedException("error.device.address", p.host(), p.port());
        }
        if (p.pollIntervalMs() < 100) {
            throw new RefusedException("error.device.pollInterval", p.pollIntervalMs());
        }
        boolean exists = !em.createQuery("select d from BenchDevice d where d.code = :c", BenchDevice.class)
                .setParameter("c", p.code()).getResultList().isEmpty();
        if (exists) {
            throw new RefusedException("error.device.exists", p.code());
        }
        BenchDevice device = new BenchDevice(p.code(), p.name(), p.protocol(), p.host().strip(), p.port(),
                p.pollCommand() == null || p.pollCommand().isBlank() ? "SI" : p.pollCommand().strip(),
                p.pollIntervalMs(), false);
        em.persist(device);
        record("device.registered", device, null, DeviceView.of(device).toString());
        changed.fire(new DeviceProfileChanged(device.code(), true));
        return DeviceView.of(device);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public DeviceView setEnabled(String code, boolean enabled) {
        BenchDevice device = frames.deviceByCode(code);
        boolean before = device.enabled();
        device.enable(enabled);
        record(enabled ? "device.started" : "device.stopped", device, Boolean.toString(before),
                Boolean.toString(enabled));
        changed.fire(new DeviceProfileChanged(code, enabled));
        return DeviceView.of(device);
    }

    private void record(String action, BenchDevice device, String oldValue, String newValue) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "BenchDevice", device.code(), null,
                oldValue, newValue, null));
    }
}
