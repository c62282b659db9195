package org.jiliang.lims.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A token a program presents instead of a password (issue 14). It acts as the account that made it, within its
 * scopes, until its last day or its revocation. Only the SHA-256 of the secret is kept: the secret is shown once,
 * at creation; its first characters (the prefix) tell tokens apart in lists and in the audit trail.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    private UserAccount account;

    @Column(nullable = false, length = MAX_NAME, updatable = false)
    private String name;

    @Column(nullable = false, length = 200, updatable = false)
    private String scopes;

    @Column(nullable = false, length = 12, updatable = false)
    private String prefix;

    @Column(nullable = false, length = 64, unique = true, updatable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The last day it is valid (the institute's calendar). */
    @Column(name = "expires_on", nullable = false, updatable = false)
    private LocalDate expiresOn;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(UserAccount account, String name, Set<ApiScope> scopes, String prefix, String sha256, Instant createdAt,
            LocalDate expiresOn) {
        this.account = account;
        this.name = name;
        this.scopes = scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.prefix = prefix;
        this.sha256 = sha256;
        this.createdAt = createdAt;
        this.expiresOn = expiresOn;
    }

    /** Valid on this day: not revoked, its last day not passed, its account still enabled. */
    boolean validOn(LocalDate day) {
        return revokedAt == null && !day.isAfter(expiresOn) && account.enabled();
    }

    void used(Instant at) {
        lastUsedAt = at;
    }

    void revoke(String by, Instant at) {
        revokedBy = by;
        revokedAt = at;
    }

    public Long id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    public String name() {
        return name;
    }

    public Set<ApiScope> scopes() {
        Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(",")).filter(s -> !s.isEmpty()).map(ApiScope::valueOf).forEach(set::add);
        return set;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** For the audit trail. */
    String describe() {
        return name + " " + prefix + "… " + new TreeSet<>(scopes()) + " until " + expiresOn;
    }
}
