package org.jiliang.lims.personnel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.Customer;

/**
 * The users of a customer organisation, administered by the customer's own administrator (issue 14): they see their
 * colleagues, invite one (an account of their customer with a temporary password the colleague must replace at the
 * first login) and remove one (disabled, never deleted: the audit trail names them). Staff accounts and other
 * customers' accounts do not exist for them (404).
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER_ADMINISTRATOR)
public class CustomerAccounts {

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** A colleague as their administrator sees them: no password data, no lock details. */
    public record Colleague(String username, String displayName, boolean administrator, boolean enabled,
            boolean mustChangePassword, Instant createdAt) {

        static Colleague of(UserAccount a) {
            return new Colleague(a.username(), a.displayName(), a.hasRole(Roles.CUSTOMER_ADMINISTRATOR), a.enabled(),
                    a.mustChangePassword(), a.createdAt());
        }
    }

    /** The accounts of the caller's own customer, by user name. */
    public List<Colleague> colleagues() {
        return em.createQuery("select a from UserAccount a where a.customer = :c order by a.username",
                UserAccount.class).setParameter("c", own()).getResultStream().map(Colleague::of).toList();
    }

    /** A new account of the caller's customer; the colleague learns the temporary password from the caller. */
    public Colleague invite(String username, String displayName, boolean administrator, char[] temporaryPassword) {
        Set<String> roles = administrator ? Set.of(Roles.CUSTOMER, Roles.CUSTOMER_ADMINISTRATOR)
                : Set.of(Roles.CUSTOMER);
        UserAccount account = AccountService.newAccount(em, username, displayName, roles, own(), temporaryPassword,
                clock.instant());
        record(account.username(), "account.invited", null, account.displayName() + " "
                + new java.util.TreeSet<>(roles) + " customer " + account.customer().code(), null);
        return Colleague.of(account);
    }

    /** Removes a colleague: the account is disabled and its sessions end; the caller cannot remove themselves. */
    public Colleague remove(String username, String reason) {
        String why = Texts.required(reason, AccountService.MAX_REASON, "error.account.reason");
        UserAccount a = colleague(username);
        if (a.username().equals(currentUser.account().username())) {
            throw new RefusedException("error.account.disableSelf");
        }
        if (!a.enabled()) {
            throw new RefusedException("error.account.alreadyDisabled", a.username());
        }
        a.disable();
        record(a.username(), "account.removedByCustomer", "enabled", "disabled", why);
        return Colleague.of(a);
    }

    private Customer own() {
        Customer customer = currentUser.account().customer();
        if (customer == null) { // the role is held with the customer role only (UserAccount)
            throw new RefusedException("error.colleague.notFound", currentUser.account().username());
        }
        return customer;
    }

    private UserAccount colleague(String username) {
        Customer customer = own();
        return em.createQuery("select a from UserAccount a where a.username = :u and a.customer = :c",
                UserAccount.class).setParameter("u", username == null ? "" : username)
                .setParameter("c", customer).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.colleague.notFound", String.valueOf(username)));
    }

    private void record(String username, String action, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "UserAccount", username, null, before,
                after, reason));
    }
}
