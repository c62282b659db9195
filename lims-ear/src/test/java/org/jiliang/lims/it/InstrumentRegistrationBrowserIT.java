package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 10 in a real browser: the front desk registers a multimeter with its ranges on the instruments page; the
 * form shows the kind's own parameters, and a range in the wrong unit is refused naming the parameter while
 * nothing is stored.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(BrowserSession.class)
class InstrumentRegistrationBrowserIT {

    private Browser browser; // opened and closed around each test by BrowserSession

    @Test
    void clerkRegistersAMultimeterWithItsRangesAndIsToldWhichValueIsWrong() {
        browser.openAs("clerk", "/instruments.xhtml");
        new Select(browser.find(By.id("reg-kind"))).selectByValue("DMM");
        WebElement ranges = browser.find(By.cssSelector("input.reg-parameter-dcv\\.ranges"));
        assertThat(browser.text(By.cssSelector(".typed-parameters"))).contains("直流电压量程").contains("显示位数");

        String serial = "DMM-B-" + UUID.randomUUID().toString().substring(0, 6);
        type(By.id("reg-description"), "数字多用表");
        type(By.id("reg-manufacturer"), "Keysight");
        type(By.id("reg-model"), "34465A");
        type(By.id("reg-serial"), serial);
        ranges.sendKeys("1 Ω");
        new Select(browser.find(By.cssSelector("select.reg-parameter-digits"))).selectByValue("6½");
        browser.find(By.id("save-instrument")).click();
        String refusal = browser.waitUntil(d -> {
            String text = d.findElement(By.id("messages")).getText();
            return text.contains("直流电压量程") ? text : null;
        });
        assertThat(refusal).contains("1 Ω");
        assertThat(browser.text(By.id("instruments"))).doesNotContain(serial);

        WebElement again = browser.find(By.cssSelector("input.reg-parameter-dcv\\.ranges"));
        again.clear();
        again.sendKeys("100 mV; 1 V; 10 V; 100 V; 1000 V");
        browser.find(By.id("save-instrument")).click();
        browser.waitUntil(d -> d.findElement(By.id("instruments")).getText().contains(serial) ? true : null);
        String row = browser.text(By.xpath("//table//tr[.//span[@class='serial' and text()='" + serial + "']]"));
        assertThat(row).contains("dcv.ranges: 100 mV; 1 V; 10 V; 100 V; 1000 V").contains("digits: 6½");
    }

    private void type(By by, String text) {
        WebElement field = browser.find(by);
        field.clear();
        field.sendKeys(text);
    }
}
