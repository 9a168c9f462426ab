package org.claimbridge.claim;

import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each receiver gets its own interchange in its own envelope settings: the test profile sends Medicare (06102) to
 * receiver MEDICARE in production mode with '|' and '>' as separators, every other payer to AVAILITY in test mode.
 */
@IntegrationTest
@Import(FixedDay.class)
class ClaimReceiversIT {

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

    @Autowired
    GuideSchemas schemas;

    @Autowired
    ClaimbridgeProperties properties;

    @Test
    void eachReceiverGetsItsOwnFileWithItsOwnUsageAndDelimiters() throws Exception {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("CRM1", "CRV7001", "Eastwood^Mae", "19460212", "06102", "5GH6JK7LM89");
        feed.charges("CRM2", "CRV7001", "Eastwood^Mae", "19460212", List.of(ClaimTestFeed.officeVisit("CRV7001", 1)));
        feed.register("CRA1", "CRV7002", "Fontaine^Leo", "19800505", "60054", "W100200300");
        feed.charges("CRA2", "CRV7002", "Fontaine^Leo", "19800505", List.of(ClaimTestFeed.officeVisit("CRV7002", 1)));
        long medicare = feed.scrubbedReady("CRV7001");
        long aetna = feed.scrubbedReady("CRV7002");

        feed.runClaims();

        Claims.ClaimSummary m = claims.ofEncounter(medicare).get(0);
        Claims.ClaimSummary a = claims.ofEncounter(aetna).get(0);
        assertThat(m.receiver()).isEqualTo("MEDICARE");
        assertThat(a.receiver()).isEqualTo("AVAILITY");
        assertThat(m.fileName()).startsWith("MEDICARE-").isNotEqualTo(a.fileName());
        assertThat(m.isaControl()).isNotEqualTo(a.isaControl());

        String medicareFile = java.nio.file.Files.readString(properties.outbox("837").resolve(m.fileName()));
        assertThat(medicareFile).startsWith("ISA|00|").contains("|P|>~").contains("CLM|" + m.patientControlNumber()
                + "|120|||11>B>1|");
        X12ReadBack.Read read = X12ReadBack.read(properties.outbox("837").resolve(m.fileName()), schemas);
        assertThat(read.errors()).isEmpty();
        assertThat(read.all("ISA").get(0).get(15)).isEqualTo("P");
        assertThat(read.claim(m.patientControlNumber())).isNotEmpty();

        X12ReadBack.Read other = X12ReadBack.read(properties.outbox("837").resolve(a.fileName()), schemas);
        assertThat(other.errors()).isEmpty();
        assertThat(other.all("ISA").get(0).get(15)).isEqualTo("T");
        assertThat(other.claim(a.patientControlNumber())).isNotEmpty();
        assertThat(other.all("CLM")).extracting(s -> s.get(1)).doesNotContain(m.patientControlNumber());
    }
}
