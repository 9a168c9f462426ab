package org.claimbridge.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium against the running test server: Debian's {@code chromium} and {@code chromium-driver} packages
 * (.ci/run installs them), a fresh profile each time, and the flags that keep it from reaching for the network.
 * Use with try-with-resources, one per test.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final int port;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    public Browser(int port) {
        // a machine without the browser skips the page tests, loudly; .ci/run installs it, so CI always runs them
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java.nio.file.Path.of(CHROMIUM))
                        && Files.isExecutable(java.nio.file.Path.of(CHROMEDRIVER)),
                "page tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        this.port = port;
        try {
            this.profile = Files.createTempDirectory("claimbridge-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,1000",
                "--user-data-dir=" + profile);
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        this.driver = started;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the test server, e.g. {@code /responses/upload}. */
    public Browser open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
        return this;
    }

    /** The path of the page the browser shows now, without the query. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Signs in on the login page the browser was sent to (or opens it first). */
    public Browser signIn(String user, String password) {
        if (!path().equals("/login")) {
            open("/login");
        }
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        return submit("#sign-in");
    }

    /**
     * Clicks a button that sends a form and waits until the next page has replaced this one: a click returns before
     * the browser has navigated, and a form that answers with the same address would otherwise be read too early.
     */
    public Browser submit(String css) {
        WebElement page = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> replaced(page));
        return this;
    }

    /**
     * Whether the element's page has gone. Mid-navigation Chromium may answer "node does not belong to the document"
     * rather than "stale element": both mean the page was replaced.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file; README shows the
     * copies of these in {@code src/site/screenshots/}.
     */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the machine cleans it up in the end
        }
    }
}
