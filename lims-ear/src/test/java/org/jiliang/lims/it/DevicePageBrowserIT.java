package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jiliang.instrument.simulator.MtSicsBalanceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator adds a serial balance on the device page (Chinese, the default locale): a bad
 * port path is refused with the reason, a pty path with its line settings is registered and read.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DevicePageBrowserIT {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void stopBrowser() {
        browser.screenshot("last-page-" + getClass().getSimpleName());
        browser.close();
    }

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
                LimsApi.as("admin").post("/api/devices/" + code + "/stop", "{}");
            }
        }
    }

    private void openDevicePageAsAdministrator() {
        browser.openAs("admin", "/devices.xhtml");
        browser.find(By.id("device-transport"));
    }

    private static void awaitStable(String code, String value) {
        LimsApi admin = LimsApi.as("admin");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var reply = admin.get("/api/benches/" + code + "/latest");
            if (reply.status() == 200 && "STABLE".equals(reply.object().getString("status"))
                    && reply.object().getJsonNumber("value").bigDecimalValue().compareTo(new BigDecimal(value)) == 0) {
                return;
            }
            BenchFlow.sleep(100);
        }
        throw new AssertionError("No stable reading " + value + " from " + code + " registered on the page");
    }
}
