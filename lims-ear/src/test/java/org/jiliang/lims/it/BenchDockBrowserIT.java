package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * Issue 11: a technician spent a scroll up and down the 2 700-pixel bench page for each of the 41 readings of a
 * scale. The dock keeps the live reading, the point to capture next, its ΔL and the progress in view: a complete
 * scale verification at 1366×768 where the page never scrolls, each capture by Enter in the ΔL field; on a tablet
 * held upright (768×1024) the dock stays in view wherever the page is scrolled.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class BenchDockBrowserIT {

    private Browser browser; // opened and closed around each test by BrowserSession

    @BeforeEach
    void sizeWindow() {
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
    }

    @Test
    void aWholeScaleVerificationIsCapturedWithoutScrolling() {
        SimulatedScale.bias("0");
        SimulatedScale.load("0");
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);

        browser.openAs("technician", "/bench.xhtml?job=" + job);
        assertThat(browser.text(By.id("dock-not-ready"))).contains("计量标准");
        BenchFlow.readyToCapture(technician, job);
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.id("progress"))).endsWith("0 / 41");
        assertThat(browser.driver().findElements(By.id("dock-not-ready"))).isEmpty();

        // Enter with ΔL left empty: refused, and the reason is shown beside the capture button, not only at the top
        browser.find(By.id("dock-additional-load")).sendKeys(Keys.ENTER);
        assertThat(besideControl("dock-capture")).contains("ΔL", "空白不会当作 0");

        int taken = 0;
        while (!browser.driver().findElements(By.id("next-point")).isEmpty()) {
            int ordinal = Integer.parseInt(browser.find(By.id("next-point")).getAttribute("data-ordinal"));
            assertThat(browser.find(By.cssSelector("tr.next-point")).getAttribute("class"))
                    .as("the row of the next point is highlighted").contains("point-" + ordinal + " ");
            JsonObject point = technician.get("/api/v1/jobs/" + job).object().getJsonArray("points")
                    .getJsonObject(ordinal - 1);
            boolean discrimination = "DISCRIMINATION".equals(point.getString("test"));
            BigDecimal grams = BenchFlow.grams(point.getString("load"));
            if (discrimination && point.getInt("readingsTaken") == 1) {
                grams = grams.add(BenchFlow.grams(point.getString("extraLoad")));
            }
            String shown = grams.movePointLeft(3).setScale(2, RoundingMode.HALF_UP).toPlainString() + " kg";
            if (!discrimination && grams.signum() > 0) {
                // the load in the unit the scale shows, the plan's beside it
                assertThat(browser.text(By.id("next-load"))).isEqualTo(
                        grams.movePointLeft(3).stripTrailingZeros().toPlainString() + " kg (" + point.getString("load") + ")");
            }
            SimulatedScale.load(grams.movePointLeft(3).toPlainString());
            browser.waitUntil(d -> shown.equals(d.findElement(By.id("live-value")).getText())
                    && "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));

            if (discrimination) {
                browser.find(By.id("dock-capture")).click();
            } else {
                var deltaL = browser.find(By.id("dock-additional-load"));
                deltaL.clear();
                deltaL.sendKeys(BenchFlow.HALF_E_GRAMS, Keys.ENTER);
            }
            taken++;
            String progress = taken + " / 41";
            browser.waitUntil(d -> d.findElement(By.id("progress")).getText().endsWith(progress));
            if (taken == 1) {
                // success is confirmed where the technician acted; the job now holds the balance
                assertThat(besideControl("dock-capture")).startsWith("已采集");
                assertThat(browser.text(By.id("device-held-here"))).contains("BAL-01");
            }
            assertThat((Number) browser.script("return window.scrollY")).as("reading " + taken)
                    .satisfies(y -> assertThat(y.doubleValue()).isZero());
            assertThat((Boolean) browser.script("var b = document.getElementById('bench-dock').getBoundingClientRect();"
                    + " return b.top >= 0 && b.bottom <= window.innerHeight;")).as("the dock is in view").isTrue();
        }

        assertThat(taken).isEqualTo(41);
        assertThat(browser.text(By.id("dock-all-captured"))).contains("全部读数已采集");
        assertThat(browser.text(By.id("overall-verdict"))).isEqualTo("合格");
        // the points table speaks the scale's unit too: indications in kg, the plan's grams behind them
        assertThat(browser.driver().findElements(By.cssSelector("tr.test-WEIGHING td.indication")))
                .isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).endsWith(" kg")
                        .isNotEqualTo(cell.getAttribute("title")));

        // a wrong signing password: said beside the button, where the technician is looking
        browser.find(By.cssSelector("input[id$='sign-password']")).sendKeys("not my password");
        browser.clickCentered(By.cssSelector("button[id$='submit-job']"));
        assertThat(besideControl("submit-job")).contains("密码不正确");
        assertThat(technician.get("/api/v1/jobs/" + job).object().getString("state")).isEqualTo("IN_PROGRESS");
        // the next job on this balance is another test's: this one lets it go
        assertThat(technician.delete("/api/v1/jobs/" + job + "/device-hold").status()).isEqualTo(200);
    }

    /**
     * The text of the message shown right after the control whose id ends with {@code id}, once one appears, and
     * checks the message is on screen within a line of the control.
     */
    private String besideControl(String id) {
        By note = By.cssSelector(".inline-message[data-for$='" + id + "']");
        browser.waitUntil(d -> !d.findElements(note).isEmpty() && d.findElement(note).isDisplayed());
        assertThat((Boolean) browser.script("var n = document.querySelector(\".inline-message[data-for$='" + id
                + "']\"); var c = document.getElementById(n.getAttribute('data-for'));"
                + " var a = n.getBoundingClientRect(), b = c.getBoundingClientRect();"
                + " return a.top >= 0 && a.bottom <= window.innerHeight && Math.abs(a.top - b.top) < 60;"))
                .as("the message is in view, beside " + id).isTrue();
        return browser.text(note);
    }

    @Test
    void onATabletTheDockStaysInViewWhileThePageScrolls() {
        SimulatedScale.bias("0");
        SimulatedScale.load("0");
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        BenchFlow.readyToCapture(technician, job);
        browser.driver().manage().window().setSize(new Dimension(768, 1024)); // a tablet held upright

        browser.openAs("technician", "/bench.xhtml?job=" + job);
        browser.waitUntil(d -> "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
        for (int y : new int[] {0, 1200, 100_000}) {
            browser.script("window.scrollTo(0, " + y + ")");
            assertThat((Boolean) browser.script("var b = document.getElementById('bench-dock').getBoundingClientRect();"
                    + " var c = document.getElementById('dock-capture').getBoundingClientRect();"
                    + " var n = document.getElementById('next-point').getBoundingClientRect();"
                    + " return b.top >= 0 && b.bottom <= window.innerHeight && c.right <= window.innerWidth"
                    + " && n.right <= window.innerWidth && c.bottom <= window.innerHeight;"))
                    .as("the dock, the next point and the capture button in view at scrollY " + y).isTrue();
        }
        // and it works there: Enter in ΔL captures the zero point
        var deltaL = browser.find(By.id("dock-additional-load"));
        deltaL.sendKeys(BenchFlow.HALF_E_GRAMS, Keys.ENTER);
        browser.waitUntil(d -> d.findElement(By.id("progress")).getText().endsWith("1 / 41"));
        assertThat(technician.delete("/api/v1/jobs/" + job + "/device-hold").status()).isEqualTo(200);
    }
}
