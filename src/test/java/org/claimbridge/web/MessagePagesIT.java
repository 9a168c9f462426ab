package org.claimbridge.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import ca.uhn.hl7v2.model.v25.message.DFT_P03;
import ca.uhn.hl7v2.model.v25.segment.PID;
import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message pages in headless Chromium, with messages sent through the real intake (POST /api/hl7): the search by
 * control id, MRN, status, sender, type and date, newest first; a taken message's segments with HAPI's field names,
 * its ACK and what it changed; a refused one's errors and ACK, offered for reprocessing; an unknown id.
 */
@IntegrationTest
class MessagePagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void messagesAreFoundByTheirHeaderAndPatientAndOpenedAsSegmentsWithFieldNames() throws Exception {
        String run = String.format("%07d", System.nanoTime() % 10_000_000L);
        String mrn = "MPM" + run;
        String first = "MPA" + run;
        String second = "MPB" + run;
        String refused = "MPC" + run;
        assertThat(PageMessages.send(port, PageMessages.dft(first, mrn, "MPV" + run + "1", "Novak^Petra")))
                .contains("MSA|AA|" + first);
        assertThat(PageMessages.send(port, PageMessages.dft(second, mrn, "MPV" + run + "2", "Novak^Petra")))
                .contains("MSA|AA|" + second);
        // PID-3 left empty: intake refuses it (AE)
        assertThat(PageMessages.send(port, PageMessages.dft(refused, "", "MPV" + run + "3", "Novak^Petra")))
                .contains("MSA|AE|" + refused);
        long firstId = id(first);
        long secondId = id(second);
        long refusedId = id(refused);

        try (Browser browser = new Browser(port)) {
            browser.open("/messages").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/messages");
            assertThat(browser.find("header nav a.active").getAttribute("id")).isEqualTo("nav-messages");

            // by MRN: both charge messages of the patient, newest first; the refused one has no MRN to match
            browser.find("#mrn").sendKeys(mrn);
            browser.submit("#search");
            assertThat(ids(browser)).containsExactly(secondId, firstId);

            // by control id
            browser.find("#mrn").clear();
            browser.find("#controlId").sendKeys(first);
            browser.submit("#search");
            assertThat(ids(browser)).containsExactly(firstId);

            // by control id and status: the refused one is ERROR, not APPLIED
            browser.find("#controlId").clear();
            browser.find("#controlId").sendKeys(refused);
            new Select(browser.find("#status")).selectByValue("APPLIED");
            browser.submit("#search");
            assertThat(ids(browser)).isEmpty();
            assertThat(browser.text("#no-messages")).isEqualTo("No message matches.");
            new Select(browser.find("#status")).selectByValue("ERROR");
            browser.submit("#search");
            assertThat(ids(browser)).containsExactly(refusedId);

            // by sender, type and date (today, UTC: when intake received them), each narrowing nothing away
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            browser.open("/messages?sender=FAMPRAC&type=DFT%5EP03&mrn=" + mrn + "&from=" + today + "&to=" + today);
            assertThat(ids(browser)).containsExactly(secondId, firstId);
            browser.open("/messages?sender=HOSPOP&mrn=" + mrn);
            assertThat(ids(browser)).isEmpty();
            browser.open("/messages?type=ADT&mrn=" + mrn);
            assertThat(ids(browser)).isEmpty();
            String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            browser.open("/messages?mrn=" + mrn + "&to=" + yesterday);
            assertThat(ids(browser)).isEmpty();
            browser.open("/messages?mrn=" + mrn + "&from=20261301");
            assertThat(browser.text("#search-error")).contains("From date '20261301'");

            // the taken message: once applied, its segments, its ACK and what it changed
            browser.open("/messages?controlId=" + first);
            WebElement list = browser.find("html");
            browser.find("#messages .message-link").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(list));
            assertThat(browser.path()).isEqualTo("/messages/" + firstId);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
                browser.open("/messages/" + firstId);
                return browser.text("#status").equals("APPLIED");
            });
            assertThat(browser.text("#control-id")).isEqualTo(first);
            assertThat(browser.text("#mrn")).isEqualTo(mrn);

            // field names as HAPI's v2.5 structures name them
            PID pid = new DFT_P03().getPID();
            WebElement pid3 = browser.find("#segments tr.field[data-field='PID-3']");
            assertThat(pid3.findElement(By.cssSelector(".field-name")).getText()).isEqualTo(pid.getNames()[2]);
            assertThat(pid3.findElement(By.cssSelector(".field-value")).getText())
                    .isEqualTo(mrn + "^^^FAMPRAC^MR");
            assertThat(browser.find("#segments tr.field[data-field='MSH-10'] .field-value").getText())
                    .isEqualTo(first);
            assertThat(browser.find("#segments tr.field[data-field='MSH-10'] .field-name").getText())
                    .isEqualTo(new DFT_P03().getMSH().getNames()[9]);
            assertThat(browser.driver().findElements(By.cssSelector("#segments tbody.segment-rows")).stream()
                    .map(s -> s.getAttribute("data-segment")).toList())
                    .containsExactly("MSH(1)", "EVN(1)", "PID(1)", "PV1(1)", "FT1(1)", "DG1(1)");

            assertThat(browser.text("#ack")).contains("MSA|AA|" + first);
            assertThat(browser.text("#no-errors")).isEqualTo("No errors.");
            List<List<String>> changes = browser.driver().findElements(By.cssSelector("#changes tr.change")).stream()
                    .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                    .toList();
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.get(2)).startsWith("PID");
                assertThat(c.get(3)).isEqualTo(mrn);
            });
            assertThat(browser.has("#changes a[href^='/queue/']")).isTrue();
            assertThat(browser.has("#reprocess")).isFalse();

            // the refused one: its error, the AE sent, nothing changed, and it may be reprocessed
            browser.open("/messages/" + refusedId);
            assertThat(browser.text("#status")).isEqualTo("ERROR");
            assertThat(browser.text("#errors .error-location")).contains("PID");
            assertThat(browser.text("#errors .error-text")).isNotBlank();
            assertThat(browser.text("#ack")).contains("MSA|AE|" + refused).contains("ERR|");
            assertThat(browser.text("#no-changes")).contains("Nothing in the billing view");
            assertThat(browser.has("#reprocess")).isTrue();
            assertThat(browser.has("#correction")).isTrue();

            // an unknown message: the not-found page, answered with 404
            browser.open("/messages/999999999");
            assertThat(browser.text("#not-found")).isEqualTo("There is no message 999999999.");
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + " fetch('/messages/999999999').then(function (r) { done(r.status); });");
            assertThat(((Number) status).intValue()).isEqualTo(404);
            browser.open("/messages/not-a-number");
            assertThat(browser.text("#not-found")).contains("There is no message");
        }
    }

    private long id(String controlId) {
        return jdbc.sql("SELECT id FROM hl7_message WHERE control_id = ? AND sending_facility = 'FAMPRAC'")
                .param(controlId).query(Long.class).single();
    }

    private static List<Long> ids(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#messages .message-link")).stream()
                .map(a -> Long.parseLong(a.getText())).toList();
    }
}
