package org.claimbridge.remit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.demo.payer.PayerSimulator;
import org.claimbridge.demo.payer.PayerSimulatorProperties;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on the real database: the sample feeds and a batch of synthetic visits through intake, scrub, the
 * 837, the payer simulator's 999, 277CA and 835, and back: every claim sent gets its answers, statuses follow them,
 * remittances balance, and every denial is traced to the HL7 message and field behind the billed value it points at.
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:sample-practices.properties")
@Import(FullCycleIT.FixedDay.class)
class FullCycleIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final Path FEEDS = Path.of("sample-feeds");

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
    X12Receipts receipts;

    @Autowired
    Denials denials;

    @Autowired
    ClaimbridgeProperties properties;

    @Test
    void sampleFeedsToClaimsToResponsesAndBack() throws Exception {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        for (String file : List.of("fampract/01-quimby-registration.hl7", "fampract/02-visits-2026-11-03.hl7",
                "fampract/03-credit-and-cancel-2026-11-04.hl7")) {
            feed.feed(Files.readAllBytes(FEEDS.resolve(file)), file);
        }
        List<String> visits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String visit = "FCV" + (9100 + i);
            visits.add(visit);
            feed.register("FCA" + i, visit, "Cyclist" + (char) ('A' + i) + "^Pat", "1970010" + (1 + i % 9), "60054",
                    "W77" + (1000000 + i));
            feed.charges("FCB" + i, visit, "Cyclist" + (char) ('A' + i) + "^Pat", "1970010" + (1 + i % 9),
                    List.of(ClaimTestFeed.officeVisit(visit, 1)));
        }
        for (String visit : visits) {
            feed.scrubbedReady(visit);
        }
        feed.runClaims();
        List<Claims.ClaimSummary> sent = new ArrayList<>();
        for (String visit : visits) {
            sent.add(claims.ofEncounter(encounter(visit)).get(0));
        }
        long quimby = jdbc.sql("SELECT e.id FROM encounter e JOIN practice p ON p.id = e.practice_id"
                + " WHERE p.sending_facility = 'FAMPRAC' AND e.visit_number = 'FPV5001'").query(Long.class).single();
        sent.add(claims.ofEncounter(quimby).get(0));
        assertThat(sent).allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.WRITTEN));

        // the payer side: the simulator answers the files these claims went out in
        Path answers = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "full-cycle-");
        PayerSimulator simulator = new PayerSimulator(PayerSimulatorProperties.defaults().withSeed(7)
                .withRates(0.15, 0.4, 0.5), answers.resolve("state"));
        Path inbox = answers.resolve("inbox");
        Files.createDirectories(inbox);
        for (String file : sent.stream().map(Claims.ClaimSummary::fileName).distinct().toList()) {
            assertThat(simulator.answer(properties.outbox("837").resolve(file), inbox)).isPresent();
        }
        List<Path> responses;
        try (Stream<Path> files = Files.list(inbox)) {
            // acknowledgments before remittances, as they arrive
            responses = files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
        }
        assertThat(responses).isNotEmpty();
        for (Path response : responses) {
            X12Receipts.Receipt receipt = receipts.receive(Files.readAllBytes(response), X12Receipts.Channel.FILE,
                    response.getFileName().toString(), "full cycle");
            assertThat(receipt.status()).as(response + ": " + receipt).isIn("APPLIED");
        }

        Set<ClaimStatus> answered = EnumSet.of(ClaimStatus.REJECTED, ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID,
                ClaimStatus.DENIED);
        List<Claims.ClaimSummary> after = sent.stream().map(c -> claims.find(c.id()).orElseThrow()).toList();
        assertThat(after).allSatisfy(c -> assertThat(c.status()).as(c.patientControlNumber()).isIn(answered));
        assertThat(after).extracting(Claims.ClaimSummary::status)
                .contains(ClaimStatus.REJECTED, ClaimStatus.PAID).containsAnyOf(ClaimStatus.DENIED,
                        ClaimStatus.PARTIALLY_PAID);
        assertThat(after).filteredOn(c -> c.status() != ClaimStatus.REJECTED)
                .allSatisfy(c -> assertThat(c.payerClaimNumber()).as(c.patientControlNumber()).isNotBlank());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM remittance r JOIN x12_response x ON x.id = r.response_id"
                + " JOIN x12_file f ON f.id = x.file_id WHERE f.name LIKE '835%' AND NOT r.balanced")
                .query(Integer.class).single()).isZero();

        List<Denials.Denial> found = new ArrayList<>();
        after.forEach(c -> found.addAll(denials.ofClaim(c.id())));
        assertThat(found).isNotEmpty().allSatisfy(d -> {
            assertThat(d.carcDescription()).as(d.carc()).isNotBlank();
            if (!d.tracedTo().isEmpty()) {
                assertThat(d.tracedTo()).filteredOn(v -> v.value() != null).allSatisfy(v -> {
                    assertThat(v.source()).as(v.element()).isNotNull();
                    assertThat(v.source().messageId()).as(v.element()).isNotNull();
                    assertThat(v.source().hl7Path()).as(v.element()).isNotBlank();
                });
            }
        });
        assertThat(found).anySatisfy(d -> assertThat(d.tracedTo()).isNotEmpty());
        // rejected and denied claims are back in the coders' queue
        assertThat(after).filteredOn(c -> c.status() == ClaimStatus.REJECTED || c.status() == ClaimStatus.DENIED)
                .allSatisfy(c -> assertThat(scrubResults.state(c.encounterId()).orElseThrow().state().name())
                        .isEqualTo("FLAGGED"));
    }

    private static int order(Path response) {
        String name = response.getFileName().toString();
        return name.startsWith("999") ? 0 : name.startsWith("277") ? 1 : 2;
    }

    private long encounter(String visit) {
        return jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class).single();
    }
}
