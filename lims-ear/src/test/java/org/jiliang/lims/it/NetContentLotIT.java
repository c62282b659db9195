package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 15, the net-content inspection as a kind of job: a lot of 40 bags of sugar (Q_n = 500 g, T = 15 g, n = 10,
 * λ = 1.028) weighed at the bench page in the browser on the simulated balance, the ten empty packagings first (a
 * package before them is refused), the average tare applied to every gross, a gross equal to the previous one held as
 * the same package weighed twice; the lot passes and the trader downloads the signed report. A lot of 8 tared package
 * by package fails on one package short by more than 2T, with that reason, and its report ends with the notice.
 * Bad input stores nothing: a tare above its gross, a package captured twice, a labelled quantity outside the table,
 * a unit no net content is stated in. A lot declared by drained mass: {@link DrainedLotIT}.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class NetContentLotIT {

    private static final LotBench LOTS = new LotBench(LimsApi.BASE_URL);
    private static final String[] TARES = {"5.01", "5.03", "4.98", "5.00", "5.02", "4.99", "5.01", "5.00", "4.97", "5.04"};
    private static final String[] GROSS = {"506.1", "505.4", "507.2", "504.9", "506.6", "505.8", "493.0", "506.0",
            "505.5", "506.3"};

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void aLotIsWeighedAtTheBenchWithItsAverageTareAndPassesAndTheTraderDownloadsTheReport() throws Exception {
        String lotNumber = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        long instrument = LOTS.register(lotNumber, "C0001", "500 g", "40", "平均皮重 average tare");
        long job = LOTS.atTheBalance(instrument);
        LimsApi technician = LimsApi.as("technician");

        browser.openAs("technician", "/bench.xhtml?job=" + job);
        // the work is an inspection (检验), not a calibration
        assertThat(browser.text(By.id("job-summary"))).contains("检验", "JJF 1070-2023").doesNotContain("校准");
        assertThat(browser.text(By.id("lot-plan"))).contains("N = 40", "n = 10", "λ = 1.028");
        assertThat(browser.text(By.id("lot-labelled"))).contains("500 g", "T = 15 g");
        int points = browser.driver().findElements(By.cssSelector("table#points tbody tr")).size();
        assertThat(points).as("10 empty packagings, 10 packages").isEqualTo(20);

        // a package before the empty packagings: refused, nothing stored
        place("506.1");
        browser.clickCentered(By.cssSelector("button.capture-11"));
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("请先称完空包装"));
        assertThat(browser.text(By.cssSelector("tr.point-11 td.readings"))).isEqualTo("0/1");

        for (int i = 0; i < TARES.length; i++) {
            weigh(i + 1, TARES[i]);
        }
        assertThat(browser.text(By.id("lot-tare"))).contains("5.005 g");
        weigh(11, GROSS[0]);
        // the same gross again to the last digit: the same package weighed twice? held until a reason is given
        browser.clickCentered(By.cssSelector("button.capture-12"));
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("同一件样本称了两次"));
        assertThat(browser.text(By.cssSelector("tr.point-12 td.readings"))).isEqualTo("0/1");
        for (int i = 1; i < GROSS.length; i++) {
            weigh(11 + i, GROSS[i]);
        }
        browser.screenshot("bench-net-content-lot");
        // package 7: 493.0 − 5.005 = 487.995 g, short by 12.005 g: within T
        assertThat(row(17)).contains("487.995", "12.005");
        assertThat(row(11)).contains("501.095");
        assertThat(browser.text(By.id("lot-statistics"))).contains("499.675 g");
        assertThat(browser.text(By.id("lot-verdict"))).contains("合格").doesNotContain("不合格");
        assertThat(browser.text(By.id("conclusion"))).isEqualTo("检验结论：合格 / verdict on the lot: passed");
        browser.find(By.id("sign-password")).sendKeys(LimsApi.DEMO_PASSWORD);
        browser.clickCentered(By.id("submit-job"));
        browser.waitUntil(d -> d.findElement(By.id("submitted-state")).getText().contains("待核验"));

        String number = LOTS.checkedAndApproved(job);
        assertThat(number).startsWith("JHJY");
        var pdf = LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        String text = PdfDocuments.text(pdf.body()).replaceAll("\\s+", " ");
        assertThat(text).contains(number, "定量包装商品净含量计量检验报告", "华东食品", lotNumber, "N = 40", "λ = 1.028",
                "5.005", "506.1", "501.095", "487.995", "合格 Passed", "JJF 1070-2023", "CMP2026-0042",
                "张伟").doesNotContain("不合格通知书");
        assertThat(LimsApi.as("customer2").get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
        assertThat(LimsApi.anonymous().get("/api/v1/certificates/" + number + "/pdf").status()).isIn(401, 404);
        // a lot is inspected once: its report opens no cycle, so it is never due nor recalled, also once edited
        var edited = LimsApi.as("clerk").put("/api/v1/registry/instruments/" + instrument,
                LotBench.lot(lotNumber, "C0001", "500 g", "40", "平均皮重 average tare").replace("白砂糖 White sugar",
                        "白砂糖（一级）White sugar, grade 1"));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        JsonObject registered = LOTS.registered(lotNumber);
        assertThat(registered.getJsonObject("register").getString("status")).isEqualTo("IN_SERVICE");
        assertThat(registered.containsKey("nextDueDate")).as(registered.toString()).isFalse();
    }

    @Test
    void aLotWithOnePackageShortByMoreThanTwoTFailsWithThatReasonAndBadInputStoresNothing() throws Exception {
        LimsApi clerk = LimsApi.as("clerk");
        // refused at registration, nothing stored: a quantity outside the table, a unit of no net content
        for (String[] bad : List.of(new String[] {"60 kg", "error.netContent.outsideTable", "不在"},
                new String[] {"500 斤", "error.netContent.unit", "不是净含量的标注单位"})) {
            String serial = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
            var refused = clerk.post("/api/v1/registry/instruments", LotBench.lot(serial, "C0002", bad[0], "8",
                    "逐件皮重 each package's own tare"));
            assertThat(refused.status()).as(refused.text()).isIn(400, 409);
            assertThat(refused.text()).contains(bad[1], bad[2]);
            assertThat(clerk.get("/api/v1/instruments?text=" + serial).text()).doesNotContain(serial);
        }

        String lotNumber = "LOT-" + UUID.randomUUID().toString().substring(0, 8);
        long instrument = LOTS.register(lotNumber, "C0002", "500 g", "8", "逐件皮重 each package's own tare");
        long job = LOTS.atTheBalance(instrument);
        LimsApi technician = LimsApi.as("technician");
        JsonObject view = technician.get("/api/v1/jobs/" + job).object();
        assertThat(view.getJsonArray("points")).as("8 packages, each with its tare").hasSize(16);

        String[] gross = {"506.1", "505.4", "470.0", "504.9", "506.6", "505.8", "507.0", "506.0"};
        for (int i = 0; i < gross.length; i++) {
            int grossPoint = 2 * i + 1;
            LOTS.capture(job, grossPoint, gross[i]);
            if (i == 0) {
                // a tare above its gross: refused, nothing stored
                LOTS.place("600");
                var refused = technician.post("/api/v1/jobs/" + job + "/points/2/capture", "{}");
                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.text()).contains("包装物不可能比整件商品更重");
                // the package captured twice: refused, the first weighing kept
                LOTS.place("506.2");
                var twice = technician.post("/api/v1/jobs/" + job + "/points/1/capture", "{}");
                assertThat(twice.status()).isEqualTo(409);
                assertThat(LOTS.readings(job, 1)).isEqualTo(1);
                assertThat(LOTS.readings(job, 2)).isZero();
            }
            LOTS.capture(job, grossPoint + 1, "5.0" + i);
        }
        JsonObject done = technician.get("/api/v1/jobs/" + job).object();
        assertThat(done.getString("conclusion")).contains("不合格");
        assertThat(done.toString()).contains("短缺量大于 2 倍允许短缺量", "30 g");
        String[] issued = LOTS.issuedToTheTrader(job);
        String number = issued[0];
        String text = issued[1];
        assertThat(text).contains(number, "不合格 Failed", "定量包装商品净含量计量检验不合格通知书", "> 2T",
                "1 package(s) short by more than 2T (30 g)", "stop selling this lot", lotNumber)
                .doesNotContain("。。", "allowed..");
        assertThat(LimsApi.as("customer").get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(404);
        // the register: this lot may not be sold until it is put right
        assertThat(LOTS.registered(lotNumber).getJsonObject("register").getString("status")).isEqualTo("NOT_PERMITTED");
    }

    /** Puts a package (or an empty packaging) on the simulated balance from the bench page and waits for its stable reading. */
    private void place(String grams) {
        var field = browser.find(By.id("demo-load"));
        field.clear();
        field.sendKeys(grams);
        browser.clickCentered(By.id("place-demo-load"));
        BigDecimal expected = new BigDecimal(grams);
        browser.waitUntil(d -> shows(d.findElement(By.id("live-value")).getText(), expected)
                && "STABLE".equals(d.findElement(By.id("live-status")).getAttribute("data-status")));
    }

    /** A row of the points table as the page holds it (the table scrolls inside the bench page). */
    private String row(int ordinal) {
        return browser.driver().findElement(By.cssSelector("tr.point-" + ordinal)).getAttribute("textContent");
    }

    private void weigh(int ordinal, String grams) {
        place(grams);
        browser.clickCentered(By.cssSelector("button.capture-" + ordinal));
        browser.waitUntil(d -> "1/1".equals(d.findElement(By.cssSelector("tr.point-" + ordinal + " td.readings"))
                .getText()));
    }

    /** "506.1000 g" shows 506.1. */
    private static boolean shows(String shown, BigDecimal grams) {
        try {
            return new BigDecimal(shown.strip().split("\\s+")[0]).compareTo(grams) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
