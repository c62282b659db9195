package org.jiliang.lims.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Settings;

/**
 * The demo's checker, as the demo's bench history (DemoBenchHistory) needs one: what runs in {@link #does} calls the
 * services as the demo account "checker" (checks and signs the record), so that the job's signatures, its audit trail and the rules of
 * who may do what are those of a real working day. Each service call is a transaction of its own, as from a page.
 */
@Stateless
@PermitAll // called by the demo's bench history only, which runs once in demo mode
@RunAs(Roles.CHECKER)
@RunAsPrincipal("checker")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoChecker {

    public <T> T does(Supplier<T> work) {
        if (!Settings.demoMode()) {
            throw new IllegalStateException("The demo's staff act in demo mode only");
        }
        return work.get();
    }
}
