package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import org.jiliang.lims.platform.Settings;

/**
 * One of the demo's staff, as the demo's bench history (DemoBenchHistory) needs them: what runs in {@link #does} calls
 * the services as that demo account (each subclass is a bean with its own {@code @RunAs} and
 * {@code @RunAsPrincipal}), so that the job's signatures, its audit trail and the rules of who may do what are those
 * of a real working day. Each service call is a transaction of its own, as from a page. The annotations that apply to
 * {@link #does} are here, on the class that declares it.
 */
@PermitAll // called by the demo's bench history only, which runs once in demo mode
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class DemoStaff {

    public <T> T does(Supplier<T> work) {
        if (!Settings.demoMode()) {
            throw new IllegalStateException("The demo's staff act in demo mode only");
        }
        return work.get();
    }
}
