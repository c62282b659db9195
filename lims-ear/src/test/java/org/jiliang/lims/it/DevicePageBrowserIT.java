package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator adds a serial balance on the device page (Chinese, the default locale): a bad
 * port path is refused with the reason, a pty path with its line settings is registered and read.
 * A balance registered with another serial number than it reports shows as such, and a device is
 * retired with a reason (issue 9).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class DevicePageBrowserIT {

    private Browser browser; // opened and closed around each test by BrowserSession

    private void type(String id, String text) {
        var input = browser.find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void administratorAddsASerialBalanceOnTheDevicePage() throws Exception {
        String code = "BAL-WEB-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (PtyPair pty = PtyPair.start();
                MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().tcp(false)
                        .serialPort(pty.deviceSide().toString()).serialNumber("IT0000003").start()) {
            balance.placeLoad(new BigDecimal("1000"));
            try {
                openDevicePageAsAdministrator();
                new Select(browser.find(By.id("device-transport"))).selectByValue("serial");
                type("device-code", code);
                type("device-serial-port", "ttyUSB0");
                browser.find(By.id("register-device")).click();
                browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("串口“ttyUSB0”无效"));
                assertThat(browser.driver().findElements(By.cssSelector("tr.device-" + code))).isEmpty();

                type("device-serial-port", pty.serverSide().toString());
                type("device-baud", "9600");
                type("device-data-bits", "8");
                browser.find(By.id("register-device")).click();
                String address = browser.waitUntil(d -> d.findElements(By.cssSelector("tr.device-" + code + " .device-address"))
                        .stream().map(e -> e.getText()).findFirst().orElse(null));
                assertThat(address).isEqualTo(pty.serverSide() + " (9600 N 8 1)");
                assertThat(browser.text(By.cssSelector("tr.device-" + code + " .device-state"))).isEqualTo("运行中");

                awaitStable(code, "1000");
            } finally {
                LimsApi.as("admin").post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }

    @Test
    void aBalanceThatReportsAnotherSerialNumberIsShownAsSuchInTheListAndOnTheBench() throws Exception {
        String code = "BAL-ID-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        try (MtSicsBalanceSimulator balance = MtSicsBalanceSimulator.builder().port(0).model("XPE205")
                .serialNumber("B999000111").start()) {
            try {
                openDevicePageAsAdministrator();
                type("device-code", code);
                type("device-protocol", "mt-sics");
                type("device-host", "127.0.0.1");
                type("device-port", Integer.toString(balance.port()));
                type("device-model", "XPE205");
                type("device-serial-number", "B021002593");
                type("device-expected-units", "g, kg");
                browser.find(By.id("register-device")).click();
                browser.waitUntil(d -> !d.findElements(By.cssSelector("tr.device-" + code)).isEmpty());

                // the list is what the server knew when the page was asked for: reload until the balance answered I4
                String identity = browser.waitUntil(d -> {
                    d.navigate().refresh();
                    String text = d.findElement(By.cssSelector("tr.device-" + code + " .device-identity")).getText();
                    return text.contains("身份不符") ? text : null;
                });
                assertThat(identity).contains("XPE205 S/N B021002593").contains("序列号 B999000111 ≠ B021002593");
                assertThat(browser.text(By.cssSelector("tr.device-" + code + " .device-link")))
                        .startsWith("已连接").contains("S/N B999000111");
                assertThat(LimsApi.as("admin").get("/api/v1/devices").array().toString())
                        .contains("\"expectedUnits\":\"g, kg\"");

                LimsApi technician = LimsApi.as("technician");
                var opened = technician.post("/api/v1/jobs", "{\"instrumentId\":" + BenchFlow.FOOD_COMPANY_SCALE
                        + ",\"verificationType\":\"SUBSEQUENT\",\"benchDevice\":\"" + code + "\"}");
                assertThat(opened.status()).as(opened.text()).isEqualTo(200);
                long job = opened.object().getJsonNumber("id").longValue();
                browser.logout();
                browser.openAs("technician", "/bench.xhtml?job=" + job);
                String banner = browser.text(By.cssSelector(".identity-differs-banner"));
                assertThat(banner).contains(code).contains("B999000111").contains("B021002593").contains("不能采集读数");

                // a device a job still uses cannot be retired, and the page says which job
                browser.logout();
                openDevicePageAsAdministrator();
                type("retire-reason", "换用新天平");
                browser.find(By.cssSelector("button.retire-" + code)).click();
                String refusal = browser.waitUntil(d -> {
                    String text = d.findElement(By.id("messages")).getText();
                    return text.contains("不能退役") ? text : null;
                });
                assertThat(refusal).contains(code).contains(opened.object().getString("jobNumber"));
                assertThat(browser.driver().findElements(By.cssSelector("tr.device-" + code))).hasSize(1);
            } finally {
                LimsApi.as("admin").post("/api/v1/devices/" + code + "/stop", "{}");
            }
        }
    }

    @Test
    void aDeviceIsRetiredWithAReasonAndStaysInTheRegister() {
        String code = "BAL-RT-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        LimsApi admin = LimsApi.as("admin");
        var registered = admin.post("/api/v1/devices", "{\"code\":\"" + code + "\",\"protocol\":\"mt-sics\","
                + "\"host\":\"127.0.0.1\",\"port\":9,\"pollCommand\":\"SI\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        admin.post("/api/v1/devices/" + code + "/stop", "{}");

        openDevicePageAsAdministrator();
        browser.find(By.cssSelector("button.retire-" + code)).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("请填写设备退役原因"));

        type("retire-reason", "登记测试用，已退回");
        browser.find(By.cssSelector("button.retire-" + code)).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.device-" + code)).isEmpty());
        browser.find(By.id("show-retired")).click();
        String retired = browser.waitUntil(d -> d.findElements(By.cssSelector("tr.device-" + code + " .device-state"))
                .stream().map(e -> e.getText()).findFirst().orElse(null));
        assertThat(retired).startsWith("已退役").contains("admin").contains("登记测试用，已退回");
        assertThat(browser.driver().findElements(By.cssSelector("button.start-" + code))).as("not started again").isEmpty();
        assertThat(browser.text(By.cssSelector("tr.device-" + code + " .device-link")))
                .as("a device the server does not read says so").startsWith("已停止");
    }

    private void openDevicePageAsAdministrator() {
        browser.openAs("admin", "/devices.xhtml");
        browser.find(By.id("device-transport"));
    }

    private static void awaitStable(String code, String value) {
        LimsApi admin = LimsApi.as("admin");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var reply = admin.get("/api/v1/benches/" + code + "/latest");
            if (reply.status() == 200 && "STABLE".equals(reply.object().getString("status"))
                    && reply.object().getJsonNumber("value").bigDecimalValue().compareTo(new BigDecimal(value)) == 0) {
                return;
            }
            BenchFlow.sleep(100);
        }
        throw new AssertionError("No stable reading " + value + " from " + code + " registered on the page");
    }
}
