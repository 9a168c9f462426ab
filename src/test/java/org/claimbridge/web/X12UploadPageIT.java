package org.claimbridge.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The X12 upload page in headless Chromium, against the real database: a 999, the same again, no file, not X12. */
@IntegrationTest
class X12UploadPageIT {

    private static final Path SAMPLE = Path.of("sample-feeds", "x12", "999-accepted.x12").toAbsolutePath();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedInUserUploadsA999ThenTheSameFileAgainThenNothingThenAFileThatIsNotX12() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.open("/responses/upload").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/responses/upload");

            // the sample 999: stored, applied; its claims are not in this database, which the row says
            upload(browser, SAMPLE);
            assertThat(browser.text("#file-status")).isEqualTo("APPLIED");
            List<List<String>> rows = rows(browser);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).subList(0, 3)).containsExactly("999", "0001", "APPLIED");
            assertThat(rows.get(0).get(3)).contains("ST02 0001 of GS06 1 is none of our claims");
            long first = Long.parseLong(browser.text("#file-id"));
            assertThat(file(first)).containsEntry("channel", "UPLOAD").containsEntry("status", "APPLIED")
                    .containsEntry("name", "999-accepted.x12");

            // the same file again: kept as a duplicate of the first, not applied
            upload(browser, SAMPLE);
            assertThat(browser.text("#file-status")).isEqualTo("DUPLICATE");
            assertThat(browser.text("#file-errors")).contains("received before as file " + first);
            assertThat(browser.has("#sets")).isFalse();
            long second = Long.parseLong(browser.text("#file-id"));
            assertThat(second).isNotEqualTo(first);
            assertThat(file(second)).containsEntry("channel", "UPLOAD").containsEntry("status", "DUPLICATE")
                    .containsEntry("duplicate_of", first);

            // no file chosen: a message, nothing stored
            long files = count();
            browser.submit("#upload");
            assertThat(browser.text("#upload-error")).contains("No file was chosen");
            assertThat(browser.has("#result")).isFalse();
            assertThat(count()).isEqualTo(files);

            // an empty file: the same, with its name
            Path dir = Files.createTempDirectory("x12-upload");
            Path empty = Files.write(dir.resolve("empty.x12"), new byte[0]);
            upload(browser, empty);
            assertThat(browser.text("#upload-error")).contains("empty.x12 is empty");
            assertThat(count()).isEqualTo(files);

            // not X12 at all: kept, FAILED, with the reason on the page
            Path notX12 = Files.writeString(dir.resolve("notes.txt"), "Call the payer on Monday " + System.nanoTime()
                    + "\n", StandardCharsets.US_ASCII);
            upload(browser, notX12);
            assertThat(browser.text("#file-status")).isEqualTo("FAILED");
            assertThat(browser.has("#file-errors")).as(browser.text("#result")).isTrue();
            assertThat(browser.text("#file-errors")).contains("cannot be read as X12");
            long third = Long.parseLong(browser.text("#file-id"));
            assertThat(file(third)).containsEntry("channel", "UPLOAD").containsEntry("status", "FAILED")
                    .containsEntry("name", "notes.txt");
            assertThat((String) file(third).get("error")).isNotBlank();
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAMessageAndNotStored() throws Exception {
        Path big = Files.createTempDirectory("x12-upload").resolve("huge.x12");
        try (var out = Files.newOutputStream(big)) {
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'X');
            for (int i = 0; i < 21; i++) {
                out.write(block);
            }
        }
        try (Browser browser = new Browser(port)) {
            browser.open("/responses/upload").signIn(ApiClient.USER, ApiClient.PASSWORD);
            long files = count();
            upload(browser, big);
            assertThat(browser.path()).isEqualTo("/responses/upload");
            assertThat(browser.has("#upload-error")).as(browser.driver().getPageSource()).isTrue();
            assertThat(browser.text("#upload-error")).contains("larger than the 20MB limit");
            assertThat(count()).isEqualTo(files);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static void upload(Browser browser, Path file) {
        browser.find("#file").sendKeys(file.toString());
        browser.submit("#upload");
    }

    private static List<List<String>> rows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#sets tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private Map<String, Object> file(long id) {
        return jdbc.sql("SELECT channel, name, status, error, duplicate_of FROM x12_file WHERE id = ?").param(id)
                .query().singleRow();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM x12_file").query(Long.class).single();
    }
}
