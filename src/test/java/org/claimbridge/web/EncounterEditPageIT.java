package org.claimbridge.web;

import java.time.Duration;
import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.encounter.CorrectionCommand;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.CoderActions;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encounter page's lines edited in place, in headless Chromium against the real database, on encounters flagged
 * through real intake and scrub: a diagnosis coded to a category (E11, not billable) and a charge line with a place of
 * service that is not one (1).
 */
@IntegrationTest
@Import(FixedDay.class)
class EncounterEditPageIT {

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
    CoderActions coderActions;

    @Test
    void aCoderFixesAFlaggedEncounterFromTheKeyboard_codesCheckedAsTyped_rescrubbedOnEachSave_untilItIsReady() {
        long id = flagged("1");
        try (Browser browser = signedIn()) {
            browser.open("/queue/" + id);
            assertThat(browser.text("#encounter-state")).isEqualTo("FLAGGED");
            assertThat(value(browser, "#dx-1-code")).isEqualTo("E11");
            assertThat(value(browser, "#charge-1-pos")).isEqualTo("1");
            assertThat(browser.text("#shortcuts")).contains("to the field of the first open finding");
            List<WebElement> findings = browser.driver().findElements(By.cssSelector("#findings .finding"));
            assertThat(findings).isNotEmpty();
            String firstField = findings.get(0).getAttribute("data-field");
            assertThat(firstField).isEqualTo("dx-1-code");

            // f: to the first finding's field; typed over, checked as typed
            Actions keys = new Actions(browser.driver());
            keys.sendKeys("f").perform();
            assertThat(active(browser)).isEqualTo("dx-1-code");
            keys.sendKeys("E11").perform();
            awaitCheck(browser, "dx-1-code", "invalid");
            assertThat(browser.text("#dx-1-code-check")).contains("E11").contains("not billable");
            keys.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, "E11.9").perform();
            awaitCheck(browser, "dx-1-code", "valid");
            assertThat(browser.text("#dx-1-code-check")).contains("Type 2 diabetes mellitus without complications");

            // Tab goes through the line's fields in reading order, then the reason; Enter saves
            for (String next : List.of("dx-1-order", "charge-1-code", "charge-1-modifiers", "charge-1-units",
                    "charge-1-pointers", "charge-1-pos", "edit-reason")) {
                keys.sendKeys(Keys.TAB).perform();
                assertThat(active(browser)).isEqualTo(next);
            }
            keys.sendKeys("category coded to the leaf in the visit note").perform();
            pressEnterAndWait(browser, keys);

            // scrubbed again at once: the diagnosis finding closed, the place of service still flags it
            assertThat(browser.path()).isEqualTo("/queue/" + id);
            assertThat(browser.text("#action-message")).contains("Saved 1 change").contains("FLAGGED")
                    .contains("Closed: CODE-ICD10-NOT-BILLABLE");
            assertThat(browser.text("#encounter-state")).isEqualTo("FLAGGED");
            assertThat(value(browser, "#dx-1-code")).isEqualTo("E11.9");
            assertThat(browser.text("#findings")).doesNotContain("CODE-ICD10-NOT-BILLABLE");
            assertThat(jdbc.sql("SELECT code FROM diagnosis WHERE encounter_id = ?").param(id).query(String.class)
                    .single()).isEqualTo("E11.9");
            assertThat(jdbc.sql("SELECT diagnosis_codes FROM charge WHERE encounter_id = ?").param(id)
                    .query(String.class).single()).as("the pointer follows the code").isEqualTo("E11.9");

            // the place of service: f goes there now; an unknown one is marked as typed, a good one saves to READY
            keys.sendKeys("f").perform();
            assertThat(active(browser)).isEqualTo("charge-1-pos");
            keys.sendKeys("98").perform();
            awaitCheck(browser, "charge-1-pos", "invalid");
            assertThat(browser.text("#charge-1-pos-check")).contains("98 is not in the loaded place of service");
            keys.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, "11").perform();
            awaitCheck(browser, "charge-1-pos", "valid");
            assertThat(browser.text("#charge-1-pos-check")).contains("Office");
            keys.sendKeys(Keys.TAB).perform();
            assertThat(active(browser)).isEqualTo("edit-reason");
            keys.sendKeys("seen in the office, per the visit note").perform();
            pressEnterAndWait(browser, keys);

