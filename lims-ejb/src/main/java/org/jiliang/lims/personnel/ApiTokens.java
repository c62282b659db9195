package org.jiliang.lims.personnel;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Roles;
import org.jiliang.lims.platform.Texts;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.platform.Sha256;

/**
 * API tokens for programs (issue 14). A customer organisation's administrator makes one for its programs (a name, its
 * scopes, its last day — at most a year ahead), sees the secret once, and may revoke any token of their
 * organisation; a token of another customer does not exist for them. The institute's administrator does the same for
 * the institute's own systems, each acting as a staff account made for it. Every use is audited.
 */
@Stateless
public class ApiTokens {

    /** The secrets' form: a fixed prefix (so a leaked one is recognisable) and 32 random bytes. */
    public static final String SECRET_PREFIX = "jlt_";
    public static final int MAX_DAYS = 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private AuditTrail audit;

    /** A token as lists show it: never the secret, never its hash. */
    public record TokenView(long id, String name, String owner, Set<ApiScope> scopes, String prefix, Instant createdAt,
            LocalDate expiresOn, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.account().username(), t.scopes(), t.prefix(), t.createdAt(),
                    t.expiresOn(), t.revokedAt(), t.revokedBy(), t.lastUsedAt());
        }
    }

    /** A new token and its secret, which is shown this once. */
    public record Created(TokenView token, String secret) {
    }

    /** Who a valid token acts as, and within which scopes. */
    public record Bearer(String username, Set<String> roles, Set<ApiScope> scopes, String prefix) {
    }

    @RolesAllowed(Roles.CUSTOMER_ADMINISTRATOR)
    public Created create(String name, Set<ApiScope> scopes, LocalDate expiresOn) {
        UserAccount me = currentUser.account();
        own(me);
        return issue(me, me, name, scopes, expiresOn);
    }

    /**
     * A token for one of the institute's own systems (an ERP, a quality system), made by the institute's
     * administrator: it acts as the staff account named, with that account's roles, within its scopes. The account is
     * one the administrator made for the system (its roles say what the system may see); it may not be a customer's
     * (their own administrator makes theirs) nor hold the administration of the LIMS, which no token carries.
     */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Created createForSystem(String username, String name, Set<ApiScope> scopes, LocalDate expiresOn) {
        UserAccount me = currentUser.account();
        UserAccount system = username == null ? null : em.createQuery(
                "select u from UserAccount u where u.username = :u", UserAccount.class).setParameter("u", username)
                .getResultStream().findFirst().orElse(null);
        if (system == null || system.customer() != null) {
            throw new RefusedException("error.token.systemAccount", username == null ? "" : username);
        }
        if (system.roles().contains(Roles.ADMINISTRATOR) || !system.enabled()) {
            throw new RefusedException("error.token.systemAccountUnfit", system.username());
        }
        return issue(system, me, name, scopes, expiresOn);
    }

    private Created issue(UserAccount actingAs, UserAccount maker, String name, Set<ApiScope> scopes,
            LocalDate expiresOn) {
        String label = Texts.required(name, ApiToken.MAX_NAME, "error.token.name");
        if (scopes == null || scopes.isEmpty() || scopes.contains(null)) {
            throw new RefusedException("error.token.scopes");
        }
        LocalDate today = LocalDate.now(clock);
        if (expiresOn == null || expiresOn.isBefore(today) || expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
            throw new RefusedException("error.token.expiry", today, today.plusDays(MAX_DAYS));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(actingAs, label, scopes, secret.substring(0, 12), sha256(secret),
                clock.instant(), expiresOn);
        em.persist(token);
        em.flush();
        record(maker.username(), "api.tokenCreated", token, null, token.describe());
        return new Created(TokenView.of(token), secret);
    }

    /** The tokens of the institute's systems (tokens of staff accounts), newest first. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<TokenView> systemTokens() {
        return em.createQuery("select t from ApiToken t join fetch t.account where t.account.customer is null"
                + " order by t.id desc", ApiToken.class).getResultStream().map(TokenView::of).toList();
    }

    /** Revokes a token of one of the institute's systems. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public TokenView revokeSystemToken(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || token.account().customer() != null) {
            throw new RefusedException("error.token.notFound", String.valueOf(id));
        }
        return revoked(token, currentUser.account());
    }

    /** The staff accounts a system token may act as: enabled, not administrators; by name. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<String> systemAccounts() {
        return em.createQuery("select u.username from UserAccount u where u.customer is null and u.enabled = true"
                + " and :admin not member of u.roles order by u.username", String.class)
                .setParameter("admin", Roles.ADMINISTRATOR).getResultList();
    }

    /** The tokens of the caller's organisation, newest first. */
    @RolesAllowed(Roles.CUSTOMER_ADMINISTRATOR)
    public List<TokenView> tokens() {
        // JPA allows no alias on a fetch join (Hibernate 6 refuses the query): filter by the path instead
        return em.createQuery("select t from ApiToken t join fetch t.account where t.account.customer = :c"
                + " order by t.id desc", ApiToken.class).setParameter("c", own(currentUser.account()))
                .getResultStream().map(TokenView::of).toList();
    }

    /** Revokes a token of the caller's organisation: from now on it is refused. */
    @RolesAllowed(Roles.CUSTOMER_ADMINISTRATOR)
    public TokenView revoke(long id) {
        UserAccount me = currentUser.account();
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || token.account().customer() == null
                || !token.account().customer().id().equals(own(me).id())) {
            throw new RefusedException("error.token.notFound", String.valueOf(id));
        }
        return revoked(token, me);
    }

    private TokenView revoked(ApiToken token, UserAccount me) {
        if (token.revokedAt() != null) {
            throw new RefusedException("error.token.revoked", token.prefix());
        }
        token.revoke(me.username(), clock.instant());
        record(me.username(), "api.tokenRevoked", token, token.describe(), "revoked");
        return TokenView.of(token);
    }

    /**
     * The identity a presented secret stands for, if it is a token valid today; its use is recorded (audited with
     * the method and path). The roles are the account's, without the administration of users.
     */
    @PermitAll // the authentication mechanism's, before anyone is known
    public Optional<Bearer> authenticate(String secret, String method, String path) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t join fetch t.account where t.sha256 = :h",
                ApiToken.class).setParameter("h", sha256(secret)).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().validOn(LocalDate.now(clock))) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        token.used(clock.instant());
        record(token.account().username() + " (token " + token.prefix() + "…)", "api.tokenUsed", token, null,
                method + " " + (path.length() > 200 ? path.substring(0, 200) : path));
        Set<String> roles = new HashSet<>(token.account().roles());
        // a token administers nothing: neither a customer's users nor the LIMS
        roles.remove(Roles.CUSTOMER_ADMINISTRATOR);
        roles.remove(Roles.ADMINISTRATOR);
        return Optional.of(new Bearer(token.account().username(), Set.copyOf(roles), token.scopes(), token.prefix()));
    }

    private static Customer own(UserAccount me) {
        if (me.customer() == null) {
            throw new RefusedException("error.token.customersOnly");
        }
        return me.customer();
    }

    static String sha256(String secret) {
        return Sha256.hex(secret);
    }

    private void record(String actor, String action, ApiToken token, String before, String after) {
        audit.record(new AuditEvent(actor, action, "ApiToken", token.id() + " " + token.prefix(), null, before, after,
                null));
    }
}
