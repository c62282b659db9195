package org.jiliang.lims.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, with the LIMS's login form. */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("lims-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1400,1100", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Opens a page; if the LIMS asks for a login, logs in as the given user once and expects to land on the page.
     * No second attempt: a login that does not hold is a defect to find, not to hide.
     */
    void openAs(String username, String path) {
        openAs(username, LimsApi.DEMO_PASSWORD, path);
    }

    void openAs(String username, String password, String path) {
        driver.get(LimsApi.BASE_URL + path);
        if (!onLoginForm()) {
            return;
        }
        driver.findElement(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitUntil(d -> !d.findElements(By.id("current-user")).isEmpty() || !d.findElements(By.id("login-error")).isEmpty());
        if (!driver.findElements(By.id("login-error")).isEmpty()) {
            throw new AssertionError("Login refused for " + username + ": " + driver.findElement(By.id("login-error")).getText());
        }
    }

    private boolean onLoginForm() {
        return !driver.findElements(By.id("j_username")).isEmpty();
    }

    /** Logs out with the button in the page header (a POST), as a user does, and waits until that is done. */
    /**
     * Logs out and waits for the login page: the old document is marked before the click, and the wait is over
     * when a document without the mark, and without a logged-in user, has loaded. Asking an element of the old document whether it
     * is stale raced the navigation: ChromeDriver may answer "Node with given id does not belong to the
     * document" instead of "stale" while the old document is being torn down, so while the new page loads any
     * such answer only means "not yet".
     */
    void logout() {
        script("window.limsLeaving = true");
        find(By.id("logout")).click();
        patiently().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.limsLeaving === undefined && document.readyState === 'complete'"))
                        && d.findElements(By.id("current-user")).isEmpty());
    }

    WebElement find(By by) {
        return waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Clicks an element after scrolling it to the middle of the window: on the bench page the dock stays at the
     * top, and an element the driver takes for visible may lie under it.
     */
    void clickCentered(By by) {
        WebElement element = find(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Replaces what a field holds with {@code text}, as a user selecting it all and typing; the field is found again
     * after clearing it, since clearing may re-render it.
     */
    void type(By by, CharSequence text) {
        find(by).clear();
        find(by).sendKeys(text);
    }

    String text(By by) {
        return find(by).getText();
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return patiently().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /**
     * Up to 20 s, looking every 100 ms: Selenium's default of every 500 ms made each wait for an answer of the page
     * (a reading, a capture) a quarter of a second longer than the page took, some forty times per scale job.
     */
    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** Saves a screenshot for a human to look at when a test fails or to document a run. */
    void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.reportDir", "target/it-reports"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the profile lives in the temp directory; a leftover is harmless
        }
    }
}