            assertThat(browser.text("#action-message")).contains("Saved 1 change").contains("READY");
            assertThat(browser.text("#encounter-state")).isEqualTo("READY");
            assertThat(browser.text("#findings")).contains("No open finding.");
            assertThat(browser.driver().findElements(By.cssSelector("#findings .finding"))).isEmpty();
            assertThat(scrubResults.state(id).orElseThrow().state().name()).isEqualTo("READY");
            assertThat(scrubResults.actions(id)).extracting(ScrubResults.ScrubAction::action)
                    .containsExactly("CORRECTION", "CORRECTION");
            assertThat(scrubResults.actions(id)).extracting(ScrubResults.ScrubAction::username)
                    .containsOnly(ApiClient.USER);

            // and out of the queue
            browser.open("/queue");
            assertThat(browser.driver().findElements(By.cssSelector("#queue .encounter-row[data-encounter='" + id
                    + "']"))).isEmpty();
        }
    }

    @Test
    void aSaveWithoutAReasonOrWithACodeTheCodeSetsRefuseIsSentBackNamingTheLineAndField_nothingChanged() {
        long id = flagged("2");
        int revision = revision(id);
        try (Browser browser = signedIn()) {
            browser.open("/queue/" + id);
            type(browser, "#charge-1-pos", "11");
            type(browser, "#charge-1-units", "2");
            browser.submit("#save-lines");
            assertThat(browser.text("#edit-reason-error")).isEqualTo(
                    "Reason: a reason is required for a change, so the next person knows why");
            assertThat(browser.text("#edit-errors")).contains("Not saved").contains("Reason: a reason is required");
            assertThat(browser.find("#edit-reason").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(value(browser, "#charge-1-pos")).as("what was typed stays").isEqualTo("11");
            assertThat(value(browser, "#charge-1-units")).isEqualTo("2");

            // the server checks the codes too (the page's check is only a help): named by line and field
            type(browser, "#charge-1-pos", "98");
            type(browser, "#dx-1-code", "Q999");
            type(browser, "#charge-1-modifiers", "25, ZZ");
            type(browser, "#edit-reason", "trying codes");
            browser.submit("#save-lines");
            assertThat(browser.text("#charge-1-pos-error")).as(browser.has("#edit-errors")
                    ? browser.text("#edit-errors") : browser.text("main"))
                    .isEqualTo("Charge line 1 (99213), place of service: 98 is not in the loaded place of service"
                            + " code set");
            assertThat(browser.text("#dx-1-code-error"))
                    .isEqualTo("Diagnosis 1, code: Q999 is not in the loaded ICD-10-CM code set");
            assertThat(browser.text("#charge-1-modifiers-error"))
                    .isEqualTo("Charge line 1 (99213), modifiers: ZZ is not in the loaded modifier code set");
            assertThat(browser.has("#edit-reason-error:not(:empty)")).isFalse();

            // refused by the corrections themselves (a pointer to no diagnosis): also by the field
            browser.open("/queue/" + id);
            type(browser, "#charge-1-pointers", "E11, I10");
            type(browser, "#edit-reason", "adds hypertension");
            browser.submit("#save-lines");
            assertThat(browser.text("#charge-1-pointers-error")).startsWith("Charge line 1 (99213), diagnosis"
                    + " pointers: I10 is not a diagnosis of this encounter");

            // nothing typed: nothing to save
            browser.open("/queue/" + id);
            type(browser, "#edit-reason", "no change");
            browser.submit("#save-lines");
            assertThat(browser.text("#edit-errors")).contains("Nothing to save");
        }
        assertThat(revision(id)).isEqualTo(revision);
        assertThat(jdbc.sql("SELECT place_of_service FROM charge WHERE encounter_id = ?").param(id)
                .query(String.class).single()).isEqualTo("1");
        assertThat(scrubResults.actions(id)).isEmpty();
    }

    @Test
    void aSaveOnARevisionSomeoneElseMovedOnIsRefusedWithAMessage_notAnError() {
        long id = flagged("3");
        try (Browser browser = signedIn()) {
            browser.open("/queue/" + id);
            type(browser, "#charge-1-pos", "11");
            type(browser, "#edit-reason", "office visit");

            // meanwhile another coder corrects the units
            long charge = jdbc.sql("SELECT id FROM charge WHERE encounter_id = ?").param(id).query(Long.class)
                    .single();
            coderActions.correct(new CorrectionCommand.ChangeUnits(id, revision(id), "other-coder", "two units billed",
                    charge, new java.math.BigDecimal("2")));

            browser.submit("#save-lines");
            assertThat(browser.path()).isEqualTo("/queue/" + id);
            assertThat(browser.text("#edit-conflict")).startsWith(
                    "Not saved: someone else changed this encounter after you opened it");
            assertThat(value(browser, "#charge-1-units")).as("the page shows it as it stands").isEqualTo("2");
            assertThat(value(browser, "#charge-1-pos")).isEqualTo("1");
        }
        assertThat(jdbc.sql("SELECT place_of_service FROM charge WHERE encounter_id = ?").param(id)
                .query(String.class).single()).isEqualTo("1");
    }

    /** A FLAGGED encounter of this run's own: diagnosis E11 (a category) and place of service 1 (no such code). */
    private long flagged(String suffix) {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        String run = String.format("%07d", System.nanoTime() % 10_000_000L);
        String visit = "QE" + run + suffix;
        feed.register("QH" + run + suffix, visit, "Edit^Eve", "19650505", "60054", "W779" + run);
        feed.charges("QI" + run + suffix, visit, "Edit^Eve", "19650505", List.of(ClaimTestFeed.officeVisit(visit, 1)
                .replace("|||||11|||", "|||||1|||")
                .replace("I10^Essential hypertension^I10", "E11^Type 2 diabetes mellitus^I10")));
        assertThat(scrub.runAndWait("encounter edit test").status()).isEqualTo("COMPLETED");
        long id = jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class)
                .single();
        ScrubResults.EncounterScrub state = scrubResults.state(id).orElseThrow();
        assertThat(state.state().name()).isEqualTo("FLAGGED");
        assertThat(scrubResults.findings(id, false)).extracting(ScrubResults.ScrubFinding::ruleId)
                .as("flagged for the diagnosis and the place of service only")
                .contains("CODE-ICD10-NOT-BILLABLE").hasSize(2);
        return id;
    }

    private Browser signedIn() {
        Browser browser = new Browser(port);
        browser.open("/queue").signIn(ApiClient.USER, ApiClient.PASSWORD);
        return browser;
    }

    private int revision(long id) {
        return jdbc.sql("SELECT revision FROM encounter WHERE id = ?").param(id).query(Integer.class).single();
    }

    private static String value(Browser browser, String css) {
        return browser.find(css).getAttribute("value");
    }

    /**
     * Types into a field as a coder would, and on a checked field waits for its check-as-you-type answer: the note
     * under the field changes the page's layout when the answer comes, and a click on a button at that moment may
     * land beside it (a save that never went out).
     */
    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
        if (input.getAttribute("data-check") != null) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
                String state = input.getAttribute("data-check-state");
                return state != null && !state.equals("typing") && !state.equals("checking");
            });
        }
    }

    private static String active(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Waits for the page's check of what was typed to answer (it asks the server a moment after the last key). */
    private static void awaitCheck(Browser browser, String inputId, String state) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.attributeToBe(
                By.id(inputId), "data-check-state", state));
    }

    private static void pressEnterAndWait(Browser browser, Actions keys) {
        WebElement page = browser.find("html");
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }
}
