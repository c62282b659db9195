package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14: a customer's administrator makes an API token for a program; the program reads within the token's
 * scopes and the customer's own data only; nothing else; the secret is shown once and never stored; revoked, it is
 * refused; every use is in the audit trail.
 */
class ApiTokenIT {

    @Test
    void aTokenReadsItsScopeOfItsOwnCustomerUntilRevoked() {
        LimsApi administrator = LimsApi.as("customer");
        String certificate = BenchFlow.verifiedAndApproved(BenchFlow.FOOD_COMPANY_SCALE, BigDecimal.ZERO);
        var made = administrator.post("/api/v1/tokens", "{\"name\":\"质量管理系统 QMS\",\"scopes\":[\"CERTIFICATES_READ\"],"
                + "\"expiresOn\":\"" + ItDay.TODAY.plusDays(30) + "\"}");
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        String secret = made.object().getString("secret");
        JsonObject token = made.object().getJsonObject("token");
        long id = token.getJsonNumber("id").longValue();
        assertThat(secret).startsWith("jlt_").hasSizeGreaterThan(40);
        assertThat(secret).startsWith(token.getString("prefix"));
        assertThat(administrator.get("/api/v1/tokens").text()).contains(token.getString("prefix"))
                .doesNotContain(secret, "sha256");

        LimsApi program = LimsApi.bench(secret);
        assertThat(program.get("/api/v1/me").object().getString("customerName")).isEqualTo("华东食品有限公司");
        assertThat(program.get("/api/v1/certificates?max=1000").text()).contains(certificate).doesNotContain("农贸市场");
        var pdf = program.get("/api/v1/certificates/" + certificate + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // outside its scope, whatever the account may do
        var requests = program.get("/api/v1/requests");
        assertThat(requests.status()).isEqualTo(403);
        assertThat(requests.object().getString("detail")).contains("CERTIFICATES_READ");
        assertThat(program.post("/api/v1/requests", "{}").status()).isEqualTo(403);
        assertThat(program.get("/api/v1/colleagues").status()).isEqualTo(403);
        assertThat(program.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"CERTIFICATES_READ\"],\"expiresOn\":\""
                + ItDay.TODAY.plusDays(1) + "\"}").status()).as("a token makes no tokens").isEqualTo(403);
        assertThat(program.get("/api/v1/certificates/../colleagues").status()).isIn(400, 403, 404);
        // another customer's certificate does not exist for it
        LimsApi market = LimsApi.as("customer2");
        assertThat(market.get("/api/v1/tokens").status()).as("not an administrator").isEqualTo(403);
        assertThat(market.post("/api/v1/tokens/" + id + "/revocation", "{}").status()).isEqualTo(403);

        // a wrong or altered secret is nobody
        assertThat(LimsApi.bench(secret + "x").get("/api/v1/certificates").status()).isEqualTo(401);
        assertThat(LimsApi.bench("jlt_" + "A".repeat(43)).get("/api/v1/certificates").status()).isEqualTo(401);

        var revoked = administrator.post("/api/v1/tokens/" + id + "/revocation", "{}");
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(program.get("/api/v1/certificates").status()).isEqualTo(401);
        assertThat(administrator.post("/api/v1/tokens/" + id + "/revocation", "{}").status()).isEqualTo(409);
        assertThat(LoginThrottlingIT.auditOf(id + " " + token.getString("prefix"))).contains("api.tokenCreated",
                "api.tokenUsed", "api.tokenRevoked");
    }

