package org.jiliang.lims.personnel;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.personnel.LoginOutcome.Authenticated;
import org.jiliang.lims.personnel.LoginOutcome.Refused;
import org.jiliang.lims.platform.InstituteTime;
import org.jiliang.lims.platform.RefusedException;

/**
 * Checks the name and password of everyone who logs in (the login form, HTTP Basic on the API) and of everyone
 * who signs, under {@link LoginPolicy}: wrong passwords are counted per name and per client address, locks end
 * by themselves or by an administrator, every wrong password and every lock is in the audit trail, and a name
 * that is no account costs the same time and gets the same answers as an account.
 */
@Stateless
@PermitAll // the caller is not authenticated yet: this is where it becomes so
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class.getName());
    /** Longer names are no account (the column is 64 characters); they are refused like unknown ones. */
    private static final int MAX_NAME = 64;
    private static final int MAX_PASSWORD = 1024;

    /** How the caller logged in; recorded with the audit entries. */
    public enum Channel { FORM, BASIC }

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private Clock clock;
    @Inject
    private AuditTrail audit;
    @Inject
    private FailedLoginRegister register;
    @Inject
    private VerifiedCredentials verified;

    /** A login attempt. Its own transaction: what a failure records is kept although nobody logs in. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginOutcome login(String username, char[] password, String clientAddress, Channel channel) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip();
        String from = clientAddress == null ? "unknown" : clientAddress;
        char[] secret = password == null || password.length > MAX_PASSWORD ? new char[0] : password;
        Optional<Instant> blocked = register.addressBlockedUntil(from, now);
        if (blocked.isPresent()) {
            return new Refused("login.throttled", blocked.get());
        }
        // no account name has control characters (and PostgreSQL cannot even compare one with U+0000)
        UserAccount account = name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)
                ? null
                : em.createQuery("select a from UserAccount a where a.username = :u", UserAccount.class)
                        .setParameter("u", name).getResultStream().findFirst().orElse(null);
        if (account != null && channel == Channel.BASIC && account.enabled() && !account.failureRun().lockedAt(now)) {
            Optional<Long> stamp = verified.stampOf(name, secret, now);
            if (stamp.isPresent() && stamp.get() == account.credentialStamp()) {
                return authenticated(account);
            }
        }
        if (account != null) {
            // one verification at a time per account, so concurrent guesses are all counted
            em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        }
        LoginPolicy.FailureRun run = account != null ? account.failureRun() : register.unknownName(name);
        if (run.lockedAt(now)) {
            return new Refused("login.locked", run.lockedUntil());
        }
        boolean correct;
        if (account == null) {
            PasswordHasher.spendVerificationTime(secret);
            correct = false;
        } else {
            correct = secret.length > 0 && account.passwordMatches(secret);
        }
        if (!correct) {
            return failed(account, name, from, channel, now);
        }
        if (!account.enabled()) {
            record(name, "login.refused", null, "account disabled; " + channel + " from " + from);
            return new Refused("login.disabled", null);
        }
        account.recordSuccessfulLogin();
        if (account.upgradeHash(secret)) {
            record(name, "account.passwordRehashed", null, PasswordHasher.ITERATIONS + " iterations");
        }
        if (channel == Channel.BASIC) {
            verified.remember(name, secret, account.credentialStamp(), now);
        }
        record(name, "login.succeeded", null, channel + " from " + from);
        return authenticated(account);
    }

    /**
     * Re-checks the password of someone logged in (a signature, a password change) under the same rules as a
     * login; {@code purpose} names the act in the audit trail. Its own transaction, so that what a wrong
     * password records stays although the signature is then refused and the job's transaction rolls back.
     *
     * @return null if the password is right; otherwise the refusal to throw
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RefusedException checkPassword(String username, char[] password, String purpose) {
        Instant now = clock.instant();
        UserAccount account = em.createQuery("select a from UserAccount a where a.username = :u", UserAccount.class)
                .setParameter("u", username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        if (account.failureRun().lockedAt(now)) {
            return new RefusedException("error.sign.locked", InstituteTime.minutes(account.lockedUntil()));
        }
        char[] secret = password == null || password.length > MAX_PASSWORD ? new char[0] : password;
        if (secret.length > 0 && account.passwordMatches(secret)) {
            account.recordSuccessfulLogin();
            return null;
        }
        LoginPolicy.FailureRun run = account.recordFailedLogin(now);
        record(username, purpose + ".passwordWrong", null, "wrong password " + run.failures() + " in a row");
        if (run.lockedAt(now)) {
            record(username, "account.locked", null, "until " + run.lockedUntil() + " after "
                    + run.failures() + " wrong passwords in a row");
            return new RefusedException("error.sign.locked", InstituteTime.minutes(run.lockedUntil()));
        }
        return new RefusedException("error.sign.password");
    }

    /** The roles of a logged-in account, as long as it is enabled and its stamp is the one it logged in with. */
    public Optional<Authenticated> stillValid(String username, long credentialStamp) {
        // asked on every request of a logged-in user: the account and its roles in one query
        return em.createQuery("select distinct a from UserAccount a left join fetch a.roles where a.username = :u",
                        UserAccount.class)
                .setParameter("u", username).getResultStream().findFirst()
                .filter(a -> a.enabled() && a.credentialStamp() == credentialStamp)
                .map(LoginService::authenticated);
    }

    private LoginOutcome failed(UserAccount account, String name, String from, Channel channel, Instant now) {
        LoginPolicy.FailureRun run = account != null ? account.recordFailedLogin(now)
                : register.recordUnknownNameFailure(name, now);
        String who = name.isEmpty() ? "(no name)" : clip(name);
        record(who, "login.failed", null, "wrong password " + run.failures() + " in a row; " + channel + " from "
                + from + (account == null ? "; no such account" : ""));
        Optional<Instant> addressBlock = register.recordAddressFailure(from, now);
        if (addressBlock.isPresent()) {
            LOG.warning(() -> "Logins from " + from + " refused until " + addressBlock.get()
                    + ": too many wrong passwords");
            record("system", "login.addressBlocked", from, "until " + addressBlock.get() + " after "
                    + LoginPolicy.ADDRESS_FAILURES + " wrong passwords within " + LoginPolicy.ADDRESS_WINDOW);
        }
        if (run.lockedAt(now)) {
            record(who, "account.locked", null, "until " + run.lockedUntil() + " after " + run.failures()
                    + " wrong passwords in a row" + (account == null ? " (no such account)" : ""));
            return new Refused("login.locked", run.lockedUntil());
        }
        return new Refused("login.failed", null);
    }

    private static Authenticated authenticated(UserAccount a) {
        return new Authenticated(a.username(), Set.copyOf(a.roles()), a.credentialStamp(), a.mustChangePassword());
    }

    private void record(String actor, String action, String recordId, String detail) {
        audit.record(new AuditEvent(actor, action, recordId == null ? "UserAccount" : "ClientAddress",
                recordId == null ? actor : recordId, null, null, detail, null));
    }

    /** The name as the audit trail keeps it: at most MAX_NAME characters, control characters shown as '?'. */
    private static String clip(String name) {
        String visible = name.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= MAX_NAME ? visible : visible.substring(0, MAX_NAME) + "…";
    }
}
