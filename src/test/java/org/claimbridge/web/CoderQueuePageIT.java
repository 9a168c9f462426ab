package org.claimbridge.web;

import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coders' queue and encounter page in headless Chromium, against the real database, with encounters flagged
 * through real intake and scrub: one with a charge dated before the admission (a warning), one with a bad place of
 * service (an error).
 */
@IntegrationTest
@Import(FixedDay.class)
class CoderQueuePageIT {

    private static final String OUTSIDE = "CON-SERVICE-DATE-OUTSIDE-ENCOUNTER";

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

    @Test
    void aCoderFindsAFlaggedEncounterOverridesItsWarningWithAReasonAndScrubsItAgain() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        // visit numbers and control ids of this run's own, so that earlier runs in the same database do not match
        String run = String.format("%07d", System.nanoTime() % 10_000_000L);
        String early = "QV" + run + "1";
        String badPos = "QV" + run + "2";
        // admitted on 2026-11-20, discharged the same day (PV1-44, PV1-45); the charge is dated the day before
        feed.feed(ClaimTestFeed.hl7("MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261120090000||ADT^A04^ADT_A01|QA"
                        + run + "|P|2.5.1",
                "EVN|A04|20261120090000",
                "PID|1||" + early.replace("V", "M") + "^^^FAMPRAC^MR||Quill^Ada||19600101|M|||77 Birch Rd^^Springfield"
                        + "^IL^62704^USA||^PRN^PH^^^217^5550190",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||" + ClaimTestFeed.OKAFOR + "|||FM||||||||O|" + early
                        + "^^^FAMPRAC^VN|MC" + "|".repeat(24) + "20261120090000|20261120170000",
                "IN1|1|PLAN^Plan|60054^^^PAYER^NIIP|Payer 60054|PO Box 1^^Indianapolis^IN^46206"
                        + "|||||||20170401|||MC|Quill^Ada|SEL^Self^HL70063|19600101"
                        + "|77 Birch Rd^^Springfield^IL^62704|||1||||||||||||||W777" + run + "|||||||M"), "QA" + run);
        feed.charges("QB" + run, early, "Quill^Ada", "19600101", List.of(ClaimTestFeed.officeVisit(early, 1)
                .replace("|20261120|20261120|", "|20261119|20261119|").replace("|120.00|", "|180.00|")));
        feed.register("QC" + run, badPos, "Quarry^Ben", "19610202", "60054", "W778" + run);
        feed.charges("QD" + run, badPos, "Quarry^Ben", "19610202",
                List.of(ClaimTestFeed.officeVisit(badPos, 1).replace("|||||11|||", "|||||1|||")));
        assertThat(scrub.runAndWait("queue page test").status()).isEqualTo("COMPLETED");
        long earlyId = encounter(early);
        long badPosId = encounter(badPos);
        assertThat(scrubResults.state(earlyId).orElseThrow().state().name())
                .as(scrubResults.findings(earlyId, false).toString()).isEqualTo("FLAGGED");
        assertThat(scrubResults.state(earlyId).orElseThrow().openErrors())
                .as(scrubResults.findings(earlyId, false).toString()).isZero();
        assertThat(scrubResults.state(badPosId).orElseThrow().openErrors()).isPositive();

