package org.claimbridge.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview in headless Chromium: its figures move with messages sent through the real intake; a scrub run started
 * after the page was opened shows up, with its progress, without a reload; a claims run that failed for real (its
 * outbox was not a folder) is restarted from its button once the cause is gone, and its claims go out.
 */
@IntegrationTest
@Import(FixedDay.class)
class OverviewPageIT {

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
    ClaimbridgeProperties properties;

    @Test
    void theFiguresCountWhatArrivedAndRunsShowAsTheyGo() {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        try (Browser browser = new Browser(port)) {
            browser.open("/").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.find("header nav a.active").getAttribute("id")).isEqualTo("nav-overview");
            long today = number(browser, "#messages-today");
            long hour = number(browser, "#messages-hour");
            long naks = number(browser, "#naks");
            long fresh = number(browser, "#encounters-new");

            PageMessages.send(port, PageMessages.dft("OVA" + tag, "OVM" + tag, "OVV" + tag, "Brandt^Lena"));
            PageMessages.send(port, PageMessages.dft("OVB" + tag, "", "OVW" + tag, "Brandt^Lena"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> jdbc.sql(
                    "SELECT status FROM hl7_message WHERE control_id = ?").param("OVA" + tag).query(String.class)
                    .single().equals("APPLIED"));
            browser.open("/");
            assertThat(number(browser, "#messages-today")).isEqualTo(today + 2);
            assertThat(number(browser, "#messages-hour")).isEqualTo(hour + 2);
            assertThat(number(browser, "#naks")).isEqualTo(naks + 1);
            assertThat(browser.text("#naks-by-code")).contains("AE");
            assertThat(number(browser, "#encounters-new")).isEqualTo(fresh + 1);
            assertThat(browser.has("#claims-by-status")).isTrue();
            assertThat(browser.text("#amounts")).contains("Billed").contains("Paid").contains("Denied");

            // a run started after the page was opened: the poller brings its row, the page is not reloaded
            WebElement page = browser.find("html");
            ScrubJobs.ScrubRunStatus run = scrub.runAndWait("overview test");
            assertThat(run.status()).isEqualTo("COMPLETED");
            WebElement row = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d
                    .findElements(By.cssSelector("#jobs tr.job[data-execution='" + run.executionId() + "']"))
                    .stream().findFirst().orElse(null));
            assertThat(page.isDisplayed()).as("the same page, not a reload").isTrue();
            assertThat(row.getText()).contains("scrub").contains("COMPLETED").contains("overview test");
            assertThat(run.total()).isNotNull().isGreaterThanOrEqualTo(1L);
            assertThat(run.read()).isEqualTo(run.total());
            assertThat(row.findElement(By.cssSelector(".progress")).getText())
                    .startsWith(run.read() + " of " + run.total() + " encounters read");
        }
    }

    @Test
    void aFailedClaimsRunIsRestartedFromItsButton() throws Exception {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("OVR1", "OVR7001", "Moreau^Anais", "19650505", "60054", "W888000111");
        feed.charges("OVR2", "OVR7001", "Moreau^Anais", "19650505", List.of(ClaimTestFeed.officeVisit("OVR7001", 1)));
        long encounter = feed.scrubbedReady("OVR7001");

        Path outbox = properties.outbox("837");
        Path aside = outbox.resolveSibling("837-aside");
        Files.createDirectories(outbox);
        Files.move(outbox, aside);
        ClaimJobs.ClaimRunStatus failed;
        try {
            // the outbox is a file, not a folder: the file step cannot write, and the run fails
            Files.writeString(outbox, "not a folder");
            failed = claimJobs.runAndWait("overview restart test");
        } finally {
            Files.deleteIfExists(outbox);
            Files.move(aside, outbox);
        }
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.restartable()).isTrue();
        assertThat(claims.ofEncounter(encounter)).extracting(Claims.ClaimSummary::status)
                .containsOnly(ClaimStatus.CREATED);

        try (Browser browser = new Browser(port)) {
            browser.open("/").signIn(ApiClient.USER, ApiClient.PASSWORD);
            String failedRow = "#jobs tr.job[data-execution='" + failed.executionId() + "']";
            assertThat(browser.text(failedRow)).contains("claims").contains("FAILED");
            browser.submit(failedRow + " .restart");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("#action-message")).contains("run " + failed.executionId()
                    + " is being restarted");
            // the restart is a new attempt of the same run; the failed one has no button any more
            // the poller redraws the rows, so an element read may be gone the next moment
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(
                    By.cssSelector(failedRow + " .restart")).isEmpty() && d.findElements(By.cssSelector(
                    "#jobs tr.job[data-job='claims']")).stream().anyMatch(r -> r.getText().contains("COMPLETED")
                    && Long.parseLong(r.getAttribute("data-execution")) > failed.executionId()));
        }
        assertThat(claims.ofEncounter(encounter)).extracting(Claims.ClaimSummary::status)
                .containsOnly(ClaimStatus.SUBMITTED);
    }

    private static long number(Browser browser, String css) {
        return Long.parseLong(browser.text(css).strip());
    }
}
