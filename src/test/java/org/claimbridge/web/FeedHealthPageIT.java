package org.claimbridge.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Receipt;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feed health in headless Chromium. The feeds' history goes through the real intake with the receive times it would
 * have had ({@link BatchIntake#receive} with past instants; the clock is {@link FixedDay}'s, Wednesday 2026-11-25
 * 12:00 UTC): one feed that sends every weekday morning and stopped after 08:00 today, one that sends the same
 * hours and today switched to HL7 2.7 with a ZPI segment and a declared charset. The at-risk claims are two visits
 * through intake, scrub and the claims job, rejected by a 999.
 */
@IntegrationTest
@Import(FixedDay.class)
class FeedHealthPageIT {

    private static final Instant TODAY = Instant.parse("2026-11-25T00:00:00Z");

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

    private int control;

    private long send(String sender, String version, String charset, boolean zpi, Instant at) {
        String id = sender + "-" + (++control);
        List<String> segments = new ArrayList<>(List.of(
                "MSH|^~\\&|LIS|" + sender + "|CLAIMBRIDGE|CBRCM|20261125080000||ORU^R01^ORU_R01|" + id + "|P|"
                        + version + "||||||" + charset,
                "PID|1||M" + control + "^^^" + sender + "^MR||Doe^Jane",
                "OBR|1||O" + control + "|CBC^Blood count",
                "OBX|1|NM|WBC^White cells||7.1"));
        if (zpi) {
            segments.add("ZPI|1|portal-id");
        }
        byte[] bytes = (String.join("\r", segments) + "\r").getBytes(StandardCharsets.ISO_8859_1);
        Receipt receipt = intake.receive(bytes, Channel.MLLP, "feed-test", at).receipts().get(0);
        assertThat(BatchIntake.Result.accepted(receipt)).as(receipt.ack()).isTrue();
        return receipt.messageId();
    }

    /** Three messages in each of these UTC hours on the same weekday of each of the last four weeks. */
    private void usualMornings(String sender, int... hours) {
        for (int week = 4; week >= 1; week--) {
            for (int hour : hours) {
                for (int m = 0; m < 3; m++) {
                    send(sender, "2.5", "", false, TODAY.minus(Duration.ofDays(7L * week))
                            .plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(10 + 15L * m)));
                }
            }
        }
    }

    @Test
    void aManagerSeesEachFeedAgainstItsUsualHoursTheQuietAndDriftedFeedsAndTheClaimsAtRisk() throws Exception {
        String run = String.format("%06d", System.nanoTime() % 1_000_000L);
        String quiet = "QUIETLAB" + run;
        String drifted = "DRIFTLAB" + run;
        usualMornings(quiet, 8, 9, 10, 11);
        usualMornings(drifted, 8, 9, 10, 11);
        // today: the quiet lab sends at 08:00 and then nothing; the drifted one keeps sending, and at 11:20 sends
        // HL7 2.7 with a ZPI segment, at 11:40 again, then declares ISO 8859/1
        long lastQuiet = 0;
        for (int m = 0; m < 2; m++) {
            lastQuiet = send(quiet, "2.5", "", false, TODAY.plus(Duration.ofMinutes(8 * 60 + 5 + 20L * m)));
        }
        for (int hour = 8; hour <= 11; hour++) {
            for (int m = 0; m < 3; m++) {
                send(drifted, "2.5", "", false, TODAY.plus(Duration.ofMinutes(hour * 60L + 2 + 5L * m)));
            }
        }
        long firstDrift = send(drifted, "2.7", "", true, TODAY.plus(Duration.ofMinutes(11 * 60 + 20)));
        send(drifted, "2.7", "", true, TODAY.plus(Duration.ofMinutes(11 * 60 + 40)));
        long charset = send(drifted, "2.7", "8859/1", true, TODAY.plus(Duration.ofMinutes(11 * 60 + 50)));

        // two claims rejected by a 999: waiting for a correction, the larger one first
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        String small = "FHV" + run + "1";
        String large = "FHV" + run + "2";
        feed.register("FHA" + run, small, "Fenwick^Ida", "19570303", "60054", "W91" + run);
        feed.charges("FHB" + run, small, "Fenwick^Ida", "19570303", List.of(ClaimTestFeed.officeVisit(small, 1)));
        feed.register("FHC" + run, large, "Fenwick^Otto", "19580404", "60054", "W92" + run);
        feed.charges("FHD" + run, large, "Fenwick^Otto", "19580404", List.of(ClaimTestFeed.officeVisit(large, 1)
                .replace("|120.00|", "|180.00|")));
        long smallEncounter = feed.scrubbedReady(small);
        long largeEncounter = feed.scrubbedReady(large);
        feed.runClaims();
        Claims.ClaimSummary smallClaim = claims.ofEncounter(smallEncounter).get(0);
        Claims.ClaimSummary largeClaim = claims.ofEncounter(largeEncounter).get(0);
        var rejected = new ApiClient(port).post("/api/x12?name=999-feeds.x12", "application/edi-x12",
                reject999("7" + run + "01", smallClaim, largeClaim));
        assertThat(rejected.statusCode()).as(ApiClient.text(rejected)).isEqualTo(200);
        assertThat(claims.find(smallClaim.id()).orElseThrow().status().name()).isEqualTo("REJECTED");

        try (Browser browser = new Browser(port)) {
            browser.open("/feeds").signIn("manager", "manager-secret");
            assertThat(browser.path()).isEqualTo("/feeds");
            assertThat(browser.find("nav a.active").getAttribute("id")).isEqualTo("nav-feeds");

            // the quiet lab: a card marked quiet, 2 messages today against 12 usual ones in its hours
            WebElement quietCard = card(browser, quiet);
            assertThat(quietCard.getAttribute("class")).contains("quiet");
            assertThat(quietCard.findElement(By.cssSelector(".window-count")).getText()).isEqualTo("2");
            assertThat(quietCard.findElement(By.cssSelector(".feed-stats")).getText()).contains("usual 12.0");
            assertThat(quietCard.findElement(By.cssSelector(".last-hour")).getText()).isEqualTo("0");
            assertThat(hourRow(quietCard, "09:00")).containsExactly("0", "3.0", "yes");
            assertThat(hourRow(quietCard, "08:00")).containsExactly("2", "3.0", "yes");
            assertThat(hourRow(quietCard, "13:00")).containsExactly("0", "0.0", "");

            // the drifted lab: still sending, 11:00 had its usual three and the three new-version messages
            WebElement driftCard = card(browser, drifted);
            assertThat(driftCard.getAttribute("class")).contains("drift").doesNotContain("quiet");
            assertThat(driftCard.findElement(By.cssSelector(".last-hour")).getText()).isEqualTo("6");
            assertThat(driftCard.findElement(By.cssSelector(".window-count")).getText()).isEqualTo("15");
            assertThat(hourRow(driftCard, "11:00")).containsExactly("6", "3.0", "yes");

            // each card's chart drawn by Chart.js from the same numbers
            String chartId = "feed-chart-" + drifted;
            assertThat(browser.has("#" + chartId)).isTrue();
            Object drawn = ((JavascriptExecutor) browser.driver()).executeScript(
                    "var c = Chart.getChart(document.getElementById(arguments[0]));"
                            + " return c ? c.data.datasets[0].data.join(',') + '|' + c.data.datasets[1].data.length"
                            + " : null;", chartId);
            assertThat(drawn).isNotNull();
            assertThat(drawn.toString()).endsWith(",3,3,3,6,0|24");

            // alerts: quiet since 09:00 with the last message before it; version, segment and charset drift once
            // each, each with the first message that showed it
            List<WebElement> quietAlerts = alerts(browser, quiet);
            assertThat(quietAlerts).hasSize(1);
            WebElement quietAlert = quietAlerts.get(0);
            assertThat(quietAlert.getAttribute("data-kind")).isEqualTo("QUIET");
            assertThat(quietAlert.getText()).contains("no messages in 3 hours it normally sends in; about 9 expected")
                    .contains("since Wed 25 Nov 09:00").contains("still quiet");
            assertThat(link(quietAlert)).isEqualTo("/messages/" + lastQuiet);

            List<WebElement> driftAlerts = alerts(browser, drifted);
            assertThat(driftAlerts).extracting(a -> a.getAttribute("data-kind"))
                    .containsExactlyInAnyOrder("NEW_VERSION", "NEW_SEGMENT", "NEW_CHARSET");
            WebElement version = kind(driftAlerts, "NEW_VERSION");
            assertThat(version.getText()).contains("HL7 version (MSH-12) 2.7; before: 2.5")
                    .contains("since Wed 25 Nov 11:20");
            assertThat(link(version)).isEqualTo("/messages/" + firstDrift);
            WebElement segment = kind(driftAlerts, "NEW_SEGMENT");
            assertThat(segment.getText()).contains("segment ZPI, never sent by this sender before");
            assertThat(link(segment)).isEqualTo("/messages/" + firstDrift);
            WebElement declared = kind(driftAlerts, "NEW_CHARSET");
            assertThat(declared.getText()).contains("character set (MSH-18) 8859/1; before: none declared")
                    .contains("since Wed 25 Nov 11:50");
            assertThat(link(declared)).isEqualTo("/messages/" + charset);
            assertThat(Integer.parseInt(browser.text("#quiet-count"))).isPositive();

            // kept for the README and for reviewers: what a manager sees
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
            java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", "feed-health.png");
            java.nio.file.Files.createDirectories(shot.getParent());
            java.nio.file.Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser.driver())
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

            // the claims at risk: both rejected claims, the larger amount (more money per day left) first
            List<WebElement> risks = browser.driver().findElements(By.cssSelector("#at-risk tr.at-risk"));
            List<Long> order = risks.stream().map(r -> Long.parseLong(r.getAttribute("data-claim"))).toList();
            assertThat(order).contains(smallClaim.id(), largeClaim.id());
            assertThat(order.indexOf(largeClaim.id())).isLessThan(order.indexOf(smallClaim.id()));
            WebElement largeRow = risks.get(order.indexOf(largeClaim.id()));
            assertThat(largeRow.findElement(By.cssSelector(".money")).getText()).isEqualTo("180.00");
            assertThat(largeRow.findElement(By.cssSelector(".waiting-for")).getText()).isEqualTo("a correction");
            // Aetna's 120 days from the 2026-11-20 visit: 2027-03-20, 115 days from the test's day
            assertThat(largeRow.findElement(By.cssSelector(".days-left")).getText()).isEqualTo("115");
            assertThat(largeRow.findElement(By.cssSelector(".per-day")).getText()).isEqualTo("1.57");
            WebElement claimLink = largeRow.findElement(By.cssSelector(".claim-link"));
            assertThat(claimLink.getText()).isEqualTo(largeClaim.patientControlNumber());
            claimLink.click();
            assertThat(browser.path()).isEqualTo("/claims/" + largeClaim.id());

            // a window the page does not offer: said so, the default shown
            browser.open("/feeds?hours=999");
            assertThat(browser.text("#feeds-error")).contains("hours: a whole number from 1 to 168");
            browser.open("/feeds?hours=48");
            assertThat(card(browser, quiet).findElements(By.cssSelector(".feed-hours tr.hour"))).hasSize(48);
        }
    }

    @Test
    void aCoderIsRefusedFeedHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(http.send(
                HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).as("a CSRF token in the login form").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=hashed&password=hashed-secret&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> feeds = http.send(HttpRequest.newBuilder(uri("/feeds")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feeds.statusCode()).isEqualTo(403);
        assertThat(feeds.body()).doesNotContain("id=\"feeds\"");
        // the same coder's own pages open
        assertThat(http.send(HttpRequest.newBuilder(uri("/queue")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static WebElement card(Browser browser, String sender) {
        return browser.find("#feeds .feed[data-sender='" + sender + "']");
    }

    /** Messages, usual and "normally sends" of the card's row for an hour (the first such row). */
    private static List<String> hourRow(WebElement card, String hour) {
        WebElement row = card.findElement(By.cssSelector(".feed-hours tr.hour[data-hour='" + hour + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        return cells.subList(1, 4).stream().map(c -> c.getAttribute("textContent").strip()).toList();
    }

    private static List<WebElement> alerts(Browser browser, String sender) {
        return browser.driver().findElements(By.cssSelector("#alerts .alert[data-sender='" + sender + "']"));
    }

    private static WebElement kind(List<WebElement> alerts, String kind) {
        return alerts.stream().filter(a -> kind.equals(a.getAttribute("data-kind"))).findFirst().orElseThrow();
    }

    private static String link(WebElement alert) {
        return URI.create(alert.findElement(By.cssSelector("a.message-link")).getAttribute("href")).getPath();
    }

    /** A 999 that rejects both claims' transaction sets for their member id. */
    private static byte[] reject999(String isa, Claims.ClaimSummary... rejected) {
        List<String> set = new ArrayList<>(List.of("ST*999*0001*005010X231A1",
                "AK1*HC*" + rejected[0].gsControl() + "*005010X222A1"));
        for (Claims.ClaimSummary claim : rejected) {
            set.add("AK2*837*" + claim.stControl() + "*005010X222A1");
            set.add("IK3*NM1*17*2010BA*8");
            set.add("IK4*9*67*7");
            set.add("IK5*R*5");
        }
        set.add("AK9*R*" + rejected.length + "*" + rejected.length + "*0");
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*030240928      *ZZ*CLAIMBRIDGE    *261126*0900*^*00501*"
                + isa + "*0*T*:");
        segments.add("GS*FA*030240928*CLAIMBRIDGE*20261126*0900*" + isa.substring(0, 6) + "*X*005010X231A1");
        segments.addAll(set);
        segments.add("SE*" + (set.size() + 1) + "*0001");
        segments.add("GE*1*" + isa.substring(0, 6));
        segments.add("IEA*1*" + isa);
        return (String.join("~", segments) + "~").getBytes(StandardCharsets.US_ASCII);
    }
}
