package org.jiliang.lims.personnel;

import org.jiliang.lims.platform.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import org.jiliang.lims.audit.AuditEvent;
import org.jiliang.lims.audit.AuditTrail;
import org.jiliang.lims.platform.Institute;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.platform.Settings;
import org.jiliang.lims.platform.Texts;

/**
 * The first start of a production installation: the database is empty, so nobody can log in. The server prints
 * a one-time setup token in its log; whoever holds it (the person who started the server) opens the setup page,
 * records the institute and creates the first administrator. From then on the setup is closed for good: it is
 * open only while the database has no account at all, and demo mode never opens it (the demo has its accounts).
 * It lives with the accounts it creates: platform, which records the institute, is below every feature and
 * knows no accounts.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@PermitAll // nobody is logged in yet; the token is the credential
public class FirstRunSetup {

    private static final Logger LOG = Logger.getLogger(FirstRunSetup.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "lims")
    private EntityManager em;
    @Inject
    private UserAccountRepository accounts;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    /** SHA-256 of the token printed at this start; null when the setup is closed. */
    private byte[] tokenHash;

    /** What the setup page asks for. */
    public record Setup(String token, String nameZh, String nameEn, String address, String certificatePrefix,
            String timeZone, String adminUsername, String adminDisplayName, char[] adminPassword) {
    }

    @PostConstruct
    void openIfNeeded() {
        if (Settings.demoMode() || accounts.count() > 0) {
            return;
        }
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokenHash = sha256(token);
        LOG.warning("\n"
                + "==================================================================\n"
                + " Jiliang LIMS first run: the database has no accounts yet.\n"
                + " Open " + Settings.publicBaseUrl() + "/public/setup.xhtml and enter\n"
                + " the setup token " + token + "\n"
                + " to record the institute and create the first administrator.\n"
                + " The token works once, and only until this server stops.\n"
                + "==================================================================");
    }

    @Lock(LockType.READ)
    public boolean open() {
        return tokenHash != null;
    }

    /** Records the institute and the first administrator, then closes the setup for good. */
    @Lock(LockType.WRITE)
    public void complete(Setup s) {
        if (tokenHash == null || accounts.count() > 0) {
            tokenHash = null;
            throw new RefusedException("error.setup.closed");
        }
        if (s.token() == null || !MessageDigest.isEqual(tokenHash, sha256(s.token().strip()))) {
            throw new RefusedException("error.setup.token");
        }
        String nameZh = Texts.required(s.nameZh(), 200, "error.setup.nameZh");
        String nameEn = Texts.required(s.nameEn(), 200, "error.setup.nameEn");
        String address = Texts.required(s.address(), 300, "error.setup.address");
        String prefix = s.certificatePrefix() == null ? "" : s.certificatePrefix().strip();
        if (!prefix.matches("[A-Z]{1,8}")) {
            throw new RefusedException("error.setup.prefix", prefix);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(s.timeZone() == null ? "" : s.timeZone().strip());
        } catch (DateTimeException e) {
            throw new RefusedException("error.setup.timeZone", s.timeZone());
        }
        // one zone for every time shown: the server's setting, which the record repeats
        if (!zone.equals(ClockProducer.INSTITUTE_ZONE)) {
            throw new RefusedException("error.setup.otherTimeZone", zone.getId(), ClockProducer.INSTITUTE_ZONE.getId());
        }
        String username = s.adminUsername() == null ? "" : s.adminUsername().strip();
        if (!AccountService.USERNAME.matcher(username).matches()) {
            throw new RefusedException("error.account.username", username);
        }
        String displayName = Texts.required(s.adminDisplayName(), AccountService.MAX_DISPLAY_NAME, "error.account.displayName");
        PasswordRules.check(s.adminPassword(), username);

        Institute institute = new Institute(nameZh, nameEn, address, prefix);
        institute.setUp(zone, clock.instant(), username);
        em.persist(institute);
        UserAccount admin = new UserAccount(username, displayName, s.adminPassword(), Set.of(Roles.ADMINISTRATOR),
                null, clock.instant());
        accounts.add(admin);
        audit.record(new AuditEvent("first-run setup", "institute.setUp", "Institute", prefix, null, null,
                institute.describe(), null));
        audit.record(new AuditEvent("first-run setup", "account.created", "UserAccount", username, null, null,
                displayName + " [" + Roles.ADMINISTRATOR + "]", "first administrator"));
        tokenHash = null;
        LOG.info(() -> "First-run setup done: institute " + nameZh + ", administrator " + username
                + "; the setup page is closed.");
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
