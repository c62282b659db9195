package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14: the customer's own administrator (the demo's "customer" of C0001) invites a colleague, who chooses their
 * own password at the first login and then sees their organisation's data; the administrator removes them again.
 * Users of other customers and staff accounts do not exist for the administrator; nobody else administers them.
 */
class CustomerColleaguesIT {

    private final LimsApi administrator = LimsApi.as("customer");

    @Test
    void invitedColleagueChoosesAPasswordSeesTheirOrganisationAndIsRemovedAgain() {
        String user = "c1-" + UUID.randomUUID().toString().substring(0, 8);
        var invited = administrator.post("/api/v1/colleagues", invitation(user, false));
        assertThat(invited.status()).as(invited.text()).isEqualTo(200);
        assertThat(invited.object().getBoolean("mustChangePassword")).isTrue();
        assertThat(invited.object().getBoolean("administrator")).isFalse();
        assertThat(administrator.get("/api/v1/colleagues").text()).contains("\"username\":\"" + user + "\"")
                .doesNotContain("customer2", "\"clerk\"", "passwordHash");

        LimsApi colleague = LimsApi.as(user, Accounts.TEMPORARY);
        assertThat(colleague.get("/api/v1/certificates").status()).as("a new password first").isEqualTo(403);
        var chosen = colleague.post("/api/v1/me/password", "{\"currentPassword\":\"" + Accounts.TEMPORARY
                + "\",\"newPassword\":\"" + Accounts.OWN + "\"}");
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(204);
        LimsApi own = LimsApi.as(user, Accounts.OWN);
        JsonObject me = own.get("/api/v1/me").object();
        assertThat(me.getString("customerName")).isEqualTo("华东食品有限公司");
        assertThat(me.getJsonArray("roles").toString()).isEqualTo("[\"customer\"]");
        assertThat(own.get("/api/v1/instruments?max=1000").text()).contains("YH2026-00731").doesNotContain("KF-88123");
        assertThat(own.get("/api/v1/colleagues").status()).as("not an administrator").isEqualTo(403);
        assertThat(own.post("/api/v1/colleagues", invitation("c1-x" + user.substring(3), false)).status())
                .isEqualTo(403);

        var noReason = administrator.post("/api/v1/colleagues/" + user + "/removal", "{\"reason\":\"\"}");
        assertThat(noReason.status()).isEqualTo(400);
        var removed = administrator.post("/api/v1/colleagues/" + user + "/removal", "{\"reason\":\"已离职 / left\"}");
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.object().getBoolean("enabled")).isFalse();
        assertThat(own.get("/api/v1/instruments").status()).as("the session ended").isEqualTo(401);
        assertThat(administrator.post("/api/v1/colleagues/" + user + "/removal", "{\"reason\":\"again\"}").status())
                .isEqualTo(409);
        assertThat(LoginThrottlingIT.auditOf(user)).contains("account.invited", "account.passwordChanged",
                "account.removedByCustomer");
    }

    @Test
    void othersAccountsDoNotExistAndNobodyElseAdministers() {
        for (String other : new String[] {"customer2", "clerk", "admin", "no-such-user"}) {
            var reply = administrator.post("/api/v1/colleagues/" + other + "/removal", "{\"reason\":\"try\"}");
            assertThat(reply.status()).as(other).isEqualTo(404);
            assertThat(reply.object().getString("detail")).as(other).contains(other).doesNotContain("农贸", "陈静");
        }
        assertThat(LimsApi.as("customer2").get("/api/v1/instruments").status()).as("customer2 untouched").isEqualTo(200);
        var self = administrator.post("/api/v1/colleagues/customer/removal", "{\"reason\":\"me\"}");
        assertThat(self.status()).isEqualTo(409);
        assertThat(administrator.post("/api/v1/colleagues", invitation("customer2", false)).status())
                .as("a user name already taken").isEqualTo(409);
        var weak = administrator.post("/api/v1/colleagues", "{\"username\":\"c1-weak\",\"displayName\":\"弱密码\","
                + "\"temporaryPassword\":\"qwertyuiop123\"}");
        assertThat(weak.status()).isEqualTo(409);
        assertThat(weak.object().getString("error")).isEqualTo("error.password.breached");

        assertThat(LimsApi.as("customer2").get("/api/v1/colleagues").status()).isEqualTo(403);
        assertThat(LimsApi.as("admin").get("/api/v1/colleagues").status()).as("institute staff use their own page")
                .isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/colleagues").status()).isEqualTo(401);
        assertThat(LimsApi.as("customer2").get("/portal/colleagues.xhtml").status()).isEqualTo(403);
    }

    @Test
    void theAdministratorInvitesFromThePortal() {
        String user = "c1-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser()) {
            browser.openAs("customer", "/portal/colleagues.xhtml");
            browser.find(By.id("invite-username")).sendKeys(user);
            browser.find(By.id("invite-name")).sendKeys("王芳（质检）");
            browser.find(By.id("invite-password")).sendKeys(Accounts.TEMPORARY);
            browser.find(By.id("invite-button")).click();
            String row = "//tr[.//span[@class='colleague-username' and text()='" + user + "']]";
            browser.waitUntil(d -> !d.findElements(By.xpath(row)).isEmpty());
            assertThat(browser.text(By.xpath(row + "//span[@class='colleague-state']"))).isEqualTo("已邀请（尚未登录）");
            assertThat(browser.text(By.id("messages"))).contains(user);

            browser.find(By.xpath(row + "//input[contains(@class,'remove-reason')]")).sendKeys("邀请错了");
            browser.find(By.xpath(row + "//button[contains(@class,'remove-colleague')]")).click();
            browser.waitUntil(d -> d.findElement(By.xpath(row + "//span[@class='colleague-state']")).getText()
                    .equals("已移除"));
        }
        assertThat(LimsApi.as("customer").get("/api/v1/colleagues").text()).contains(user);
    }

    private static String invitation(String user, boolean admin) {
        return "{\"username\":\"" + user + "\",\"displayName\":\"王芳\",\"administrator\":" + admin
                + ",\"temporaryPassword\":\"" + Accounts.TEMPORARY + "\"}";
    }
}
