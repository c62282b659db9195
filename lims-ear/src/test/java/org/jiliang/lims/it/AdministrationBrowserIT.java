package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrator's accounts page and the forced password change in a real browser: an account is created
 * with a temporary password and a role, its owner is kept on the change-password page until they have chosen a
 * password of their own (a weak one is refused with the rule it breaks), then works with the new one.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class AdministrationBrowserIT {

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void anAdministratorCreatesAnAccountAndItsOwnerReplacesTheTemporaryPassword() {
        String user = "it-page-" + UUID.randomUUID().toString().substring(0, 6);
        browser.openAs("admin", "/admin/accounts.xhtml");
        browser.find(By.id("new-username")).sendKeys(user);
        browser.find(By.id("new-name")).sendKeys("吴新");
        checkbox("new-roles", "检定员").click();
        browser.find(By.cssSelector("#new-password input, input#new-password")).sendKeys("short");
        browser.find(By.id("create-account")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("至少 12 个字符"));

        browser.find(By.cssSelector("#new-password input, input#new-password")).sendKeys(Accounts.TEMPORARY);
        browser.find(By.id("create-account")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("账户已创建"));
        assertThat(browser.text(By.id("editing-username"))).isEqualTo(user);
        assertThat(browser.text(By.xpath("//tr[.//span[@class='account-username' and text()='" + user + "']]")))
                .contains("吴新", "检定员", "须修改密码");
        browser.logout();

        // the owner can reach nothing but the change-password page until they have chosen a password
        browser.openAs(user, Accounts.TEMPORARY, "/jobs.xhtml");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/password.xhtml"));
        browser.driver().get(LimsApi.BASE_URL + "/standards.xhtml");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/password.xhtml"));

        fill("pw-current", Accounts.TEMPORARY);
        fill("pw-new", "lmnopqrstuvw");
        fill("pw-repeat", "lmnopqrstuvw");
        browser.find(By.id("pw-change")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("简单序列"));

        fill("pw-current", Accounts.TEMPORARY);
        fill("pw-new", Accounts.OWN);
        fill("pw-repeat", Accounts.OWN);
        browser.find(By.id("pw-change")).click();
        browser.waitUntil(d -> !d.findElements(By.id("login-changed")).isEmpty());

        browser.openAs(user, Accounts.OWN, "/jobs.xhtml");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/jobs.xhtml"));
        assertThat(browser.text(By.id("current-user"))).contains("吴新");
    }

    private WebElement checkbox(String group, String label) {
        return browser.find(By.xpath("//*[@id='" + group + "']//label[normalize-space(text())='" + label
                + "']/preceding-sibling::input"));
    }

    private void fill(String id, String text) {
        WebElement field = browser.find(By.cssSelector("input#" + id + ", #" + id + " input"));
        field.clear();
        field.sendKeys(text);
    }
}
