package org.claimbridge.web;

import java.nio.charset.StandardCharsets;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims pages in headless Chromium, against the real database: a claim built from a real feed, found in the list
 * by its status and CLM01, and opened: its timeline, its 837 segments, the lineage of its subscriber id.
 */
@IntegrationTest
@Import(FixedDay.class)
class ClaimPagesIT {

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
    void aSignedInUserFindsASubmittedClaimByItsStatusAndOpensIt() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("CPA1", "CPV7001", "Lindqvist^Mara", "19610303", "60054", "W777000111");
        feed.charges("CPA2", "CPV7001", "Lindqvist^Mara", "19610303",
                List.of(ClaimTestFeed.officeVisit("CPV7001", 1)));
        feed.register("CPB1", "CPV7002", "Osei^Kwame", "19580404", "60054", "W777000222");
        feed.charges("CPB2", "CPV7002", "Osei^Kwame", "19580404",
                List.of(ClaimTestFeed.officeVisit("CPV7002", 1)));
        long encounter = feed.scrubbedReady("CPV7001");
        long otherEncounter = feed.scrubbedReady("CPV7002");
        feed.runClaims();
        Claims.ClaimSummary claim = claims.ofEncounter(encounter).get(0);
        assertThat(claim.status()).isEqualTo(ClaimStatus.SUBMITTED);
        String pcn = claim.patientControlNumber();
        // the other claim is rejected by the receiver's 999, so that a status filter has something to leave out
        Claims.ClaimSummary other = claims.ofEncounter(otherEncounter).get(0);
        String isa = String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String ack = String.join("~",
                "ISA*00*          *00*          *ZZ*030240928      *ZZ*CLAIMBRIDGE    *261126*0900*^*00501*" + isa
                        + "*0*T*:",
                "GS*FA*030240928*CLAIMBRIDGE*20261126*0900*931*X*005010X231A1",
                "ST*999*0001*005010X231A1",
                "AK1*HC*" + other.gsControl() + "*005010X222A1",
                "AK2*837*" + other.stControl() + "*005010X222A1",
                "IK5*R*5",
                "AK9*R*1*1*0",
                "SE*6*0001",
                "GE*1*931",
                "IEA*1*" + isa) + "~";
        X12Receipts.Receipt receipt = receipts.receive(ack.getBytes(StandardCharsets.US_ASCII),
                X12Receipts.Channel.API, "999-claim-pages.x12", "test");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo("APPLIED");
        assertThat(claims.find(other.id()).orElseThrow().status()).isEqualTo(ClaimStatus.REJECTED);
        String otherPcn = other.patientControlNumber();

        try (Browser browser = new Browser(port)) {
            browser.open("/claims").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/claims");
            assertThat(browser.find("header nav a.active").getText()).isEqualTo("Claims");

            // by its status: every row shown is SUBMITTED, and the claim is among them
            new Select(browser.find("#status")).selectByValue("SUBMITTED");
            browser.submit("#filter");
            List<List<String>> rows = rows(browser);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(1)).isEqualTo("SUBMITTED"));
            assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(pcn))
                    .noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(otherPcn));

            // another status leaves it out and shows the rejected one
            new Select(browser.find("#status")).selectByValue("REJECTED");
            browser.submit("#filter");
            rows = rows(browser);
            assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(otherPcn))
                    .noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(pcn))
                    .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("REJECTED"));

            // by its status and CLM01 text: the one claim, with its payer, total, frequency and file
            new Select(browser.find("#status")).selectByValue("SUBMITTED");
            browser.find("#pcn").sendKeys(pcn);
            browser.submit("#filter");
            rows = rows(browser);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(0)).isEqualTo(pcn);
            assertThat(rows.get(0).get(2)).contains("60054");
            assertThat(rows.get(0).get(3)).isEqualTo("120.00");
            assertThat(rows.get(0).get(4)).isEqualTo("1");
            assertThat(rows.get(0).get(6)).isEqualTo(claim.fileName());

            // the claim page
            WebElement list = browser.find("html");
            browser.driver().findElement(By.linkText(pcn)).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(list));
            assertThat(browser.path()).isEqualTo("/claims/" + claim.id());
            assertThat(browser.text("#clm01")).isEqualTo(pcn);
            assertThat(browser.text("#claim-status")).isEqualTo("SUBMITTED");
            assertThat(browser.text("#subscriber")).isEqualTo("W777000111");
            assertThat(browser.text("#total")).isEqualTo("120.00");

            List<String> timeline = browser.driver().findElements(By.cssSelector("#timeline tbody tr td:nth-child(2)"))
                    .stream().map(WebElement::getText).toList();
            assertThat(timeline).containsSubsequence("CREATED", "SUBMITTED");

            String segments = browser.text("#segments");
            assertThat(segments).startsWith("ST*837*" + claim.stControl()).contains("CLM*" + pcn)
                    .contains("W777000111");
            assertThat(segments.strip()).endsWith("~").contains("\nSE*");

            assertThat(browser.text("#no-payments")).contains("No 835");
            assertThat(browser.text("#no-denials")).contains("No denial");

            List<WebElement> subscriber = browser.driver().findElements(By.cssSelector("#lineage tbody tr")).stream()
                    .filter(tr -> tr.findElement(By.tagName("td")).getText().equals("2010BA NM109 subscriber id"))
                    .toList();
            assertThat(subscriber).hasSize(1);
            List<WebElement> cells = subscriber.get(0).findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo("W777000111");
            assertThat(cells.get(2).getText()).contains("IN1(1)-36").startsWith("message ");
            String link = cells.get(2).findElement(By.tagName("a")).getAttribute("href");
            assertThat(link).matches(".*/messages/\\d+").doesNotContain("/api/");

            // the rejected one: its status with the reason
            browser.open("/claims/" + other.id());
            assertThat(browser.text("#claim-status")).isEqualTo("REJECTED");
            assertThat(browser.has("#status-reason")).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#timeline tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList()).containsSubsequence("CREATED", "SUBMITTED", "REJECTED");

            // an unknown claim
            browser.open("/claims/999999999");
            assertThat(browser.text("#not-found")).isEqualTo("There is no claim 999999999.");
            browser.open("/claims/not-a-number");
            assertThat(browser.text("#not-found")).contains("There is no claim");
        }
    }

    private static List<List<String>> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#claims tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }
}
