package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Receipt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Golden test: every file of sample-feeds/ through intake, the three sample practices configured as in the demo, the
 * shipped rules and code subset, a scrub run on a fixed day: exactly these encounters are flagged, by these rules,
 * with these messages; the others are READY.
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:sample-practices.properties")
@Import(FixedDay.class)
class GoldenScrubIT {

    private static final Path FEEDS = Path.of("sample-feeds");
    private static final List<String> FILES = List.of(
            "fampract/01-quimby-registration.hl7", "fampract/02-visits-2026-11-03.hl7",
            "fampract/03-credit-and-cancel-2026-11-04.hl7", "orthogrp/01-batch-2026-11-04.hl7",
            "orthogrp/02-duplicate-and-merge-2026-11-05.hl7", "mercyop/01-lefevre-outpatient-surgery-2026-11-12.hl7",
            "bad/01-bad-messages.hl7");

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScrubJobs jobs;

    @Autowired
    ScrubResults results;

    @Test
    void theSampleFeedsScrubToExactlyTheseFindings() throws IOException {
        for (String file : FILES) {
            for (Receipt receipt : intake.receive(Files.readAllBytes(FEEDS.resolve(file)), Channel.FILE, file,
                    Instant.now()).receipts()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !"RECEIVED"
                        .equals(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(receipt.messageId())
                                .query(String.class).single()));
            }
        }
        assertThat(jobs.runAndWait("golden").status()).isEqualTo("COMPLETED");

        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.sql("""
                        SELECT e.id, p.sending_facility, e.visit_number FROM encounter e
                        JOIN practice p ON p.id = e.practice_id
                        WHERE p.sending_facility IN ('FAMPRAC', 'ORTHOGRP', 'MERCYOP')
                          AND (e.visit_number LIKE 'FPV%' OR e.visit_number LIKE 'OG%' OR e.visit_number LIKE 'MOV%')
                        ORDER BY p.sending_facility, e.visit_number""").query().listOfRows()) {
            long id = ((Number) row.get("id")).longValue();
            String key = row.get("sending_facility") + " " + row.get("visit_number");
            List<String> lines = new ArrayList<>();
            lines.add(results.state(id).map(s -> s.state().name()).orElse("NOT SCRUBBED"));
            results.findings(id, false).stream()
                    .map(f -> f.severity() + " " + f.ruleId() + " " + f.field() + ": " + f.message())
                    .sorted().forEach(lines::add);
            actual.put(key, lines);
        }
        assertThat(actual).isEqualTo(expected());
    }

    private static Map<String, List<String>> expected() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // Harold Quimby: 99214-25 with the injection (25 bypasses the pair), the panel credited back; all in order
        expected.put("FAMPRAC FPV5001", List.of(
                "READY"));
        // Lily Ortega's well-child visit, segments out of standard order, dependent on her mother's plan
        expected.put("FAMPRAC FPV5002", List.of(
                "READY"));
        // registered by mistake and cancelled (A11): cancelled encounters are not scrubbed
        expected.put("FAMPRAC FPV5003", List.of(
                "NOT SCRUBBED"));
        // Mercy: the pre-op ECG points at Z01.810, which no DG1 sends; venipuncture billed with the arthroscopy
        expected.put("MERCYOP MOV90001", List.of(
                "FLAGGED",
                "ERROR CON-DX-POINTER-UNRESOLVED charges[4].diagnosisCodes: Charge line 4 (93005): diagnoses (charges[4].diagnosisCodes) Z01.810 are not among the claim's diagnoses",
                "ERROR NCCI-PTP charges[2].modifiers: Charge line 2 (36415) is part of line 1 (29881) on 2026-11-12: NCCI pair 29881/36415 (Misuse of column two code with column one code), modifier indicator 1: billed together only with a bypass modifier on this line; modifiers (charges[2].modifiers) are none"));
        // Gerald Pike's knee MRI: his BCBS IL plan wants prior authorization for 73721, and IN1-14 is empty
        expected.put("ORTHOGRP OGV2201", List.of(
                "FLAGGED",
                "ERROR PAYER-PRIOR-AUTH charges[2].code: Charge line 2 (73721): payer 00621 (Blue Cross Blue Shield of Illinois) requires prior authorization for '73721' (payer.priorAuthCodes), and the authorization number (subscriber.authorizationNumber) is missing"));
        // the duplicate registration merged into OG7731 (A40): its visit never got a charge or a diagnosis
        expected.put("ORTHOGRP OGV2299", List.of(
                "FLAGGED",
                "ERROR REQ-CHARGE charges: The claim has no charge line (charges is empty)",
                "ERROR REQ-DIAGNOSIS diagnoses: The claim has no diagnosis (diagnoses is empty)"));
        // Dana Whitfield's BAR account: a diagnosis, no charges yet
        expected.put("ORTHOGRP OGV3301", List.of(
                "FLAGGED",
                "ERROR REQ-CHARGE charges: The claim has no charge line (charges is empty)"));
        return expected;
    }
}
