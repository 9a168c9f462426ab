package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The scrub API over real HTTP: run the job, read an encounter's scrub, override a warning as a coder. */
@IntegrationTest
@TestPropertySource(properties = "claimbridge.rules.dir=src/test/resources/scrub-job-rules")
class ScrubEndpointIT {

    @LocalServerPort
    int port;

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runTheJobReadTheFindingsAndOverrideAWarning() {
        ScrubFeed feed = new ScrubFeed(intake, jdbc);
        feed.apply(feed.registration("P1", "VP1", "W1", ""), feed.charges("P1", "VP1", "11"));
        ApiClient api = new ApiClient(port);

        HttpResponse<byte[]> run = api.post("/api/jobs/scrub?wait=true", "application/json", new byte[0]);
        assertThat(run.statusCode()).as(ApiClient.text(run)).isEqualTo(200);
        JsonNode status = ApiClient.json(run);
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("trigger").asString()).isEqualTo("api tester");
        long execution = status.get("executionId").asLong();
        assertThat(ApiClient.json(api.get("/api/jobs/scrub/" + execution)).get("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(api.get("/api/jobs/scrub/999999").statusCode()).isEqualTo(404);

        long id = feed.encounterId("VP1");
        JsonNode scrub = ApiClient.json(api.get("/api/encounters/" + id + "/scrub"));
        assertThat(scrub.get("scrub").get("state").asString()).isEqualTo("FLAGGED");
        JsonNode warning = null;
        for (JsonNode finding : scrub.get("findings")) {
            if (finding.get("ruleId").asString().equals("T-REFERRING")) {
                warning = finding;
            }
        }
        assertThat(warning).isNotNull();
        assertThat(warning.get("message").asString()).isEqualTo("No referring provider (encounter.referringNpi) on visit 'VP1'");

        ApiClient coder = new ApiClient(port, "hashed", "hashed-secret");
        String path = "/api/encounters/" + id + "/findings/" + warning.get("id").asLong() + "/override";
        HttpResponse<byte[]> noReason = coder.post(path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noReason).get("field").asString()).isEqualTo("reason");

        HttpResponse<byte[]> done = coder.post(path, "application/json",
                "{\"reason\":\"walk-in, no referral needed\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(done.statusCode()).as(ApiClient.text(done)).isEqualTo(200);
        assertThat(ApiClient.json(done).get("state").asString()).isEqualTo("READY");
        JsonNode after = ApiClient.json(api.get("/api/encounters/" + id + "/scrub"));
        assertThat(after.get("actions").get(0).get("username").asString()).isEqualTo("hashed");
        assertThat(coder.post(path, "application/json", "{\"reason\":\"again\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(409);
        assertThat(api.get("/api/encounters/999999/scrub").statusCode()).isEqualTo(404);
        assertThat(new ApiClient(port, "tester", "wrong").get("/api/encounters/" + id + "/scrub").statusCode())
                .isEqualTo(401);
    }
}
