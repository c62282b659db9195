package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 9 in the browser (Chinese, the default locale): a technician reads a device's stored frames page by page
 * with their raw bytes, goes from a captured reading on the review page to the frame it came from, and the
 * intake clerk is refused the page.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class DeviceFramesBrowserIT {

    private static final String HEX = "([0-9a-f]{2})( [0-9a-f]{2})*";
    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void technicianPagesThroughTheFramesOfTheScaleWithTheirBytes() throws InterruptedException {
        LimsApi technician = LimsApi.as("technician");
        Waits.awaitTrue(() -> !technician.get("/api/v1/devices/" + BenchFlow.DEVICE + "/frames?limit=50").object()
                .isNull("next"), java.time.Duration.ofSeconds(40), () -> "more than a page of frames of the scale");
        browser.openAs("technician", "/device-frames.xhtml?device=" + BenchFlow.DEVICE);
        List<Long> first = shownIds();
        assertThat(first).as("the first page of the demo scale's frames").hasSize(50).isSorted();
        // a long frame (the balance's I2 answer, naming its model) shows its first bytes and opens to the whole
        for (WebElement hex : browser.driver().findElements(By.cssSelector("#frames td.frame-hex"))) {
            assertThat(hex.getText()).matches(HEX + "( … \\(点击显示全部\\))?");
        }
        List<String> texts = browser.driver().findElements(By.cssSelector("#frames td.frame-text")).stream()
                .map(WebElement::getText).toList();
        assertThat(texts).allSatisfy(t -> assertThat(t).matches(".*(␍␊|…)"));
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("S S").endsWith("␍␊"));

        browser.find(By.id("frames-next")).click();
        browser.waitUntil(d -> !shownIds().isEmpty() && shownIds().get(0) > first.get(first.size() - 1));
        browser.find(By.id("frames-previous")).click();
        browser.waitUntil(d -> shownIds().equals(first));

        assertThat(browser.find(By.id("frames-export")).getAttribute("href"))
                .endsWith("/api/v1/devices/" + BenchFlow.DEVICE + "/frames.csv");
    }

    @Test
    void fromACapturedReadingOnTheReviewPageToTheFrameItCameFrom() {
        LimsApi technician = LimsApi.as("technician");
        long job = BenchFlow.openJob(technician, BenchFlow.FOOD_COMPANY_SCALE);
        assertThat(technician.post("/api/v1/jobs/" + job + "/standards", "{\"code\":\"STD-F1-001\"}").status())
                .isEqualTo(200);
        BenchFlow.recordNormalEnvironment(technician, job);
        JsonObject point = technician.get("/api/v1/jobs/" + job).object().getJsonArray("points").getJsonObject(0);
        BenchFlow.place(technician, BenchFlow.grams(point.getString("load")), BigDecimal.ZERO);
        var captured = technician.post("/api/v1/jobs/" + job + "/points/" + point.getInt("ordinal") + "/capture",
                "{\"additionalLoad\":" + BenchFlow.HALF_E_GRAMS + "}");
        assertThat(captured.status()).as(captured.text()).isEqualTo(200);
        JsonObject after = captured.object().getJsonArray("points").getJsonObject(0);
        long frameId = after.getJsonArray("frameIds").getJsonNumber(0).longValue();

        browser.openAs("technician", "/review.xhtml?job=" + job);
        browser.find(By.cssSelector("a.frame-link-" + frameId)).click();

        WebElement asked = browser.find(By.cssSelector("tr#frame-" + frameId + ".frame-asked"));
        assertThat(asked.findElement(By.cssSelector(".frame-hex")).getText()).isEqualTo(after.getString("rawHex"));
        assertThat(asked.findElement(By.cssSelector(".frame-status")).getText()).isEqualTo("STABLE");
        String session = asked.findElement(By.cssSelector(".frame-session")).getText();
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#frames tr.frame"));
        assertThat(rows).as("the frame with the frames before and after it").hasSizeGreaterThan(1);
        assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".frame-session")).getText())
                .isEqualTo(session));
        assertThat(shownIds().indexOf(frameId)).as("the frames before it are shown too").isPositive();
    }

    @Test
    void theIntakeClerkIsRefusedThePage() {
        browser.openAs("clerk", "/device-frames.xhtml?device=" + BenchFlow.DEVICE);
        browser.find(By.id("forbidden"));
        assertThat(browser.driver().findElements(By.id("frames"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("nav-frames"))).isEmpty();
    }

    private List<Long> shownIds() {
        return browser.driver().findElements(By.cssSelector("#frames td.frame-id")).stream()
                .map(e -> Long.parseLong(e.getText())).toList();
    }
}
