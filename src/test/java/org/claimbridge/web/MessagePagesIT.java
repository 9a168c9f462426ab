package org.claimbridge.web;

import java.util.List;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages pages in headless Chromium: messages sent through the real intake (POST /api/hl7), found by MRN,
 * control id, status, sender, type and date, and opened: the segment table with HAPI's field names, the ACK, the
 * errors, what the message changed; an unknown id.
 */
@IntegrationTest
class MessagePagesIT {

    @LocalServerPort
    int port;

    @Test
    void aUserFindsMessagesAndReadsOneFieldByField() {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String mrn = "MPM" + tag;
        String good = PageMessages.dft("MPA" + tag, mrn, "MPV" + tag, "Nakamura^Emi");
        String bad = PageMessages.dft("MPB" + tag, "", "MPW" + tag, "Nakamura^Emi");
        assertThat(PageMessages.send(port, good)).contains("MSA|AA|MPA" + tag);
        assertThat(PageMessages.send(port, bad)).contains("MSA|AE|MPB" + tag);

        try (Browser browser = new Browser(port)) {
            browser.open("/messages").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/messages");
            assertThat(browser.find("header nav a.active").getAttribute("id")).isEqualTo("nav-messages");

            // by MRN: the good one only (the refused one has no PID-3)
            browser.find("#mrn").sendKeys(mrn);
            browser.submit("#search");
            List<List<String>> rows = rows(browser);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(4)).isEqualTo("MPA" + tag);
            assertThat(rows.get(0).get(3)).isEqualTo("DFT^P03");

            // by status and sender: the refused one among the errors, the good one not
            browser.find("#mrn").clear();
            browser.find("#sender").sendKeys("FAMPRAC");
            new Select(browser.find("#status")).selectByValue("ERROR");
            browser.submit("#search");
            rows = rows(browser);
            assertThat(rows).allSatisfy(r -> assertThat(r.get(6)).isEqualTo("ERROR"))
                    .anySatisfy(r -> assertThat(r.get(4)).isEqualTo("MPB" + tag))
                    .noneSatisfy(r -> assertThat(r.get(4)).isEqualTo("MPA" + tag));

            // by control id, type and today's date, then opened
            browser.open("/messages?controlId=MPA" + tag + "&type=DFT%5EP03&from="
                    + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "&to="
                    + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            rows = rows(browser);
            assertThat(rows).hasSize(1);
            browser.open("/messages?controlId=MPA" + tag + "&to=2020-01-01");
            assertThat(browser.has("#messages")).isFalse();
            assertThat(browser.text("#no-messages")).isEqualTo("No message matches.");
            browser.open("/messages?from=yesterday");
            assertThat(browser.text("#search-error")).contains("From date 'yesterday'");

            browser.open("/messages?controlId=MPA" + tag);
            WebElement list = browser.find("html");
            browser.find(".message-link").click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(list));
            assertThat(browser.path()).matches("/messages/\\d+");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(d -> {
                        browser.open(browser.path());
                        return browser.text("#status").equals("APPLIED");
                    });
            assertThat(field(browser, "PID-3")).containsExactly("Patient Identifier List", mrn + "^^^FAMPRAC^MR");
            assertThat(field(browser, "MSH-10")).containsExactly("Message Control ID", "MPA" + tag);
            assertThat(field(browser, "FT1-25")).containsExactly("Procedure Code", "99213^Office visit^C4");
            assertThat(browser.text("#ack")).contains("MSA|AA|MPA" + tag);
            assertThat(browser.text("#no-errors")).isEqualTo("No errors.");
            List<String> paths = browser.driver().findElements(By.cssSelector("#changes .change-path")).stream()
                    .map(WebElement::getText).toList();
            assertThat(paths).contains("PID(1)-3.1").anySatisfy(p -> assertThat(p).startsWith("FT1(1)-25"));
            assertThat(browser.has("#reprocess")).isFalse();

            // the refused one: its error, its NAK, and the reprocess and correction forms
            browser.open("/messages?controlId=MPB" + tag);
            browser.open("/messages/" + browser.find(".message-link").getText());
            assertThat(browser.text("#status")).isEqualTo("ERROR");
            assertThat(browser.text("#errors .error-location")).isEqualTo("PID(1)-3");
            assertThat(browser.text("#ack")).contains("MSA|AE|MPB" + tag).contains("ERR|");
            assertThat(browser.text("#no-changes")).contains("Nothing");
            assertThat(browser.has("#reprocess")).isTrue();
            assertThat(browser.has("#correction")).isTrue();

            browser.open("/messages/999999999");
            assertThat(browser.text("#not-found")).isEqualTo("There is no message 999999999.");
            browser.open("/messages/not-a-number");
            assertThat(browser.text("#not-found")).contains("There is no message");
        }
    }

    private static List<List<String>> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#messages tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** A field's name and value in the segment table. */
    private static List<String> field(Browser browser, String field) {
        WebElement row = browser.find("#segments tr.field[data-field='" + field + "']");
        return List.of(row.findElement(By.cssSelector(".field-name")).getText(),
                row.findElement(By.cssSelector(".field-value")).getText());
    }
}
