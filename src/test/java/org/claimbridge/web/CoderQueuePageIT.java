package org.claimbridge.web;

import java.time.Duration;
import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.CoderQueue;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
            assertThat(row.get(3)).isEqualTo("Payer 60054 (60054)");
            assertThat(row.subList(4, 6)).containsExactly("0", String.valueOf(
                    scrubResults.state(earlyId).orElseThrow().openWarnings()));
            assertThat(row.get(6)).contains(OUTSIDE);
            assertThat(row.get(7)).isEqualTo("180.00");
            assertThat(row.get(8)).isEqualTo("6");
            assertThat(cells(browser, badPosId).get(4)).isNotEqualTo("0");

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
            row(browser, earlyId).findElement(By.cssSelector("a.encounter-link")).click();
            assertThat(browser.path()).isEqualTo("/queue/" + earlyId);
            assertThat(browser.text("#visit")).isEqualTo(early);
            assertThat(browser.text("#encounter-state")).isEqualTo("FLAGGED");
            assertThat(browser.text("#patient-name")).isEqualTo("Quill, Ada");
            assertThat(browser.text("#coverage")).contains("W777" + run);
            assertThat(browser.text("#attending")).contains("1049283710");
            assertThat(browser.find("#dx-1-code").getAttribute("value")).isEqualTo("I10");
            assertThat(browser.text("#charges")).contains(early + "-1", "2026-11-19", "180.00");
            assertThat(browser.find("#charge-1-code").getAttribute("value")).isEqualTo("99213");
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
            assertThat(browser.text("#encounter-state")).isEqualTo("FLAGGED");

            // with a reason, each open warning: overridden, and READY once none holds the encounter
            for (ScrubResults.ScrubFinding warning : warnings) {
                browser.find("#reason-" + warning.id()).sendKeys("seen the evening before admission, payer agreed by phone");
                browser.submit("#override-" + warning.id());
                assertThat(browser.text("#action-message")).contains("Finding " + warning.id() + " overridden");
                assertThat(status(warning.id())).isEqualTo("OVERRIDDEN");
            }
            assertThat(browser.text("#action-message")).contains("READY");
            assertThat(browser.text("#encounter-state")).isEqualTo("READY");
            assertThat(browser.text("#finding-" + first)).contains("OVERRIDDEN")
                    .contains("seen the evening before admission, payer agreed by phone");
            assertThat(browser.has("#override-" + first)).isFalse();

            // scrub now: recorded, and the overridden warning does not flag it again
            browser.submit("#scrub-now");
            assertThat(browser.text("#action-message")).contains("Scrubbed with rule set").contains("READY");
            assertThat(browser.text("#encounter-state")).isEqualTo("READY");
            assertThat(scrubResults.actions(earlyId)).extracting(ScrubResults.ScrubAction::action)
                    .endsWith("SCRUB_NOW").contains("OVERRIDE");

            // no longer in the queue
            browser.open("/queue");
            assertThat(queueOrder(browser)).doesNotContain(earlyId).contains(badPosId);
        }
    }

    @Autowired
    CoderQueue coderQueue;

    /**
     * Four flagged encounters of this run's own: three of one payer (an id no other run uses) with amounts 300, 120
     * and 50 on service dates 5, 55 and 1 days back, one of another payer; two with a bad place of service, one with
     * an unknown modifier. Filters and sorts give exactly the rows they should, in order, and the queue pages in SQL.
     */
    @Test
    void filtersAndSortsGiveTheRightRowsInTheRightOrder_andTheKeyboardMovesThroughThem() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        String run = String.format("%07d", System.nanoTime() % 10_000_000L);
        String payer = "9" + run;
        String otherPayer = "8" + run;
        String big = "QF" + run + "1";
        String old = "QF" + run + "2";
        String small = "QF" + run + "3";
        String other = "QF" + run + "4";
        visit(feed, "QG" + run + "1", big, "Fenn^Ada", payer, "20261120", "300.00", "1", "");
        visit(feed, "QG" + run + "2", old, "Fenn^Bea", payer, "20261001", "120.00", "11", "ZZ");
        visit(feed, "QG" + run + "3", small, "Fenn^Cal", payer, "20261124", "50.00", "1", "");
        visit(feed, "QG" + run + "4", other, "Fenn^Dot", otherPayer, "20261120", "500.00", "1", "");
        assertThat(scrub.runAndWait("queue filter test").status()).isEqualTo("COMPLETED");
        long bigId = encounter(big);
        long oldId = encounter(old);
        long smallId = encounter(small);
        long otherId = encounter(other);
        for (long id : List.of(bigId, oldId, smallId, otherId)) {
            assertThat(scrubResults.state(id).orElseThrow().state().name()).as(scrubResults.findings(id, false)
                    .toString()).isEqualTo("FLAGGED");
        }
        // a rule on the bad places of service that the unknown modifier does not trip
        String posRule = scrubResults.openRules(List.of(bigId)).get(bigId).stream()
                .filter(r -> !scrubResults.openRules(List.of(oldId)).get(oldId).contains(r)).findFirst()
                .orElseThrow();
        long practice = jdbc.sql("SELECT practice_id FROM encounter WHERE id = ?").param(bigId)
                .query(Long.class).single();

        try (Browser browser = new Browser(port)) {
            browser.open("/queue").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/queue");

            // the filter form, used as a coder would: the payer and a sort chosen, Filter pressed
            new Select(browser.find("#queue-filter #payer")).selectByValue(payer);
            new Select(browser.find("#queue-filter #sort")).selectByValue("amount-asc");
            browser.submit("#filter");
            assertThat(queueOrder(browser)).containsExactly(smallId, oldId, bigId);
            assertThat(browser.text("#queue-count")).startsWith("3 of ");
            assertThat(new Select(browser.find("#payer")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(payer);
            assertThat(cells(browser, oldId).get(3)).isEqualTo("Payer " + payer + " (" + payer + ")");
            assertThat(cells(browser, oldId).get(7)).isEqualTo("120.00");
            assertThat(cells(browser, oldId).get(8)).isEqualTo("55");

            String byPayer = "/queue?payer=" + payer;
            browser.open(byPayer);
            assertThat(queueOrder(browser)).as("amount, largest first, by default").containsExactly(bigId, oldId,
                    smallId);
            browser.open(byPayer + "&sort=amount-desc");
            assertThat(queueOrder(browser)).containsExactly(bigId, oldId, smallId);
            browser.open(byPayer + "&sort=age-desc");
            assertThat(queueOrder(browser)).as("oldest first").containsExactly(oldId, bigId, smallId);
            browser.open(byPayer + "&sort=age-asc");
            assertThat(queueOrder(browser)).as("newest first").containsExactly(smallId, bigId, oldId);
            browser.open(byPayer + "&age=30");
            assertThat(queueOrder(browser)).containsExactly(oldId);
            assertThat(new Select(browser.find("#age")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("30");
            browser.open(byPayer + "&age=2&sort=amount-asc");
            assertThat(queueOrder(browser)).containsExactly(oldId, bigId);
            browser.open(byPayer + "&rule=" + posRule);
            assertThat(queueOrder(browser)).containsExactly(bigId, smallId);
            browser.open(byPayer + "&practice=" + practice + "&sort=age-asc");
            assertThat(queueOrder(browser)).containsExactly(smallId, bigId, oldId);
            browser.open("/queue?payer=" + otherPayer);
            assertThat(queueOrder(browser)).containsExactly(otherId);
            browser.open("/queue?rule=" + posRule);
            assertThat(queueOrder(browser)).contains(bigId, smallId, otherId).doesNotContain(oldId);
            browser.open("/queue?practice=" + practice + "&payer=" + payer + "&rule=" + posRule + "&age=3");
            assertThat(queueOrder(browser)).containsExactly(bigId);

            // a filter value that cannot be read is said, naming the field
            browser.open(byPayer + "&age=soon&sort=sideways");
            assertThat(browser.text("#queue-errors")).contains("Age: 'soon' is not a number of days")
                    .contains("Sort: 'sideways' is not one of amount-desc, amount-asc, age-desc, age-asc");
            assertThat(queueOrder(browser)).containsExactly(bigId, oldId, smallId);

            // j/k move through the rows, Enter opens the one with the focus
            browser.open(byPayer + "&sort=age-desc");
            Actions keys = new Actions(browser.driver());
            keys.sendKeys("j").perform();
            assertThat(focusedRow(browser)).isEqualTo(oldId);
            keys.sendKeys("j").perform();
            keys.sendKeys("j").perform();
            assertThat(focusedRow(browser)).isEqualTo(smallId);
            keys.sendKeys("k").perform();
            assertThat(focusedRow(browser)).isEqualTo(bigId);
            WebElement page = browser.find("html");
            keys.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
            assertThat(browser.path()).isEqualTo("/queue/" + bigId);
        }

        // paged by the database: two to a page, stable across pages
        CoderQueue.Filter first = new CoderQueue.Filter(null, payer, null, null, CoderQueue.Sort.AMOUNT_DESC, 0, 2);
        CoderQueue.Result page1 = coderQueue.find(first);
        CoderQueue.Result page2 = coderQueue.find(new CoderQueue.Filter(null, payer, null, null,
                CoderQueue.Sort.AMOUNT_DESC, 1, 2));
        assertThat(page1.entries()).extracting(CoderQueue.Entry::encounterId).containsExactly(bigId, oldId);
        assertThat(page2.entries()).extracting(CoderQueue.Entry::encounterId).containsExactly(smallId);
        assertThat(page1.matching()).isEqualTo(3);
        assertThat(page1.pages()).isEqualTo(2);
        assertThat(page1.entries().get(0).amount()).isEqualByComparingTo("300.00");
        assertThat(page1.entries().get(0).rules()).contains(posRule);
    }

    /** A registration with the payer, and one office visit line on the date, for the amount, with POS and modifier. */
    private static void visit(ClaimTestFeed feed, String control, String visit, String name, String payer,
                              String date, String amount, String pos, String modifier) {
        feed.register(control + "A", visit, name, "19700101", payer, "W" + control);
        feed.charges(control + "B", visit, name, "19700101", List.of(ClaimTestFeed.officeVisit(visit, 1)
                .replace("|20261120|20261120|", "|" + date + "|" + date + "|").replace("|120.00|", "|" + amount + "|")
                .replace("|||||11|||", "|||||" + pos + "|||") + modifier));
    }

    private static long focusedRow(Browser browser) {
        WebElement active = browser.driver().switchTo().activeElement();
        assertThat(active.getAttribute("class")).contains("encounter-link");
        return Long.parseLong(active.findElement(By.xpath("ancestor::tr")).getAttribute("data-encounter"));
    }

    private long encounter(String visit) {
        return jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class).single();
    }

    private String status(long findingId) {
        return jdbc.sql("SELECT status FROM scrub_finding WHERE id = ?").param(findingId).query(String.class)
                .single();
    }

    private static List<Long> queueOrder(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#queue tbody tr.encounter-row")).stream()
                .map(tr -> Long.parseLong(tr.getAttribute("data-encounter"))).toList();
    }

    private static WebElement row(Browser browser, long encounterId) {
        return browser.find("#queue tbody tr[data-encounter='" + encounterId + "']");
    }

    private static List<String> cells(Browser browser, long encounterId) {
        return row(browser, encounterId).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
