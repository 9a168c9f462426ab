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

/** A candidate rule tried on recent encounters over the API: counts, money, which encounters; a bad file is refused. */
@IntegrationTest
@TestPropertySource(properties = "claimbridge.rules.dir=src/test/resources/scrub-job-rules")
class RuleDryRunIT {

    private static final String CANDIDATE = """
            family: candidate
            rules:
              - id: T-REFERRING
                description: A referring provider is named, now an error.
                severity: error
                field: encounter.referringNpi
                condition: "#blank(encounter.referringNpi)"
                message: "No referring provider on visit '#{encounter.visitNumber}'"
                fix: Add PV1-8.
              - id: NEW-HIGH-CHARGE
                description: A line over 150.00 needs a look.
                severity: warning
                for: charges
                field: amount
                condition: "#charge.amount != null && #charge.amount > 150"
                message: "Line #{#line} is #{#charge.amount}"
                fix: Check the chargemaster price.
            """;

    @LocalServerPort
    int port;

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuleDryRun dryRun;

    @Test
    void aCandidateRuleSaysHowManyEncountersItFlagsAndForHowMuch() {
        ScrubFeed feed = new ScrubFeed(intake, jdbc);
        feed.apply(feed.registration("D1", "VD1", "W1", ""), feed.charges("D1", "VD1", "11", "11"),
                feed.registration("D2", "VD2", "W2", "1987654321"), feed.charges("D2", "VD2", "11"));
        long noReferral = feed.encounterId("VD1");
        int findingsBefore = jdbc.sql("SELECT COUNT(*) FROM scrub_finding").query(Integer.class).single();

        HttpResponse<byte[]> response = new ApiClient(port).post("/api/rules/dry-run?days=7", "application/yaml",
                CANDIDATE.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(ApiClient.text(response)).isEqualTo(200);
        JsonNode report = ApiClient.json(response);
        assertThat(report.get("encountersChecked").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode referring = report.get("rules").get(0);
        assertThat(referring.get("ruleId").asString()).isEqualTo("T-REFERRING");
        assertThat(referring.get("activeFlagged").asInt()).isEqualTo(referring.get("flagged").asInt());
        assertThat(referring.get("encounters").findValuesAsString("visitNumber")).contains("VD1")
                .doesNotContain("VD2");
        JsonNode listed = null;
        for (JsonNode e : referring.get("encounters")) {
            if (e.get("encounterId").asLong() == noReferral) {
                listed = e;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(listed.get("messages").get(0).asString()).isEqualTo("No referring provider on visit 'VD1'");
        JsonNode newRule = report.get("rules").get(1);
        assertThat(newRule.get("ruleId").asString()).isEqualTo("NEW-HIGH-CHARGE");
        // other tests' encounters in the same database may bill more; these two bill 100.00 a line
        assertThat(newRule.get("encounters").findValuesAsString("visitNumber")).doesNotContain("VD1", "VD2");
        assertThat(newRule.get("activeFlagged").isNull()).isTrue();
        // nothing was recorded
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scrub_finding").query(Integer.class).single())
                .isEqualTo(findingsBefore);

        // the same service straight: the total covers every flagged encounter, the list only the newest
        RuleDryRun.RuleImpact impact = dryRun.run("c.yaml", CANDIDATE, 7).rules().get(0);
        java.math.BigDecimal listedTotal = impact.encounters().stream().map(RuleDryRun.FlaggedEncounter::amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(impact.encounters()).hasSize(Math.min(impact.flagged(), RuleDryRun.LISTED));
        if (impact.flagged() <= RuleDryRun.LISTED) {
            assertThat(impact.amount()).isEqualByComparingTo(listedTotal);
        } else {
            assertThat(impact.amount()).isGreaterThan(listedTotal);
        }
    }

    @Test
    void aBadRuleFileIsRefusedWithFileLineAndRuleId() {
        String bad = CANDIDATE.replace("#blank(encounter.referringNpi)", "#blank(encounter.referrerNpi)");
        HttpResponse<byte[]> response = new ApiClient(port).post("/api/rules/dry-run?file=try.yaml",
                "application/yaml", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("errors").get(0).asString())
                .startsWith("try.yaml:7 rule T-REFERRING:").contains("referrerNpi");
        assertThat(new ApiClient(port).post("/api/rules/dry-run?days=0", "application/yaml",
                CANDIDATE.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    }
}
