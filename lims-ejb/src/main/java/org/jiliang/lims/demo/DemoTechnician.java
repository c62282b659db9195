package org.jiliang.lims.demo;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jiliang.lims.platform.Roles;

/**
 * The demo's technician (performs and signs the measurements) for the demo's bench history: see {@link DemoStaff}.
 */
@Stateless
@RunAs(Roles.TECHNICIAN)
@RunAsPrincipal("technician")
public class DemoTechnician extends DemoStaff {
}