    @Test
    void aTokenNeedsANameAScopeAndALastDayWithinAYear() {
        LimsApi administrator = LimsApi.as("customer");
        assertThat(administrator.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[],\"expiresOn\":\""
                + ItDay.TODAY.plusDays(1) + "\"}").status()).isEqualTo(400);
        assertThat(administrator.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"ALL\"],\"expiresOn\":\""
                + ItDay.TODAY.plusDays(1) + "\"}").status()).isEqualTo(400);
        var late = administrator.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"CERTIFICATES_READ\"],"
                + "\"expiresOn\":\"" + ItDay.TODAY.plusYears(2) + "\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.object().getString("detail")).contains(ItDay.TODAY.plusDays(366).toString());
        assertThat(administrator.post("/api/v1/tokens", "{\"name\":\"x\",\"scopes\":[\"CERTIFICATES_READ\"],"
                + "\"expiresOn\":\"" + ItDay.TODAY.minusDays(1) + "\"}").status()).isEqualTo(409);
        assertThat(LimsApi.as("admin").get("/api/v1/tokens").status()).isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/tokens").status()).isEqualTo(401);
    }

    @Test
    void theInstitutesSystemsHaveTokensActingAsAnAccountMadeForThem() {
        String erp = Accounts.staff("erp", "intake-clerk");
        LimsApi admin = LimsApi.as("admin");
        String body = "\",\"name\":\"财务系统 ERP\",\"scopes\":[\"INSTRUMENTS_READ\"],\"expiresOn\":\""
                + ItDay.TODAY.plusDays(90) + "\"}";
        var made = admin.post("/api/v1/admin/tokens", "{\"account\":\"" + erp + body);
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        String secret = made.object().getString("secret");
        JsonObject token = made.object().getJsonObject("token");
        long id = token.getJsonNumber("id").longValue();
        assertThat(token.getString("owner")).isEqualTo(erp);
        assertThat(admin.get("/api/v1/admin/tokens").text()).contains(token.getString("prefix")).doesNotContain(secret);

        LimsApi system = LimsApi.bench(secret);
        assertThat(system.get("/api/v1/me").object().getString("username")).isEqualTo(erp);
        for (String serial : List.of("YH2026-00731", "KF-88123")) {
            assertThat(system.get("/api/v1/instruments?text=" + serial).rows()).as("the register, as the clerk sees it")
                    .hasSize(1);
        }
        assertThat(system.get("/api/v1/certificates").status()).as("outside its scopes").isEqualTo(403);
        assertThat(system.get("/api/v1/admin/accounts").status()).as("a token administers nothing").isEqualTo(403);
        assertThat(system.get("/api/v1/admin/tokens").status()).isEqualTo(403);

        // an administrator's or a customer's account cannot be acted as; nobody else makes or sees these tokens
        var adminAccount = admin.post("/api/v1/admin/tokens", "{\"account\":\"admin" + body);
        assertThat(adminAccount.status()).isEqualTo(409);
        assertThat(adminAccount.object().getString("error")).isEqualTo("error.token.systemAccountUnfit");
        assertThat(admin.post("/api/v1/admin/tokens", "{\"account\":\"customer" + body).object().getString("error"))
                .isEqualTo("error.token.systemAccount");
        assertThat(admin.post("/api/v1/admin/tokens", "{\"account\":\"nobody-" + id + body).status()).isEqualTo(409);
        assertThat(LimsApi.as("customer").get("/api/v1/admin/tokens").status()).isEqualTo(403);
        assertThat(LimsApi.as("customer").post("/api/v1/tokens/" + id + "/revocation", "{}").status())
                .as("a customer's administrator revokes only their own").isEqualTo(404);
        assertThat(LimsApi.as("clerk").post("/api/v1/admin/tokens/" + id + "/revocation", "{}").status())
                .isEqualTo(403);
        assertThat(LimsApi.anonymous().get("/api/v1/admin/tokens").status()).isEqualTo(401);

        assertThat(admin.post("/api/v1/admin/tokens/" + id + "/revocation", "{}").status()).isEqualTo(200);
        assertThat(system.get("/api/v1/instruments").status()).isEqualTo(401);
        assertThat(LoginThrottlingIT.auditOf(id + " " + token.getString("prefix"))).contains("api.tokenCreated",
                "api.tokenUsed", "api.tokenRevoked");
    }

    @Test
    void theAdministratorMakesASystemTokenOnThePage() {
        String qms = Accounts.staff("qms", "quality-manager");
        try (Browser browser = new Browser()) {
            browser.openAs("admin", "/admin/tokens.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("token-account"))).selectByVisibleText(qms);
            browser.find(By.id("token-name")).sendKeys("质量管理系统");
            browser.find(By.xpath("//input[@name='token-scopes' and @value='CERTIFICATES_READ']")).click();
            browser.find(By.id("token-expires")).sendKeys(ItDay.TODAY.plusDays(30).toString());
            browser.find(By.id("token-create")).click();
            String secret = browser.text(By.id("token-secret"));
            assertThat(secret).startsWith("jlt_");
            assertThat(browser.text(By.id("tokens"))).contains("质量管理系统", qms);
            assertThat(LimsApi.bench(secret).get("/api/v1/me").object().getString("username")).isEqualTo(qms);
            assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("token-account"))).getOptions())
                    .extracting(org.openqa.selenium.WebElement::getText).doesNotContain("admin", "customer");
        }
    }
}
