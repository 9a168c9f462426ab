package org.claimbridge.web;

import java.util.List;
import java.util.Map;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views and edits of patient data land in the audit log: an encounter, a claim and a message, on the pages (signed
 * in through the form) and on the API (HTTP Basic), with user, action, record, path and outcome; list pages and
 * paths without a numeric record id do not; the admin's audit page finds them by user, record and day.
 */
@IntegrationTest
@Import(FixedDay.class)
class PatientDataAuditIT {

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

    /** The audit log's clock: the fixed test day here. */
    @Autowired
    java.time.Clock clock;

    record Row(String user, String action, String recordType, String recordId, String method, String path,
               String from, Integer outcome) {
    }

    @Test
    void viewsOfAnEncounterAClaimAndAMessageAreAudited() {
        String run = String.format("%06d", System.nanoTime() % 1_000_000L);
        String visit = "AUV" + run;
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("AUA" + run, visit, "Audette^Rosalind", "19620505", "60054", "W999" + run);
        feed.charges("AUB" + run, visit, "Audette^Rosalind", "19620505",
                List.of(ClaimTestFeed.officeVisit(visit, 1)));
        long encounter = feed.scrubbedReady(visit);
        feed.runClaims();
        long claim = claims.ofEncounter(encounter).get(0).id();
        long message = jdbc.sql("SELECT id FROM hl7_message WHERE control_id = ?").param("AUA" + run)
                .query(Long.class).single();

        PageSession coder = PageSession.signedIn(port, RoleAccessIT.CODER, RoleAccessIT.CODER_PASSWORD);
        long before = lastId();
        // the query string (which could carry a name someone searched for) is not stored
        assertThat(coder.get("/queue/" + encounter + "?q=Audette").statusCode()).isEqualTo(200);
        assertThat(coder.get("/claims/" + claim).statusCode()).isEqualTo(200);
        // the message page is being built on another branch; its path is audited whether or not it answers yet
        int messagePage = coder.get("/messages/" + message).statusCode();
        String token = coder.tokenOf("/queue");
        assertThat(coder.post("/queue/" + encounter + "/scrub", Map.of("_csrf", token)).statusCode())
                .isEqualTo(302);
        // lists and paths without a record id are not record views
        assertThat(coder.get("/claims?pcn=AU").statusCode()).isEqualTo(200);
        assertThat(coder.get("/queue").statusCode()).isEqualTo(200);
        coder.get("/claims/not-a-number");

        List<Row> pages = rowsAfter(before);
        assertThat(pages).containsExactly(
                new Row("hashed", "VIEW", "encounter", String.valueOf(encounter), "GET", "/queue/" + encounter,
                        "127.0.0.1", 200),
                new Row("hashed", "VIEW", "claim", String.valueOf(claim), "GET", "/claims/" + claim, "127.0.0.1",
                        200),
                new Row("hashed", "VIEW", "message", String.valueOf(message), "GET", "/messages/" + message,
                        "127.0.0.1", messagePage),
                new Row("hashed", "EDIT", "encounter", String.valueOf(encounter), "POST",
                        "/queue/" + encounter + "/scrub", "127.0.0.1", 302));

        long apiBefore = lastId();
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/messages/" + message).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/claims/" + claim + "/lineage").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/encounters/" + encounter + "/scrub").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/claims/999999999").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/claims/at-risk").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/messages?mrn=AUM" + run).statusCode()).isEqualTo(200);
        assertThat(rowsAfter(apiBefore)).extracting(Row::user, Row::action, Row::recordType, Row::recordId,
                Row::path, Row::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tester", "VIEW", "message", String.valueOf(message),
                        "/api/messages/" + message, 200),
                org.assertj.core.groups.Tuple.tuple("tester", "VIEW", "claim", String.valueOf(claim),
                        "/api/claims/" + claim + "/lineage", 200),
                org.assertj.core.groups.Tuple.tuple("tester", "VIEW", "encounter", String.valueOf(encounter),
                        "/api/encounters/" + encounter + "/scrub", 200),
                // an attempt at a record that does not exist is recorded too, with its answer
                org.assertj.core.groups.Tuple.tuple("tester", "VIEW", "claim", "999999999", "/api/claims/999999999",
                        404));

        // the admin's page finds them by user, record and day; a coder may not read it
        PageSession admin = PageSession.signedIn(port, ApiClient.USER, ApiClient.PASSWORD);
        String byRecord = admin.get("/admin/audit?recordType=claim&recordId=" + claim).body();
        assertThat(byRecord).contains("GET /claims/" + claim).contains("GET /api/claims/" + claim + "/lineage")
                .doesNotContain("/queue/" + encounter);
        String byUser = admin.get("/admin/audit?user=hashed&from=" + java.time.LocalDate.now(clock)
                + "&to=" + java.time.LocalDate.now(clock)).body();
        assertThat(byUser).contains("POST /queue/" + encounter + "/scrub").doesNotContain("/api/messages/" + message);
        var badDay = admin.get("/admin/audit?from=yesterday");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("id=\"error-from\"").contains("yesterday").contains("is not a day (yyyy-mm-dd)");
        assertThat(coder.get("/admin/audit").statusCode()).isEqualTo(403);
    }

    private long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    private List<Row> rowsAfter(long id) {
        return jdbc.sql("""
                SELECT username, action, record_type, record_id, http_method, path, remote_address, outcome
                FROM audit_event WHERE id > ? AND record_type <> 'user' ORDER BY id""").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class)))
                .list();
    }
}
