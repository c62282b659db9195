package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The administration that used to need SQL, through the API the pages use too: accounts, roles, authorizations,
 * customers, instruments and standards; every change in the audit trail with the values before and after; only
 * the roles that may do it can; a new or reset password must be replaced by its owner.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AccountAdministrationIT {

    private static final LocalDate TODAY = ItDay.TODAY;
    private final LimsApi admin = LimsApi.as("admin");

    @Test
    void onlyAdministratorsAdministerAccounts() {
        assertThat(LimsApi.anonymous().get("/api/v1/admin/accounts").status()).isEqualTo(401);
        assertThat(LimsApi.as("quality").get("/api/v1/admin/accounts").status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").get("/api/v1/admin/accounts").status()).isEqualTo(403);
        var refused = LimsApi.as("technician").post("/api/v1/admin/accounts/technician/roles",
                "{\"roles\":[\"administrator\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/accounts").text()).contains("\"username\":\"technician\"")
                .doesNotContain("passwordHash", "salt", "iterations", "jiliang");
    }

    @Test
    void aNewAccountChoosesItsOwnPasswordUnderTheRulesBeforeAnythingElse() {
        String user = "it-new-" + UUID.randomUUID().toString().substring(0, 8);
        var weak = admin.post("/api/v1/admin/accounts", account(user, "qwertyuiop123"));
        assertThat(weak.status()).isEqualTo(409);
        assertThat(weak.object().getString("error")).isEqualTo("error.password.breached");
        assertThat(admin.post("/api/v1/admin/accounts", account(user, "short")).object().getString("error"))
                .isEqualTo("error.password.short");
        assertThat(admin.post("/api/v1/admin/accounts", account(user, Accounts.TEMPORARY)).status()).isEqualTo(200);

        LimsApi first = LimsApi.as(user, Accounts.TEMPORARY);
        var blocked = first.get("/api/v1/standards");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.object().getString("error")).isEqualTo("login.passwordChangeRequired");
        var wrongCurrent = first.post("/api/v1/me/password", "{\"currentPassword\":\"not it at all\",\"newPassword\":\""
                + Accounts.OWN + "\"}");
        assertThat(wrongCurrent.object().getString("error")).isEqualTo("error.password.current");
        var mine = first.post("/api/v1/me/password", "{\"currentPassword\":\"" + Accounts.TEMPORARY
                + "\",\"newPassword\":\"" + Accounts.OWN + "\"}");
        assertThat(mine.status()).as(mine.text()).isEqualTo(204);

        assertThat(LimsApi.as(user, Accounts.TEMPORARY).get("/api/v1/standards").status()).isEqualTo(401);
        assertThat(LimsApi.as(user, Accounts.OWN).get("/api/v1/standards").status()).isEqualTo(200);
        assertThat(LoginThrottlingIT.auditOf(user)).contains("account.created", "account.passwordChanged");
    }

    @Test
    void otherRolesDisablingAndAResetEndTheSessionsOfTheAccount() {
        String user = Accounts.staff("it-session", "technician");
        FromAddress browser = new FromAddress("127.0.0.8");
        String cookie = browser.postForm("/public/login", "j_username=" + user + "&j_password="
                + Accounts.OWN.replace(' ', '+'), null).header("Set-Cookie").split(";")[0];
        assertThat(browser.send("GET", "/api/v1/me", null, null, null, cookie).body()).contains("technician");

        var changed = admin.post("/api/v1/admin/accounts/" + user + "/roles", "{\"roles\":[\"technician\",\"checker\"]}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/v1/me", null, null, null, cookie).status())
                .as("the session that carried the old roles ended").isEqualTo(401);
        JsonObject entry = lastAuditEntry(user, "account.rolesChanged");
        assertThat(entry.getString("oldValue")).isEqualTo("[technician]");
        assertThat(entry.getString("newValue")).isEqualTo("[checker, technician]");
        assertThat(entry.getString("actor")).isEqualTo("admin");

        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/disable", "{}").object().getString("error"))
                .as("a reason is required").isEqualTo("error.account.reason");
        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/disable", "{\"reason\":\"left the institute\"}")
                .status()).isEqualTo(200);
        var disabled = LimsApi.as(user, Accounts.OWN).get("/api/v1/standards");
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.object().getString("error")).isEqualTo("login.disabled");
        assertThat(lastAuditEntry(user, "account.disabled").getString("reason")).isEqualTo("left the institute");
        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/enable", "{}").status()).isEqualTo(200);
        assertThat(LimsApi.as(user, Accounts.OWN).get("/api/v1/standards").status()).isEqualTo(200);

        assertThat(admin.post("/api/v1/admin/accounts/" + user + "/password-reset",
                "{\"temporaryPassword\":\"" + Accounts.TEMPORARY + "\"}").status()).isEqualTo(200);
        assertThat(LimsApi.as(user, Accounts.OWN).get("/api/v1/standards").status()).isEqualTo(401);
        assertThat(LimsApi.as(user, Accounts.TEMPORARY).get("/api/v1/standards").object().getString("error"))
                .isEqualTo("login.passwordChangeRequired");
        assertThat(admin.post("/api/v1/admin/accounts/admin/disable", "{\"reason\":\"test\"}").object()
                .getString("error")).isEqualTo("error.account.disableSelf");
    }

    @Test
    void anAuthorizationGrantedAndWithdrawnDecidesWhoMayBeAssigned() {
        String user = Accounts.staff("it-auth", "technician");
        var granted = admin.post("/api/v1/admin/accounts/" + user + "/authorizations", "{\"procedureCode\":\"JJG 539-2016\","
                + "\"activity\":\"PERFORM\",\"certificateNumber\":\"JJ-检-2026-0999\",\"validFrom\":\"" + TODAY.minusDays(1)
                + "\",\"validUntil\":\"" + TODAY.plusYears(2) + "\"}");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        JsonObject grant = granted.object().getJsonArray("authorizations").getJsonObject(0);
        LimsApi clerk = LimsApi.as("clerk");
        long job = clerk.post("/api/v1/jobs/intake", "{\"instrumentId\":1,\"verificationType\":\"SUBSEQUENT\"}")
                .object().getJsonNumber("id").longValue();
        var withdrawn = admin.post("/api/v1/admin/accounts/authorizations/" + grant.getJsonNumber("id") + "/withdraw",
                "{\"reason\":\"moved to the pressure laboratory\"}");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        var refused = clerk.post("/api/v1/jobs/" + job + "/assignment",
                "{\"technician\":\"" + user + "\",\"benchDevice\":\"BAL-01\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.object().getString("error")).isEqualTo("error.authorization.withdrawn");
        assertThat(lastAuditEntry(user, "authorization.withdrawn").getString("newValue"))
                .contains("withdrawn from " + TODAY, "moved to the pressure laboratory");
        var bad = admin.post("/api/v1/admin/accounts/" + user + "/authorizations", "{\"procedureCode\":\"JJG 000\","
                + "\"activity\":\"PERFORM\",\"certificateNumber\":\"X\",\"validFrom\":\"2026-01-01\","
                + "\"validUntil\":\"2027-01-01\"}");
        assertThat(bad.object().getString("error")).isEqualTo("error.authorization.procedure");
    }

    @Test
    void customersInstrumentsAndStandardsAreRegisteredAndCorrectedWithTheirHistory() {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LimsApi clerk = LimsApi.as("clerk");
        assertThat(LimsApi.as("customer").get("/api/v1/registry/customers").status()).isEqualTo(403);
        var added = clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"江海市第三菜市场\","
                + "\"address\":\"江海市东路 1 号\",\"contactEmail\":\"market3@example.org\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "\",\"name\":\"x\",\"address\":\"y\"}")
                .object().getString("error")).isEqualTo("error.customer.exists");
        assertThat(clerk.post("/api/v1/registry/customers", "{\"code\":\"" + code + "X\",\"name\":\"x\",\"address\":\"y\","
                + "\"contactEmail\":\"not an address\"}").object().getString("error")).isEqualTo("error.customer.email");
        var moved = clerk.put("/api/v1/registry/customers/" + code, "{\"name\":\"江海市第三菜市场\","
                + "\"address\":\"江海市西路 9 号\",\"contactEmail\":\"market3@example.org\"}");
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        JsonObject change = lastAuditEntry(code, "customer.changed");
        assertThat(change.getString("oldValue")).contains("address=江海市东路 1 号");
        assertThat(change.getString("newValue")).contains("address=江海市西路 9 号");

        String serial = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        var impossible = clerk.post("/api/v1/registry/instruments", Registrations.scale(code, serial, "III", "30 kg", "1 g"));
        assertThat(impossible.status()).isEqualTo(409);
        assertThat(impossible.object().getString("error")).isEqualTo("error.instrument.scaleParameters");
        var scale = clerk.post("/api/v1/registry/instruments", Registrations.scale(code, serial, "III", "30 kg", "10 g"));
        assertThat(scale.status()).as(scale.text()).isEqualTo(200);
        assertThat(clerk.get("/api/v1/instruments?text=" + serial).text()).contains(serial);

        LimsApi quality = LimsApi.as("quality");
        String std = "STD-IT-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        assertThat(LimsApi.as("technician").post("/api/v1/standards", standard(std)).status()).isEqualTo(403);
        var registered = quality.post("/api/v1/standards", standard(std));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        assertThat(registered.object().getString("status")).isEqualTo("VALID");
        var suspended = quality.post("/api/v1/standards/" + std + "/suspend", "{\"reason\":\"dropped on the floor\"}");
        assertThat(suspended.object().getString("status")).isEqualTo("SUSPENDED");
        JsonObject suspension = lastAuditEntry(std, "standard.suspended");
        assertThat(suspension.getString("reason")).isEqualTo("dropped on the floor");
        assertThat(suspension.getString("newValue")).contains("suspended");
        assertThat(suspension.getString("oldValue")).doesNotContain("suspended");
    }

    private static String account(String user, String password) {
        return "{\"username\":\"" + user + "\",\"displayName\":\"测试\",\"roles\":[\"checker\"],"
                + "\"temporaryPassword\":\"" + password + "\"}";
    }

    private static String standard(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"F2 砝码组 / F2 weight set\",\"accuracy\":\"F2\","
                + "\"serialNumber\":\"WS-F2-IT\",\"certificateNumber\":\"JZJ2026-09999\",\"traceableTo\":\"江海市计量检定"
                + "测试院 F1 砝码组\",\"calibratedOn\":\"" + TODAY.minusMonths(1) + "\",\"dueDate\":\""
                + TODAY.plusMonths(11) + "\"}";
    }

    static JsonObject lastAuditEntry(String recordId, String action) {
        for (var e : LimsApi.as("quality").get("/api/v1/audit?count=1000").array()) {
            JsonObject entry = (JsonObject) e;
            if (recordId.equals(entry.getString("recordId")) && action.equals(entry.getString("action"))) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " of " + recordId + " in the audit trail");
    }
}
