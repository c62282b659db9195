package org.jiliang.lims.demo;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jiliang.lims.platform.Roles;

/**
 * The demo's approver (approves, which issues and signs the document) for the demo's bench history: see {@link DemoStaff}.
 */
@Stateless
@RunAs(Roles.APPROVER)
@RunAsPrincipal("approver")
public class DemoApprover extends DemoStaff {
}
