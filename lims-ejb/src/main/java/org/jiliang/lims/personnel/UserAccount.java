package org.jiliang.lims.personnel;

import org.jiliang.lims.platform.Roles;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jiliang.lims.registry.Customer;

/** A person who logs in: a member of staff, or a customer's user (then {@link #customer()} is set). */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "password_salt", nullable = false)
    private String passwordSalt;

    @Column(name = "password_iterations", nullable = false)
    private int passwordIterations;

    @Column(nullable = false)
    private boolean enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role_name")
    private Set<String> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Wrong passwords in a row (logins and signatures), and the lock they earned (LoginPolicy). */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "last_failed_login_at")
    private Instant lastFailedLoginAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /**
     * Raised by every change that must end the account's sessions and cached API credentials: a new password,
     * disabling, other roles.
     */
    @Column(name = "credential_stamp", nullable = false)
    private long credentialStamp;

    /** Set by an administrator's password reset: the next login leads to the change-password page only. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, char[] password, Set<String> roles,
            Customer customer, Instant createdAt) {
        checkRoles(roles, customer);
        this.username = username;
        this.displayName = displayName;
        this.roles = new HashSet<>(roles);
        this.customer = customer;
        this.enabled = true;
        this.createdAt = createdAt;
        store(password);
        this.passwordChangedAt = createdAt;
    }

    private void store(char[] password) {
        PasswordHasher.HashedPassword hashed = PasswordHasher.hash(password);
        this.passwordHash = hashed.hashBase64();
        this.passwordSalt = hashed.saltBase64();
        this.passwordIterations = hashed.iterations();
    }

    /** The owner's new password: other sessions of the account end. The password rules are checked before. */
    public void changePassword(char[] password, Instant now) {
        store(password);
        passwordChangedAt = now;
        mustChangePassword = false;
        credentialStamp++;
    }

    /** An administrator's reset: a temporary password the owner must replace at the next login. */
    public void resetPassword(char[] temporary, Instant now) {
        changePassword(temporary, now);
        mustChangePassword = true;
        unlock();
    }

    /** The password was chosen by someone else (a new account): the owner replaces it at the first login. */
    public void requirePasswordChange() {
        mustChangePassword = true;
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHasher.matches(password,
                new PasswordHasher.HashedPassword(passwordHash, passwordSalt, passwordIterations));
    }

    /** After a correct password: hashes made with fewer iterations than today's are replaced (same password). */
    boolean upgradeHash(char[] password) {
        if (passwordIterations >= PasswordHasher.ITERATIONS) {
            return false;
        }
        store(password);
        return true;
    }

    int passwordIterations() {
        return passwordIterations;
    }

    public LoginPolicy.FailureRun failureRun() {
        return new LoginPolicy.FailureRun(failedLogins, lockedUntil);
    }

    /** A wrong password at {@code now} (the account is not locked): the run grows, perhaps to a lock. */
    LoginPolicy.FailureRun recordFailedLogin(Instant now) {
        LoginPolicy.FailureRun run = failureRun().failedAt(now);
        failedLogins = run.failures();
        lockedUntil = run.lockedUntil();
        lastFailedLoginAt = now;
        return run;
    }

    void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** An administrator ends a lock and the run of wrong passwords behind it. */
    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public void disable() {
        enabled = false;
        credentialStamp++;
    }

    public void enable() {
        enabled = true;
        credentialStamp++;
    }

    /** Other roles end the sessions that carry the old ones. Same rules as at creation. */
    public void changeRoles(Set<String> newRoles) {
        checkRoles(newRoles, customer);
        roles = new HashSet<>(newRoles);
        credentialStamp++;
    }

    public void rename(String newDisplayName) {
        displayName = newDisplayName;
    }

    public long credentialStamp() {
        return credentialStamp;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant lastFailedLoginAt() {
        return lastFailedLoginAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    private static void checkRoles(Set<String> roles, Customer customer) {
        if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            throw new IllegalArgumentException("Unknown role in " + roles);
        }
        if (roles.contains(Roles.CUSTOMER) != (customer != null)) {
            throw new IllegalArgumentException("A customer account belongs to exactly one customer; staff to none");
        }
        if (roles.contains(Roles.CUSTOMER) && !Roles.OF_CUSTOMERS.containsAll(roles)
                || roles.contains(Roles.CUSTOMER_ADMINISTRATOR) && !roles.contains(Roles.CUSTOMER)) {
            throw new IllegalArgumentException("A customer account holds no staff role: " + roles);
        }
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public Customer customer() {
        return customer;
    }

    public boolean enabled() {
        return enabled;
    }
}
