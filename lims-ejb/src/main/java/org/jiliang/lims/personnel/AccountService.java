package org.jiliang.lims.personnel;

import org.jiliang.lims.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.Customer;

/**
 * The administration of accounts: who may log in, with which roles, under which authorizations. Every change is
 * in the audit trail with the value before and after. Changes that must end the account's sessions (roles,
 * disabling, a password reset) raise its credential stamp.
 */
@Stateless
public class AccountService {

    /** Letters, digits, dot, hyphen, underscore; 3 to 64 characters (the column). */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    public static final int MAX_DISPLAY_NAME = 128;
    public static final int MAX_CERTIFICATE_NUMBER = 64;
    public static final int MAX_REASON = 300;

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    private LoginService logins;

    /** A new account; the first password is temporary unless the owner sets it (first-run setup). */
    public record NewAccount(String username, String displayName, Set<String> roles, String customerCode,
            char[] temporaryPassword) {
    }

    /** An account as the administration page shows it, with its authorizations. */
    public record AccountSummary(String username, String displayName, Set<String> roles, String customerName,
            boolean enabled, boolean mustChangePassword, Instant lockedUntil, int failedLogins,
            Instant lastFailedLoginAt, Instant passwordChangedAt, List<AuthorizationSummary> authorizations) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    public record AuthorizationSummary(long id, String procedureCode, Activity activity, String certificateNumber,
            LocalDate validFrom, LocalDate validUntil, LocalDate withdrawnFrom) {
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<AccountSummary> accounts() {
        List<Authorization> grants = em.createQuery("select g from Authorization g join fetch g.account",
                Authorization.class).getResultList();
        return em.createQuery("select a from UserAccount a left join fetch a.customer order by a.username",
                        UserAccount.class).getResultStream()
                .map(a -> summary(a, grants.stream().filter(g -> g.account().id().equals(a.id())).toList()))
                .toList();
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary account(String username) {
        UserAccount a = find(username);
        return summary(a, grantsOf(a));
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary create(NewAccount n) {
        Set<String> roles = roles(n.roles());
        Customer customer = null;
        if (roles.contains(Roles.CUSTOMER)) {
            customer = em.createQuery("select c from Customer c where c.code = :c", Customer.class)
                    .setParameter("c", n.customerCode() == null ? "" : n.customerCode().strip())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> new RefusedException("error.account.customerUnknown", n.customerCode()));
        }
        UserAccount account = newAccount(em, n.username(), n.displayName(), roles, customer, n.temporaryPassword(),
                clock.instant());
        record(account.username(), "account.created", null, describe(account));
        return summary(account, List.of());
    }

    /**
     * A new account under the rules every account follows (its user name free, its name given, a customer's account
     * with a customer's roles only, a temporary password the rules accept and its owner must replace), stored.
     */
    static UserAccount newAccount(EntityManager em, String requestedUsername, String requestedDisplayName,
            Set<String> roles, Customer customer, char[] temporaryPassword, Instant now) {
        String username = requestedUsername == null ? "" : requestedUsername.strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new RefusedException("error.account.username", username);
        }
        if (em.createQuery("select count(a) from UserAccount a where lower(a.username) = :u", Long.class)
                .setParameter("u", username.toLowerCase(java.util.Locale.ROOT)).getSingleResult() > 0) {
            throw new RefusedException("error.account.exists", username);
        }
        String displayName = displayName(requestedDisplayName);
        requireCustomerRolesAlone(roles, customer != null);
        PasswordRules.check(temporaryPassword, username);
        UserAccount account = new UserAccount(username, displayName, temporaryPassword, roles, customer, now);
        account.requirePasswordChange();
        em.persist(account);
        return account;
    }

    /** A customer's account holds the customer's roles only (customer, and customer administrator besides). */
    static void requireCustomerRolesAlone(Set<String> roles, boolean ofACustomer) {
        if (ofACustomer != roles.contains(Roles.CUSTOMER) || ofACustomer && !Roles.OF_CUSTOMERS.containsAll(roles)
                || !ofACustomer && roles.contains(Roles.CUSTOMER_ADMINISTRATOR)) {
            throw new RefusedException("error.account.customerRoleAlone");
        }
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary changeRoles(String username, Set<String> newRoles) {
        UserAccount a = find(username);
        notOneself(a, "error.account.ownRoles");
        Set<String> roles = roles(newRoles);
        requireCustomerRolesAlone(roles, a.customer() != null);
        String before = new TreeSet<>(a.roles()).toString();
        a.changeRoles(roles);
        record(username, "account.rolesChanged", before, new TreeSet<>(roles).toString());
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary rename(String username, String newDisplayName) {
        UserAccount a = find(username);
        String before = a.displayName();
        a.rename(displayName(newDisplayName));
        record(username, "account.renamed", before, a.displayName());
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary disable(String username, String reason) {
        UserAccount a = find(username);
        notOneself(a, "error.account.disableSelf");
        if (!a.enabled()) {
            throw new RefusedException("error.account.alreadyDisabled", username);
        }
        a.disable();
        recordWithReason(username, "account.disabled", "enabled", "disabled", reason(reason));
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary enable(String username) {
        UserAccount a = find(username);
        if (a.enabled()) {
            throw new RefusedException("error.account.alreadyEnabled", username);
        }
        a.enable();
        record(username, "account.enabled", "disabled", "enabled");
        return account(username);
    }

    /** A temporary password the owner must replace at the next login; the account's sessions end. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary resetPassword(String username, char[] temporaryPassword) {
        UserAccount a = find(username);
        PasswordRules.check(temporaryPassword, username);
        a.resetPassword(temporaryPassword, clock.instant());
        record(username, "account.passwordReset", null, "temporary password set; must be changed at next login");
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary unlock(String username) {
        UserAccount a = find(username);
        LoginPolicy.FailureRun run = a.failureRun();
        if (run.failures() == 0 && run.lockedUntil() == null) {
            throw new RefusedException("error.account.notLocked", username);
        }
        a.unlock();
        record(username, "account.unlocked", run.failures() + " wrong passwords"
                + (run.lockedUntil() == null ? "" : ", locked until " + run.lockedUntil()), "unlocked");
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary grant(String username, String procedureCode, Activity activity, String certificateNumber,
            LocalDate validFrom, LocalDate validUntil) {
        UserAccount a = find(username);
        if (a.customer() != null) {
            throw new RefusedException("error.authorization.customer", username);
        }
        String procedure = procedureCode == null ? "" : procedureCode.strip();
        if (em.createQuery("select count(p) from ProcedureVersion p where p.code = :c", Long.class)
                .setParameter("c", procedure).getSingleResult() == 0) {
            throw new RefusedException("error.authorization.procedure", procedure);
        }
        if (activity == null) {
            throw new RefusedException("error.authorization.activity");
        }
        String certificate = certificateNumber == null ? "" : certificateNumber.strip();
        if (certificate.isEmpty() || certificate.length() > MAX_CERTIFICATE_NUMBER) {
            throw new RefusedException("error.authorization.certificate", MAX_CERTIFICATE_NUMBER);
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new RefusedException("error.authorization.period", validFrom, validUntil);
        }
        Authorization g = new Authorization(a, procedure, activity, certificate, validFrom, validUntil);
        em.persist(g);
        record(username, "authorization.granted", null, g.describe());
        return account(username);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public AccountSummary withdraw(long authorizationId, String reason) {
        Authorization g = em.find(Authorization.class, authorizationId);
        if (g == null) {
            throw new RefusedException("error.authorization.notFound", authorizationId);
        }
        if (g.withdrawnFrom() != null) {
            throw new RefusedException("error.authorization.alreadyWithdrawn", authorizationId);
        }
        String before = g.describe();
        g.withdrawFrom(LocalDate.now(clock), reason(reason));
        recordWithReason(g.account().username(), "authorization.withdrawn", before, g.describe(), reason);
        return account(g.account().username());
    }

    /** The owner changes their own password: the current one first (counted like a login), then the rules. */
    @RolesAllowed({Roles.TECHNICIAN, Roles.CHECKER, Roles.APPROVER, Roles.QUALITY_MANAGER, Roles.INTAKE_CLERK,
            Roles.ADMINISTRATOR, Roles.CUSTOMER})
    public void changeOwnPassword(char[] current, char[] newPassword, char[] repeated) {
        UserAccount me = currentUser.account();
        RefusedException wrong = logins.checkPassword(me.username(), current, "password.change");
        if (wrong != null) {
            throw wrong.messageKey().equals("error.sign.password") ? new RefusedException("error.password.current")
                    : wrong;
        }
        if (newPassword == null || repeated == null || !java.util.Arrays.equals(newPassword, repeated)) {
            throw new RefusedException("error.password.mismatch");
        }
        if (java.util.Arrays.equals(current, newPassword)) {
            throw new RefusedException("error.password.same");
        }
        PasswordRules.check(newPassword, me.username());
        em.refresh(me, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        me.changePassword(newPassword, clock.instant());
        record(me.username(), "account.passwordChanged", null, "by the owner");
    }

    private UserAccount find(String username) {
        return em.createQuery("select a from UserAccount a where a.username = :u", UserAccount.class)
                .setParameter("u", username == null ? "" : username.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new RefusedException("error.account.notFound", username));
    }

    private List<Authorization> grantsOf(UserAccount a) {
        return em.createQuery("select g from Authorization g where g.account = :a", Authorization.class)
                .setParameter("a", a).getResultList();
    }

    private void notOneself(UserAccount a, String key) {
        if (a.id().equals(currentUser.account().id())) {
            throw new RefusedException(key);
        }
    }

    static String displayName(String name) {
        return Texts.required(name, MAX_DISPLAY_NAME, "error.account.displayName");
    }

    private static Set<String> roles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new RefusedException("error.account.noRole");
        }
        for (String r : roles) {
            if (!Roles.ALL.contains(r)) {
                throw new RefusedException("error.account.unknownRole", r, String.join(", ", Roles.ALL));
            }
        }
        return Set.copyOf(roles);
    }

    private static String reason(String reason) {
        return Texts.required(reason, MAX_REASON, "error.account.reason");
    }

    private static String describe(UserAccount a) {
        return a.displayName() + " " + new TreeSet<>(a.roles())
                + (a.customer() == null ? "" : " customer " + a.customer().code())
                + (a.enabled() ? "" : " disabled") + (a.mustChangePassword() ? " (must change password)" : "");
    }

    private static AccountSummary summary(UserAccount a, List<Authorization> grants) {
        return new AccountSummary(a.username(), a.displayName(), new TreeSet<>(a.roles()),
                a.customer() == null ? null : a.customer().name(), a.enabled(), a.mustChangePassword(),
                a.lockedUntil(), a.failureRun().failures(), a.lastFailedLoginAt(), a.passwordChangedAt(),
                grants.stream().sorted(Comparator.comparing(Authorization::procedureCode)
                                .thenComparing(Authorization::activity).thenComparing(Authorization::validFrom))
                        .map(g -> new AuthorizationSummary(g.id(), g.procedureCode(), g.activity(),
                                g.certificateNumber(), g.validFrom(), g.validUntil(), g.withdrawnFrom()))
                        .toList());
    }

    private void record(String username, String action, String before, String after) {
        recordWithReason(username, action, before, after, null);
    }

    private void recordWithReason(String username, String action, String before, String after, String reason) {
        audit.record(new AuditEvent(currentUser.account().username(), action, "UserAccount", username, null, before,
                after, reason));
    }
}
