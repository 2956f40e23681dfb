package org.kleline.ledger.cli.analyst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The settlement dashboard in a headless Chromium, driven as a person uses it, through Selenium and the
 * system's {@code chromedriver} (Debian's {@code chromium} and {@code chromium-driver}; another pair with
 * {@code -Dledger.chromium=PATH -Dledger.chromedriver=PATH}). Where none is installed, the test using
 * it is skipped, saying so; nothing is downloaded.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;

    private DashboardBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    static DashboardBrowser startOrSkip() {
        Optional<Path> chromium = found("ledger.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> chromedriver = found("ledger.chromedriver", "/usr/bin/chromedriver");
        Assumptions.assumeTrue(
                chromium.isPresent() && chromedriver.isPresent(),
                "No Chromium here (looked for /usr/bin/chromium and /usr/bin/chromedriver, or -Dledger.chromium and "
                        + "-Dledger.chromedriver): the dashboard's browser test is skipped. Install Debian's chromium "
                        + "and chromium-driver (apt-get install chromium chromium-driver) to run it.");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        return new DashboardBrowser(new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until the page has read and drawn the summary; fails with the page's own message if it could not. */
    void awaitReady() {
        awaitReady(By.tagName("body"), "the dashboard", By.id("status"));
    }

    /** The cells of a table's rows, by the field each column shows. */
    List<Map<String, String>> rows(String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                cells.put(td.getAttribute("data-field"), td.getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    Map<String, String> firstRow(String table) {
        List<Map<String, String>> rows = rows(table);
        if (rows.isEmpty()) {
            throw new AssertionError("table #" + table + " shows no row");
        }
        return rows.get(0);
    }

    int rowCount(String table) {
        return driver.findElements(By.cssSelector("#" + table + " tbody tr")).size();
    }

    /** Whether uPlot drew the chart (a canvas in #chart). */
    boolean chartDrawn() {
        return !driver.findElements(By.cssSelector("#chart canvas")).isEmpty();
    }

    /** Clicks a column's header: the first click ranks figures from the biggest. */
    void sortBy(String table, String field) {
        driver.findElement(By.cssSelector("#" + table + " thead th[data-field='" + field + "']"))
                .click();
    }

    /** Clicks a merchant's link and waits for its panel. */
    void openMerchant(String merchantId) {
        driver.findElement(By.cssSelector("#merchants a[data-merchant='" + merchantId + "']"))
                .click();
        awaitReady(By.id("merchant"), "the merchant panel", By.id("merchant-profile"));
    }

    void screenshot(Path file) throws IOException {
        driver.manage().window().setSize(new Dimension(1400, 1800));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> found(String property, String... defaults) {
        String given = System.getProperty(property);
        Stream<String> candidates = given != null ? Stream.of(given) : Stream.of(defaults);
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Waits until {@code part}'s {@code data-state} is {@code ready}; fails with the text of {@code message} if it is
     * {@code error}.
     */
    private void awaitReady(By part, String name, By message) {
        new WebDriverWait(driver, WAIT).until(d -> {
            String state = d.findElement(part).getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError(
                        name + " failed: " + d.findElement(message).getText());
            }
            return "ready".equals(state);
        });
    }
}
