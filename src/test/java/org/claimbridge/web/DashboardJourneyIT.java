package org.claimbridge.web;

import java.time.Duration;
import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.remit.X12Receipts;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's acceptance journey in headless Chromium, on the real pipeline: a coder fixes a flagged encounter
 * until it is READY; it is billed, and the payer's 835 denies it; a manager opens the denial report, drills down to
 * the claim and from its lineage to the HL7 message that supplied the value. Screenshots of each page are saved
 * under target/screenshots (README shows copies of them).
 */
@IntegrationTest
@Import(FixedDay.class)
class DashboardJourneyIT {

    private static final String CODER = "hashed";
    private static final String CODER_PASSWORD = "hashed-secret";
    private static final String MANAGER = "manager";
    private static final String MANAGER_PASSWORD = "manager-secret";

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

    @Test
    void aCoderFixesAFlaggedEncounterUntilReady_thenAManagerTracesItsDenialToTheSourceMessage() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        String run = String.format("%06d", System.nanoTime() % 1_000_000L);
        String visit = "JV" + run;
        // a payer only this test bills, so that its line of the report is this claim alone
        String payer = "9" + run.substring(2);
        String member = "W9" + run;
        feed.register("JA" + run, visit, "Rasmussen^Lena", "19630505", payer, member);
        // place of service 1 is no POS code: the scrub flags the line as an error
        feed.charges("JB" + run, visit, "Rasmussen^Lena", "19630505",
                List.of(ClaimTestFeed.officeVisit(visit, 1).replace("|||||11|||", "|||||1|||")));
        assertThat(scrub.runAndWait("journey test").status()).isEqualTo("COMPLETED");
        long encounter = jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class)
                .single();
        assertThat(scrubResults.state(encounter).orElseThrow().state().name()).isEqualTo("FLAGGED");
        assertThat(scrubResults.state(encounter).orElseThrow().openErrors()).isPositive();

        try (Browser browser = new Browser(port)) {
            // the coder: the queue, filtered to the payer, then the encounter
            browser.open("/queue").signIn(CODER, CODER_PASSWORD);
            assertThat(browser.path()).isEqualTo("/queue");
            assertThat(browser.has("#nav-denials")).as("a coder has no reports in the navigation").isFalse();
            assertThat(browser.has("#nav-admin")).isFalse();
            browser.find("#payer").sendKeys(payer);
            browser.submit("#filter");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#queue tr.encounter-row"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getAttribute("data-encounter")).isEqualTo(String.valueOf(encounter));
            browser.screenshot("coder-queue");
            WebElement queue = browser.find("html");
            rows.get(0).findElement(By.cssSelector("a.encounter-link")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(queue));
            assertThat(browser.path()).isEqualTo("/queue/" + encounter);
            assertThat(browser.text("#encounter-state")).isEqualTo("FLAGGED");
            assertThat(browser.text("#findings")).contains("place of service");
            browser.screenshot("encounter-flagged");

            // the fix: place of service 11, checked as typed, saved with a reason, scrubbed again at once
            WebElement pos = browser.find("#charge-1-pos");
            pos.clear();
            pos.sendKeys("11");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> "valid".equals(d.findElement(By.id("charge-1-pos")).getAttribute("data-check-state")));
            browser.find("#edit-reason").sendKeys("Office visit: POS 11 per the schedule");
            browser.submit("#save-lines");
            assertThat(browser.path()).isEqualTo("/queue/" + encounter);
            assertThat(browser.text("#encounter-state")).isEqualTo("READY");
            browser.screenshot("encounter-ready");
            assertThat(scrubResults.state(encounter).orElseThrow().state().name()).isEqualTo("READY");
            browser.submit("#logout");
        }

        // billed, then denied by the payer: CO-16 on the whole claim
        feed.runClaims();
        Claims.ClaimSummary claim = claims.ofEncounter(encounter).get(0);
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        deny(claim, payer, run);
        assertThat(claims.find(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.DENIED);

        try (Browser browser = new Browser(port)) {
            // the manager: the denial report by payer, the payer's line, its claims, the claim
            browser.open("/reports/denials").signIn(MANAGER, MANAGER_PASSWORD);
            assertThat(browser.path()).isEqualTo("/reports/denials");
            new Select(browser.find("#by")).selectByValue("payer");
            browser.submit("#show");
            WebElement line = browser.find("#denial-groups tr[data-value='" + payer + "']");
            assertThat(line.findElement(By.cssSelector(".adjudicated")).getText()).isEqualTo("1");
            assertThat(line.findElement(By.cssSelector(".denied")).getText()).isEqualTo("1");
            assertThat(line.findElement(By.cssSelector(".rate")).getText()).isEqualTo("100.0%");
            assertThat(line.findElement(By.cssSelector(".denied-amount")).getText()).isEqualTo("120.00");
            assertThat(browser.text("#top-carcs")).contains("16");
            browser.screenshot("denial-report");

            WebElement report = browser.find("html");
            line.findElement(By.cssSelector("a.drill-down")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(report));
            assertThat(browser.path()).isEqualTo("/reports/denials/claims");
            List<WebElement> denied = browser.driver().findElements(By.cssSelector("#denied-claims tbody tr"));
            assertThat(denied).hasSize(1);
            assertThat(denied.get(0).findElement(By.cssSelector(".reasons")).getText()).contains("CO-16");
            WebElement drill = browser.find("html");
            denied.get(0).findElement(By.cssSelector("a.claim-link")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(drill));
            assertThat(browser.path()).isEqualTo("/claims/" + claim.id());
            assertThat(browser.text("#claim-status")).isEqualTo("DENIED");
            assertThat(browser.text("#clm01")).isEqualTo(claim.patientControlNumber());
            browser.screenshot("claim-denied");

            // from the lineage of the billed subscriber id to the HL7 message that supplied it
            WebElement subscriber = browser.driver().findElements(By.cssSelector("#lineage tbody tr")).stream()
                    .filter(tr -> tr.findElement(By.tagName("td")).getText().equals("2010BA NM109 subscriber id"))
                    .findFirst().orElseThrow();
            WebElement source = subscriber.findElement(By.cssSelector("a.source"));
            assertThat(source.getText()).contains("IN1(1)-36");
            WebElement claimPage = browser.find("html");
            source.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(claimPage));
            assertThat(browser.path()).matches("/messages/\\d+");
            long messageId = Long.parseLong(browser.path().substring("/messages/".length()));
            assertThat(jdbc.sql("SELECT control_id FROM hl7_message WHERE id = ?").param(messageId)
                    .query(String.class).single()).isEqualTo("JA" + run);
            assertThat(browser.text("#segments")).contains("IN1").contains(member);
            browser.screenshot("source-message");
        }
    }

    /** The payer's 835 denies the whole claim: CO-16, nothing paid. */
    private void deny(Claims.ClaimSummary claim, String payer, String run) {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        new DeniedClaimsFixture(feed, claims, receipts, "DJ").receive("1", payer, "0", List.of(
                "CLP*" + claim.patientControlNumber() + "*4*120*0*0*12*PJ" + run,
                "CAS*CO*16*120",
                "NM1*QC*1*RASMUSSEN*LENA****MI*W9" + run));
    }
}
