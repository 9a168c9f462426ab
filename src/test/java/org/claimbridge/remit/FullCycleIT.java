package org.claimbridge.remit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.claimbridge.FixedDay;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on the real database: synthetic visits through intake, scrub, the 837, the payer simulator's 999,
 * 277CA and 835, and back: every claim sent gets its answers, statuses follow them, remittances balance, and every
 * denial is traced to the HL7 message and field behind the billed value it points at. (The sample feeds take the
 * same loop in the demo run, on a database of their own: DemoRunIT.)
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:sample-practices.properties")
@Import(FixedDay.class)
class FullCycleIT {


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
    void claimsToResponsesAndBack() throws Exception {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        List<String> visits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String visit = "FCV" + (9100 + i);
            visits.add(visit);
            feed.register("FCA" + i, visit, "Cyclist" + (char) ('A' + i) + "^Pat", "1970010" + (1 + i % 9), "60054",
                    "W77" + (1000000 + i));
            feed.charges("FCB" + i, visit, "Cyclist" + (char) ('A' + i) + "^Pat", "1970010" + (1 + i % 9),
                    List.of(ClaimTestFeed.officeVisit(visit, 1), ClaimTestFeed.officeVisit(visit, 2)
                            .replace("99213^Office visit^C4", "36415^Venipuncture^C4").replace("|120.00|", "|12.00|")));
        }
        for (String visit : visits) {
            feed.scrubbedReady(visit);
        }
        feed.runClaims();
        List<Claims.ClaimSummary> sent = new ArrayList<>();
        for (String visit : visits) {
            sent.add(claims.ofEncounter(encounter(visit)).get(0));
        }
        assertThat(sent).allSatisfy(c -> assertThat(c.status()).isEqualTo(ClaimStatus.SUBMITTED));
        List<Path> files = sent.stream().map(c -> properties.outbox("837").resolve(c.fileName())).distinct()
                .toList();

        // the payer side: the simulator's answers; of its seeds the first whose answers reject, deny and pay
        // (its draws depend on our claim numbers, which depend on what ran before in this database)
        Path inbox = null;
        for (long seed = 1; seed <= 200 && inbox == null; seed++) {
            Path tried = answer(files, seed);
            if (mix(tried)) {
                inbox = tried;
            }
        }
        assertThat(inbox).as("a simulator seed whose answers reject, deny and pay").isNotNull();
        List<Path> responses;
        try (Stream<Path> listed = Files.list(inbox)) {
            // acknowledgments before remittances, as they arrive
            responses = listed.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
        }
        for (Path response : responses) {
            X12Receipts.Receipt receipt = receipts.receive(Files.readAllBytes(response), X12Receipts.Channel.FILE,
                    response.getFileName().toString(), "full cycle");
            assertThat(receipt.status()).as(response + ": " + receipt).isIn("APPLIED");
        }

        Set<ClaimStatus> answered = EnumSet.of(ClaimStatus.REJECTED, ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID,
                ClaimStatus.DENIED);
        List<Claims.ClaimSummary> after = sent.stream().map(c -> claims.find(c.id()).orElseThrow()).toList();
        assertThat(after).allSatisfy(c -> assertThat(c.status()).as(c.patientControlNumber()).isIn(answered));
        assertThat(after).extracting(Claims.ClaimSummary::status).contains(ClaimStatus.REJECTED)
                .containsAnyOf(ClaimStatus.DENIED, ClaimStatus.PARTIALLY_PAID)
                .containsAnyOf(ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID);
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

    private static Path answer(List<Path> files, long seed) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "full-cycle-");
        PayerSimulator simulator = new PayerSimulator(PayerSimulatorProperties.defaults().withSeed(seed)
                .withRates(0.15, 0.4, 0.5), dir.resolve("state"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (Path file : files) {
            assertThat(simulator.answer(file, inbox)).isPresent();
        }
        return inbox;
    }

    /** Whether the answers hold a rejection (999 or 277CA), a denial and a payment. */
    private static boolean mix(Path inbox) throws Exception {
        boolean rejected = false;
        boolean denied = false;
        boolean paid = false;
        try (Stream<Path> listed = Files.list(inbox)) {
            for (Path file : listed.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (X12Transaction t : X12Parser.parse(Files.readAllBytes(file)).transactions()) {
                    for (X12Segment s : t.segments()) {
                        rejected |= s.is("IK5", "R") || s.tag().equals("STC") && s.component(1, 1).matches("A[3678]");
                    }
                    if (t.type().equals("835")) {
                        for (Remittance.ClaimPaid c : RemittanceReader.read(t).claims()) {
                            denied |= c.statusCode().equals("4") || c.services().stream().anyMatch(
                                    l -> l.adjustments().stream().anyMatch(a -> a.group().equals("CO")
                                            && !a.reason().equals("45") && !a.reason().equals("253")));
                            paid |= c.paid().signum() > 0;
                        }
                    }
                }
            }
        }
        return rejected && denied && paid;
    }

    private static int order(Path response) {
        String name = response.getFileName().toString();
        return name.startsWith("999") ? 0 : name.startsWith("277") ? 1 : 2;
    }

    private long encounter(String visit) {
        return jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class).single();
    }
}
