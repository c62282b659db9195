package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Password guessing against the deployed server (docs/security.md, "Logins"): wrong passwords lock a name for a
 * time that grows and that further attempts do not extend; an administrator unlocks; a client address that sends
 * many wrong passwords is refused for a while; a name that is no account is answered like one, at the same cost;
 * every wrong password and every lock is in the audit trail. Each test talks from a loopback address of its own
 * ({@link FromAddress}) so the other tests, on 127.0.0.1, are never throttled.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoginThrottlingIT {

    @Test
    void theFifthWrongPasswordLocksTheAccountAndAttemptsWhileLockedDoNotExtendIt() {
        String user = Accounts.staff("it-lock", "technician");
        FromAddress client = new FromAddress("127.0.0.3");
        for (int i = 1; i <= 4; i++) {
            var wrong = client.get("/api/v1/standards", user, "wrong guess " + i);
            assertThat(wrong.status()).as("guess %d", i).isEqualTo(401);
            assertThat(wrong.body()).contains("\"error\":\"login.failed\"").contains("用户名或密码不正确");
        }
        var fifth = client.get("/api/v1/standards", user, "wrong guess 5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.body()).contains("\"error\":\"login.locked\"").contains("请在").contains("之后再试");
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(50L, 61L);
        String lockedUntil = Accounts.summary(user).getString("lockedUntil");

        // the right password is not even looked at while locked, and more attempts leave the end of the lock alone
        var right = client.get("/api/v1/standards", user, Accounts.OWN);
        assertThat(right.status()).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/standards", user, "wrong again").status()).isEqualTo(429);
        }
        JsonObject locked = Accounts.summary(user);
        assertThat(locked.getString("lockedUntil")).isEqualTo(lockedUntil);
        assertThat(locked.getInt("failedLogins")).isEqualTo(5);

        var unlocked = LimsApi.as("admin").post("/api/v1/admin/accounts/" + user + "/unlock", "{}");
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        assertThat(client.get("/api/v1/standards", user, Accounts.OWN).status()).isEqualTo(200);

        List<String> trail = auditOf(user);
        assertThat(trail).filteredOn(a -> a.equals("login.failed")).hasSize(5);
        assertThat(trail).contains("account.locked", "account.unlocked", "login.succeeded");
    }

    @Test
    void aNameThatIsNoAccountGetsTheSameAnswersAtTheSameCost() {
        String user = Accounts.staff("it-timing", "checker");
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        FromAddress client = new FromAddress("127.0.0.4");

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Instant t0 = Instant.now();
            var a = client.get("/api/v1/standards", user, "guess " + i);
            known.add(Duration.between(t0, Instant.now()).toMillis());
            Instant t1 = Instant.now();
            var b = client.get("/api/v1/standards", nobody, "guess " + i);
            unknown.add(Duration.between(t1, Instant.now()).toMillis());
            assertThat(b.status()).isEqualTo(a.status()).isEqualTo(401);
            assertThat(b.body()).isEqualTo(a.body());
        }
        var fifthKnown = client.get("/api/v1/standards", user, "guess 5");
        var fifthUnknown = client.get("/api/v1/standards", nobody, "guess 5");
        assertThat(fifthUnknown.status()).isEqualTo(fifthKnown.status()).isEqualTo(429);
        assertThat(fifthUnknown.body().replaceAll("\\d{2}:\\d{2}", "hh:mm"))
                .isEqualTo(fifthKnown.body().replaceAll("\\d{2}:\\d{2}", "hh:mm"));

        // Before: 6.8 ms for an unknown name against 33.6 ms for a known one, which told names apart. Now both
        // spend one PBKDF2 verification (about 0.2 s); the medians differ by far less than that factor.
        long knownMedian = known.stream().sorted().toList().get(2);
        long unknownMedian = unknown.stream().sorted().toList().get(2);
        assertThat(unknownMedian).as("unknown %s vs known %s ms", unknown, known)
                .isBetween(knownMedian / 2, knownMedian * 2);
        assertThat(knownMedian).as("one verification at 600 000 iterations").isGreaterThanOrEqualTo(50);
        assertThat(auditOf(nobody)).filteredOn(a -> a.equals("login.failed")).hasSize(5);
        LimsApi.as("admin").post("/api/v1/admin/accounts/" + user + "/unlock", "{}");
    }

    @Test
    void anAddressSendingManyWrongPasswordsIsRefusedForAWhileAndOthersAreNot() {
        FromAddress guesser = new FromAddress("127.0.0.5");
        for (int i = 1; i <= 19; i++) {
            assertThat(guesser.get("/api/v1/standards", "spray-" + i + "-" + UUID.randomUUID(), "123456").status())
                    .as("guess %d", i).isEqualTo(401);
        }
        assertThat(guesser.get("/api/v1/standards", "spray-20-" + UUID.randomUUID(), "123456").status()).isEqualTo(401);

        // the twentieth wrong password within 15 minutes blocks the address, even for a correct password
        var blocked = guesser.get("/api/v1/standards", "quality", LimsApi.DEMO_PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body()).contains("\"error\":\"login.throttled\"").contains("此计算机");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(800L, 901L);
        // the same account from another computer is not affected
        assertThat(new FromAddress("127.0.0.6").get("/api/v1/standards", "quality", LimsApi.DEMO_PASSWORD).status())
                .isEqualTo(200);
        assertThat(auditOf("127.0.0.5")).contains("login.addressBlocked");
    }

    @Test
    void theLoginFormSaysWhyItRefusedAndKeepsNoPasswordInTheAnswer() {
        String user = Accounts.staff("it-form", "checker");
        FromAddress browser = new FromAddress("127.0.0.7");
        for (int i = 1; i <= 5; i++) {
            var posted = browser.postForm("/public/login", "j_username=" + user + "&j_password=wrong" + i, null);
            assertThat(posted.status()).isEqualTo(302);
            assertThat(posted.header("Location")).endsWith("/login.xhtml");
            String cookie = posted.header("Set-Cookie").split(";")[0];
            var page = browser.send("GET", "/login.xhtml", null, null, null, cookie);
            assertThat(page.body()).contains(i < 5 ? "用户名或密码不正确" : "之后再试").doesNotContain("wrong" + i);
        }
        var right = browser.postForm("/public/login", "j_username=" + user + "&j_password="
                + Accounts.OWN.replace(' ', '+'), null);
        assertThat(right.header("Location")).as("locked: back to the form").endsWith("/login.xhtml");
        LimsApi.as("admin").post("/api/v1/admin/accounts/" + user + "/unlock", "{}");
        var afterUnlock = browser.postForm("/public/login", "j_username=" + user + "&j_password="
                + Accounts.OWN.replace(' ', '+'), null);
        assertThat(afterUnlock.header("Location")).doesNotEndWith("/login.xhtml");
    }

    /** The actions the audit trail recorded for a record id (an account, or a client address), newest first. */
    static List<String> auditOf(String recordId) {
        List<String> actions = new ArrayList<>();
        for (var e : LimsApi.as("quality").get("/api/v1/audit?count=1000").array()) {
            JsonObject entry = (JsonObject) e;
            if (recordId.equals(entry.getString("recordId"))) {
                actions.add(entry.getString("action"));
            }
        }
        return actions;
    }
}
