package io.bacalao.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (both installed by prepare-host.sh; nothing is
 * downloaded), with a fresh profile, for the Web UI's tests (docs/webui.md).
 */
public final class Browser implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);
    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser open() throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("webui-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** The text of the first element matching {@code css}; "" when there is none (or it was just redrawn). */
    public String text(String css) {
        try {
            var found = driver.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    /** Waits (polling every 50 ms) until the condition holds; fails naming {@code what}. */
    public void await(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).withMessage(what).until(d -> condition.getAsBoolean());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
