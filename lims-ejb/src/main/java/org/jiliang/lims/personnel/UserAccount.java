package org.jiliang.lims.personnel;

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

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, char[] password, Set<String> roles,
            Customer customer, Instant createdAt) {
        if (!Roles.ALL.containsAll(roles)) {
            throw new IllegalArgumentException("Unknown role in " + roles);
        }
        if (roles.contains(Roles.CUSTOMER) != (customer != null)) {
            throw new IllegalArgumentException("A customer account belongs to exactly one customer; staff to none");
        }
        if (roles.contains(Roles.CUSTOMER) && roles.size() > 1) {
            throw new IllegalArgumentException("A customer account holds no staff role: " + roles);
        }
        this.username = username;
        this.displayName = displayName;
        this.roles = new HashSet<>(roles);
        this.customer = customer;
        this.enabled = true;
        this.createdAt = createdAt;
        setPassword(password);
    }

    public final void setPassword(char[] password) {
        PasswordHasher.HashedPassword hashed = PasswordHasher.hash(password);
        this.passwordHash = hashed.hashBase64();
        this.passwordSalt = hashed.saltBase64();
        this.passwordIterations = hashed.iterations();
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHasher.matches(password,
                new PasswordHasher.HashedPassword(passwordHash, passwordSalt, passwordIterations));
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
