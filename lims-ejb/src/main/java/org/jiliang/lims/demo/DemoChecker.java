package org.jiliang.lims.demo;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jiliang.lims.platform.Roles;

/**
 * The demo's checker (checks and signs the record) for the demo's bench history: see {@link DemoStaff}.
 */
@Stateless
@RunAs(Roles.CHECKER)
@RunAsPrincipal("checker")
public class DemoChecker extends DemoStaff {
}
