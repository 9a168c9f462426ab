package org.claimbridge.web;

import java.util.List;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correcting a refused message in headless Chromium: without a reason it is refused naming the field (the text typed
 * kept); with one the correction is a new message, its page shows the segment diff and the billing view it made,
 * both messages link to each other, and the original's text in the database is unchanged.
 */
@IntegrationTest
class ReprocessPageIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedMessageIsCorrectedWithAReasonAndThePageShowsTheDiffAndWhatItChanged() {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String control = "RPA" + tag;
        String mrn = "RPM" + tag;
        assertThat(PageMessages.send(port, PageMessages.dft(control, "", "RPV" + tag, "Haddad^Samir")))
                .contains("MSA|AE|" + control);
        long original = jdbc.sql("SELECT id FROM hl7_message WHERE control_id = ?").param(control)
                .query(Long.class).single();
        String originalText = rawText(original);

        try (Browser browser = new Browser(port)) {
            browser.open("/messages/" + original).signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.text("#status")).isEqualTo("ERROR");
            String text = browser.find("#correction").getAttribute("value");
            assertThat(text).contains("PID|1||||Haddad^Samir");
            String corrected = text.replace("PID|1||||", "PID|1||" + mrn + "^^^FAMPRAC^MR||");

            // no reason: refused, naming the field, the correction typed kept
            setText(browser, "#correction", corrected);
            browser.submit("#submit-correction");
            assertThat(browser.path()).isEqualTo("/messages/" + original);
            assertThat(browser.text("#action-error")).contains("A reason is required");
            assertThat(browser.find("#action-error").getAttribute("data-field")).isEqualTo("reason");
            assertThat(browser.find("#correction").getAttribute("value")).contains(mrn);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_reprocess WHERE original_message_id = ?")
                    .param(original).query(Integer.class).single()).isZero();

            browser.find("#correction-reason").sendKeys("The EHR left PID-3 out; MRN from the practice");
            browser.submit("#submit-correction");
            assertThat(browser.path()).matches("/messages/\\d+").isNotEqualTo("/messages/" + original);
            String correctedPath = browser.path();
            assertThat(browser.text("#action-message")).contains("The correction of message " + original);
            assertThat(browser.text("#origin")).contains("Corrected from message " + original).contains(
                    ApiClient.USER).contains("The EHR left PID-3 out");

            // the segment diff: PID changed in place, field 3 named; the rest the same
            List<WebElement> diff = browser.driver().findElements(By.cssSelector("#diff tbody tr"));
            List<WebElement> changed = diff.stream().filter(tr -> "CHANGED".equals(tr.getAttribute("data-kind")))
                    .toList();
            assertThat(changed).hasSize(1);
            assertThat(changed.get(0).getText()).contains("PID|1||||Haddad").contains(mrn)
                    .contains("PID-3 Patient Identifier List");
            assertThat(diff.stream().filter(tr -> "SAME".equals(tr.getAttribute("data-kind"))).count())
                    .isEqualTo(5);

            // what it changed downstream, once the billing view has applied it
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(d -> {
                        browser.open(correctedPath);
                        return browser.text("#status").equals("APPLIED");
                    });
            List<String> changes = browser.driver().findElements(By.cssSelector("#changes tr.change")).stream()
                    .map(WebElement::getText).toList();
            assertThat(changes).anySatisfy(c -> assertThat(c).contains("PID(1)-3").contains(mrn))
                    .anySatisfy(c -> assertThat(c).startsWith("charge ").contains("FT1(1)"))
                    .anySatisfy(c -> assertThat(c).startsWith("encounter "));
            assertThat(browser.has("#changes a[href^='/queue/']")).isTrue();
            assertThat(browser.text("#ack")).contains("MSA|AA|" + control);

            // traceable both ways; the original is done with and unchanged
            browser.find(".origin-link").click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> browser.path().equals("/messages/" + original));
            assertThat(browser.text("#status")).isEqualTo("ERROR");
            assertThat(browser.find(".reprocessed-link").getAttribute("href")).endsWith(correctedPath);
            assertThat(browser.has("#correction")).isFalse();
            assertThat(browser.text("#not-reprocessable")).contains("was taken (APPLIED)");
        }
        assertThat(rawText(original)).isEqualTo(originalText);
        assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(original).query(String.class)
                .single()).isEqualTo("ERROR");
    }

    private String rawText(long id) {
        return jdbc.sql("SELECT raw_text FROM hl7_message WHERE id = ?").param(id).query(String.class).single();
    }

    /** Replaces a textarea's text (typing it would take long and reformat nothing). */
    private static void setText(Browser browser, String css, String text) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1];", browser.find(css), text);
    }
}
