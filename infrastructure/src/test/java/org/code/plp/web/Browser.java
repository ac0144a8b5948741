package org.code.plp.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through /usr/bin/chromedriver. Both paths are given explicitly, so
 * Selenium Manager never runs and nothing is downloaded; without them the tests are skipped.
 * Chromium is told not to phone home (no background networking, component updates, sync, QUIC)
 * and gets a fresh profile each time ({@code profile}, deleted on close, as the {@code service} is stopped).
 */
record Browser(ChromeDriver driver, ChromeDriverService service, Path profile) implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PLP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Skips the calling test (a JUnit assumption, not a failure) when chromium or chromedriver is absent. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": browser tests skipped (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMEDRIVER + ": browser tests skipped (apt-get install chromium-driver)");
    }

    static Browser start() {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("plp-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--disable-default-apps", "--disable-extensions",
                    "--no-default-browser-check", "--metrics-recording-only", "--password-store=basic",
                    "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Forgets every cached answer (GET /pins is cacheable for 5 minutes): a page loaded earlier in the class would
     * otherwise draw the regions of then, while the test compares with the regions of now.
     */
    void clearCache() {
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement waitVisible(String css) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Runs {@code body} (a function body seeing {@code module} and {@code args}) on the page's own instance of the
     * ES module at {@code path}, resolved against the page as its imports are (e.g. "js/forms.js"), so the state it
     * holds is the page's; answers what the body returns (a promise is awaited). The pages keep no globals to reach
     * their modules by.
     */
    Object withModule(String path, String body, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = path;
        System.arraycopy(args, 0, all, 1, args.length);
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var args = Array.prototype.slice.call(arguments, 1, arguments.length - 1);
                import(new URL(arguments[0], document.baseURI).href).then(function (module) {
                """ + body + """

                }).then(done, function (error) { done({ moduleError: String(error) }); });""", all);
        if (answer instanceof java.util.Map<?, ?> map && map.containsKey("moduleError")) {
            throw new AssertionError(path + ": " + map.get("moduleError"));
        }
        return answer;
    }

    /**
     * A test clock for the pages: from the next page load on, {@code Date} (and {@code Date.now()}) in every
     * page runs ahead of the real clock by what {@link #advanceClock} added since that page loaded. Timers keep
     * real time, so a page's one-second tick sees the jump at its next tick. Injected through DevTools, before
     * the page's own scripts and outside its CSP.
     */
    void installClock() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                (() => {
                  const RealDate = Date;
                  let offset = 0;
                  function TestDate(...args) {
                    if (!new.target) { return new RealDate(RealDate.now() + offset).toString(); }
                    return args.length ? new RealDate(...args) : new RealDate(RealDate.now() + offset);
                  }
                  TestDate.prototype = RealDate.prototype;
                  TestDate.now = () => RealDate.now() + offset;
                  TestDate.parse = RealDate.parse;
                  TestDate.UTC = RealDate.UTC;
                  window.Date = TestDate;
                  window.plpTestClock = { advance: ms => { offset += ms; } };
                })();
                """));
    }

    /** Moves the page's clock (see {@link #installClock}) ahead. */
    void advanceClock(Duration by) {
        js("window.plpTestClock.advance(arguments[0])", by.toMillis());
    }

    /** Saves a PNG of the viewport under target/screenshots/ and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot: the window is grown to the document's height for the shot. */
    Path fullScreenshot(String name) {
        Object height = js("return Math.min(6000, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, ((Number) height).intValue() + 120));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    /** Console errors of the page (script errors, failed loads, CSP violations) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}