        try (Browser browser = new Browser(port)) {
            browser.open("/queue").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/queue");
            assertThat(browser.find("nav a.active").getText()).isEqualTo("Coder queue");

            // both flagged encounters, the larger charge total before the smaller
            List<Long> order = queueOrder(browser);
            assertThat(order).contains(earlyId, badPosId);
            assertThat(order.indexOf(earlyId)).isLessThan(order.indexOf(badPosId));
            List<String> row = cells(browser, earlyId);
            assertThat(row.get(1)).isEqualTo(early);
            assertThat(row.get(2)).isEqualTo("Quill, Ada");
            assertThat(row.subList(3, 5)).containsExactly("0", String.valueOf(
                    scrubResults.state(earlyId).orElseThrow().openWarnings()));
            assertThat(row.get(5)).contains(OUTSIDE);
            assertThat(row.get(6)).isEqualTo("180.00");
            assertThat(row.get(7)).isEqualTo("6");
            assertThat(cells(browser, badPosId).get(3)).isNotEqualTo("0");

            // filtered by rule: the duplicate only; by practice: both
            browser.open("/queue?rule=" + OUTSIDE);
            assertThat(queueOrder(browser)).contains(earlyId).doesNotContain(badPosId);
            long practice = jdbc.sql("SELECT practice_id FROM encounter WHERE id = ?").param(earlyId)
                    .query(Long.class).single();
            browser.open("/queue?practice=" + practice);
            assertThat(queueOrder(browser)).contains(earlyId, badPosId);
            browser.open("/queue?practice=" + (practice + 100_000));
            assertThat(browser.has("#queue-empty")).isTrue();

            // the encounter page: the warning with its fix hint
            browser.open("/queue");
            row(browser, earlyId).findElement(By.cssSelector("a.visit")).click();
            assertThat(browser.path()).isEqualTo("/queue/" + earlyId);
            assertThat(browser.text("#visit")).isEqualTo(early);
            assertThat(browser.text("#state")).isEqualTo("FLAGGED");
            assertThat(browser.text("#patient-name")).isEqualTo("Quill, Ada");
            assertThat(browser.text("#coverage")).contains("W777" + run);
            assertThat(browser.text("#attending")).contains("1049283710");
            assertThat(browser.text("#diagnoses")).contains("I10");
            assertThat(browser.text("#charges")).contains(early + "-1", "2026-11-19", "99213", "180.00");
            List<ScrubResults.ScrubFinding> warnings = scrubResults.findings(earlyId, false);
            assertThat(warnings).isNotEmpty().allSatisfy(f -> assertThat(f.ruleId()).isEqualTo(OUTSIDE));
            long first = warnings.get(0).id();
            assertThat(browser.text("#finding-" + first + " .finding-message")).isEqualTo(warnings.get(0).message());
            assertThat(browser.text("#finding-" + first + " .fix")).contains("post it on the visit it belongs to");

            // no reason: a message, nothing changed
            browser.submit("#override-" + first);
            assertThat(browser.path()).isEqualTo("/queue/" + earlyId);
            assertThat(browser.text("#action-error")).contains("a reason is required");
            assertThat(browser.has("#action-message")).isFalse();
            assertThat(status(first)).isEqualTo("OPEN");
            assertThat(browser.text("#state")).isEqualTo("FLAGGED");

            // with a reason, each open warning: overridden, and READY once none holds the encounter
            for (ScrubResults.ScrubFinding warning : warnings) {
                browser.find("#reason-" + warning.id()).sendKeys("seen the evening before admission, payer agreed by phone");
                browser.submit("#override-" + warning.id());
                assertThat(browser.text("#action-message")).contains("Finding " + warning.id() + " overridden");
                assertThat(status(warning.id())).isEqualTo("OVERRIDDEN");
            }
            assertThat(browser.text("#action-message")).contains("READY");
            assertThat(browser.text("#state")).isEqualTo("READY");
            assertThat(browser.text("#finding-" + first)).contains("OVERRIDDEN")
                    .contains("seen the evening before admission, payer agreed by phone");
            assertThat(browser.has("#override-" + first)).isFalse();

            // scrub now: recorded, and the overridden warning does not flag it again
            browser.submit("#scrub-now");
            assertThat(browser.text("#action-message")).contains("Scrubbed with rule set").contains("READY");
            assertThat(browser.text("#state")).isEqualTo("READY");
            assertThat(scrubResults.actions(earlyId)).extracting(ScrubResults.ScrubAction::action)
                    .endsWith("SCRUB_NOW").contains("OVERRIDE");

            // no longer in the queue
            browser.open("/queue");
            assertThat(queueOrder(browser)).doesNotContain(earlyId).contains(badPosId);
        }
    }

    private long encounter(String visit) {
        return jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class).single();
    }

    private String status(long findingId) {
        return jdbc.sql("SELECT status FROM scrub_finding WHERE id = ?").param(findingId).query(String.class)
                .single();
    }

    private static List<Long> queueOrder(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#queue tbody tr")).stream()
                .map(tr -> Long.parseLong(tr.getAttribute("data-encounter"))).toList();
    }

    private static WebElement row(Browser browser, long encounterId) {
        return browser.find("#queue tbody tr[data-encounter='" + encounterId + "']");
    }

    private static List<String> cells(Browser browser, long encounterId) {
        return row(browser, encounterId).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
