package org.claimbridge.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.codes.Code;
import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.remit.X12Receipts;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The denial report in headless Chromium, on claims billed and answered through the real pipeline
 * ({@link DeniedClaimsFixture}): a manager reads it by payer, sees the trend drawn by Chart.js and the top CARCs with
 * their descriptions, changes the dimension and the range, drills down to the denied claims of a payer and opens one.
 */
@IntegrationTest
@Import(FixedDay.class)
class DenialReportPageIT {

    @LocalServerPort
    int port;

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScrubJobs scrub;

    @Autowired
    ScrubResults scrubResults;

    @Autowired
    ClaimJobs claimJobs;

    @Autowired
    Claims claims;

    @Autowired
    X12Receipts receipts;

    @Autowired
    CodeSets codes;

    @Test
    void aManagerReadsDenialsByPayerChangesDimensionAndRangeAndDrillsDownToADeniedClaim() throws IOException {
        DeniedClaimsFixture data = new DeniedClaimsFixture(new ClaimTestFeed(intake, jdbc, scrub, scrubResults,
                claimJobs), claims, receipts, "DRP").build();

        try (Browser browser = new Browser(port)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
            browser.open("/reports/denials").signIn("manager", "manager-secret");
            assertThat(browser.path()).isEqualTo("/reports/denials");
            assertThat(browser.find("header nav a.active").getText()).isEqualTo("Denials");

            // by payer over the current month and the eleven before it, up to the (fixed) day of the test
            assertThat(new Select(browser.find("#by")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("payer");
            assertThat(browser.find("#from").getAttribute("value")).isEqualTo("2025-12-01");
            assertThat(browser.find("#to").getAttribute("value")).isEqualTo("2026-11-25");
            for (String payer : List.of(data.payerA, data.payerB)) {
                List<DeniedClaimsFixture.Outcome> expected = data.of(payer);
                Map<String, String> row = row(browser, payer);
                long denied = expected.stream().filter(DeniedClaimsFixture.Outcome::isDenied).count();
                assertThat(row.get("adjudicated")).isEqualTo(String.valueOf(expected.size()));
                assertThat(row.get("denied")).isEqualTo(String.valueOf(denied));
                assertThat(row.get("rate")).isEqualTo(percent(denied, expected.size()));
                assertThat(row.get("billed")).isEqualTo(money(expected.stream()
                        .map(DeniedClaimsFixture.Outcome::billed).reduce(BigDecimal.ZERO, BigDecimal::add)));
                assertThat(row.get("denied-amount")).isEqualTo(money(expected.stream()
                        .map(DeniedClaimsFixture.Outcome::denied).reduce(BigDecimal.ZERO, BigDecimal::add)));
                assertThat(row.get("label")).contains(payer);
            }

            // the trend: Chart.js loaded from its WebJar and drawn on the canvas, a point per month of the range
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            assertThat(js.executeScript("return typeof window.Chart")).isEqualTo("function");
            @SuppressWarnings("unchecked")
            Map<String, Object> chart = (Map<String, Object>) js.executeScript("""
                    const chart = Chart.getChart('denial-trend');
                    return chart && {labels: chart.data.labels, rate: chart.data.datasets[0].data,
                        amount: chart.data.datasets[1].data, width: chart.width};""");
            assertThat(chart).isNotNull();
            List<Object> labels = List.copyOf((List<?>) chart.get("labels"));
            assertThat(labels).hasSize(12).startsWith("2025-12").endsWith("2026-11");
            assertThat(((Number) chart.get("width")).intValue()).isPositive();
            List<?> amounts = (List<?>) chart.get("amount");
            assertThat(((Number) amounts.get(11)).doubleValue()).isGreaterThanOrEqualTo(data.outcomes.stream()
                    .map(DeniedClaimsFixture.Outcome::denied).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
            assertThat(js.executeScript("""
                    const canvas = document.getElementById('denial-trend');
                    const blank = document.createElement('canvas');
                    blank.width = canvas.width; blank.height = canvas.height;
                    return canvas.toDataURL() !== blank.toDataURL();""")).isEqualTo(true);

            // the top CARCs with their descriptions from the CARC code set
            for (String carc : List.of("31", "50", "16")) {
                WebElement top = browser.find("#top-carcs tr[data-carc='" + carc + "']");
                assertThat(top.findElement(By.cssSelector(".carc-description")).getText())
                        .isEqualTo(codes.latest(CodeSet.CARC, carc).map(Code::description).orElseThrow());
            }
            assertThat(browser.find("#top-carcs tr[data-carc='50'] .category-tag").getText())
                    .isEqualTo("medical-necessity");
            screenshot(browser, "denial-report");

            // another dimension: by CARC, the rate's base is every claim adjudicated in the range
            new Select(browser.find("#by")).selectByValue("carc");
            browser.submit("#show");
            assertThat(browser.text("#groups-title")).isEqualTo("Adjustment reason (CARC)");
            Map<String, String> co50 = row(browser, "50");
            assertThat(co50.get("adjudicated")).isEqualTo(browser.text("#total-adjudicated"));
            assertThat(co50.get("label")).contains(codes.latest(CodeSet.CARC, "50").orElseThrow().description());
            new Select(browser.find("#by")).selectByValue("category");
            browser.submit("#show");
            assertThat(row(browser, "registration-eligibility")).isNotEmpty();
            new Select(browser.find("#by")).selectByValue("practice");
            browser.submit("#show");
            assertThat(browser.driver().findElements(By.cssSelector("#denial-groups tbody tr")).stream()
                    .map(tr -> tr.findElement(By.cssSelector(".drill-down")).getText()))
                    .contains("Maple Family Practice");

            // another range: the days after the 835s were applied have none of them
            js.executeScript("document.getElementById('from').value = '2026-11-26';"
                    + "document.getElementById('to').value = '2026-12-31';");
            new Select(browser.find("#by")).selectByValue("payer");
            browser.submit("#show");
            assertThat(browser.has("#denial-groups")).isFalse();
            assertThat(browser.text("#no-groups")).contains("No claim was adjudicated");
            assertThat(browser.text("#total-adjudicated")).isEqualTo("0");
            assertThat(browser.find("#csv").getAttribute("href")).contains("from=2026-11-26").contains("to=2026-12-31");

            // a bad date is named, not a server error
            browser.open("/reports/denials?from=2026-13-01&to=2026-11-25");
            assertThat(browser.text("#errors")).contains("from: '2026-13-01' is not a date (yyyy-mm-dd)");
            assertThat(browser.has("#denial-groups")).isFalse();

            // drill down from payer A's line to its denied claims, the most money denied first
            browser.open("/reports/denials");
            WebElement page = browser.find("html");
            browser.find("#denial-groups tr[data-value='" + data.payerA + "'] .drill-down").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            assertThat(browser.path()).isEqualTo("/reports/denials/claims");
            List<DeniedClaimsFixture.Outcome> denied = data.of(data.payerA).stream()
                    .filter(DeniedClaimsFixture.Outcome::isDenied)
                    .sorted((a, b) -> b.denied().compareTo(a.denied())).toList();
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#denied-claims tbody tr"));
            assertThat(rows).hasSize(denied.size());
            for (int i = 0; i < denied.size(); i++) {
                assertThat(rows.get(i).findElement(By.cssSelector(".claim-link")).getText())
                        .isEqualTo(denied.get(i).pcn());
                assertThat(rows.get(i).findElement(By.cssSelector(".denied-amount")).getText())
                        .isEqualTo(money(denied.get(i).denied()));
                assertThat(rows.get(i).findElement(By.cssSelector(".reasons")).getText())
                        .isEqualTo(denied.get(i).reason());
            }
            assertThat(browser.text("#group-denied")).isEqualTo(String.valueOf(denied.size()));
            screenshot(browser, "denial-drill-down");

            // and on to the claim page, with its denial and the lineage that leads to the source messages
            DeniedClaimsFixture.Outcome first = denied.get(0);
            page = browser.find("html");
            browser.find("#denied-claims tr[data-claim='" + first.claimId() + "'] .claim-link").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            assertThat(browser.path()).isEqualTo("/claims/" + first.claimId());
            assertThat(browser.text("#clm01")).isEqualTo(first.pcn());
            assertThat(browser.text("#claim-status")).isEqualTo("DENIED");
            assertThat(browser.driver().findElements(By.cssSelector("#lineage a")).stream()
                    .map(a -> a.getAttribute("href"))).anySatisfy(href -> assertThat(href)
                    .matches(".*:\\d+/messages/\\d+"));
        }
    }

    /** The report line of one value, by the class of each cell. */
    private static Map<String, String> row(Browser browser, String value) {
        WebElement tr = browser.find("#denial-groups tr[data-value='" + value + "']");
        return Map.of("label", tr.findElement(By.cssSelector(".drill-down")).getText(),
                "adjudicated", tr.findElement(By.cssSelector(".adjudicated")).getText(),
                "denied", tr.findElement(By.cssSelector(".denied")).getText(),
                "rate", tr.findElement(By.cssSelector(".rate")).getText(),
                "billed", tr.findElement(By.cssSelector(".billed")).getText(),
                "denied-amount", tr.findElement(By.cssSelector(".denied-amount")).getText());
    }

    private static String percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    private static void screenshot(Browser browser, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
