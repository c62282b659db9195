package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * Issue 11: a technician spent a scroll up and down the 2 700-pixel bench page for each of the 41 readings of a
 * scale. The dock keeps the live reading, the point to capture next, its ΔL and the progress in view: a complete
 * scale verification at 1366×768 where the page never scrolls, each capture by Enter in the ΔL field.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BenchDockBrowserIT {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser();
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
    }

    @AfterEach
    void stopBrowser() {
        browser.screenshot("last-page-" + getClass().getSimpleName());
        browser.close();
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

        int taken = 0;
        while (!browser.driver().findElements(By.id("next-point")).isEmpty()) {
            int ordinal = Integer.parseInt(browser.find(By.id("next-point")).getAttribute("data-ordinal"));
            assertThat(browser.find(By.cssSelector("tr.next-point")).getAttribute("class"))
                    .as("the row of the next point is highlighted").contains("point-" + ordinal + " ");
            JsonObject point = technician.get("/api/jobs/" + job).object().getJsonArray("points")
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
            assertThat((Number) browser.script("return window.scrollY")).as("reading " + taken)
                    .satisfies(y -> assertThat(y.doubleValue()).isZero());
            assertThat((Boolean) browser.script("var b = document.getElementById('bench-dock').getBoundingClientRect();"
                    + " return b.top >= 0 && b.bottom <= window.innerHeight;")).as("the dock is in view").isTrue();
        }

        assertThat(taken).isEqualTo(41);
        assertThat(browser.text(By.id("dock-all-captured"))).contains("全部读数已采集");
        assertThat(browser.text(By.id("overall-verdict"))).isEqualTo("合格");
    }
}
