package org.claimbridge.remit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.claimbridge.system.ClaimbridgeProperties;
import org.claimbridge.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 999 and 277CA files answering claims this test had written: through the API, the drop folder and the service,
 * each transaction set applied once, bad files kept with their reasons.
 */
@IntegrationTest
@Import(FixedDay.class)
class X12ResponsesIT {


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

    @Autowired
    X12Receipts receipts;

    @Autowired
    ClaimbridgeProperties properties;

    @Autowired
    Denials denials;

    @Test
    void a999AcceptsOneClaimAndRejectsTheOtherAndA277caAcknowledgesTheAcceptedOne() throws Exception {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("RSA1", "RSV8001", "Gallagher^Rose", "19500707", "60054", "W555000111");
        feed.charges("RSA2", "RSV8001", "Gallagher^Rose", "19500707", List.of(ClaimTestFeed.officeVisit("RSV8001",
                1)));
        feed.register("RSB1", "RSV8002", "Hartley^Ned", "19550808", "60054", "W555000222");
        feed.charges("RSB2", "RSV8002", "Hartley^Ned", "19550808", List.of(ClaimTestFeed.officeVisit("RSV8002",
                1)));
        long rose = feed.scrubbedReady("RSV8001");
        long ned = feed.scrubbedReady("RSV8002");
        feed.runClaims();
        Claims.ClaimSummary accepted = claims.ofEncounter(rose).get(0);
        Claims.ClaimSummary rejected = claims.ofEncounter(ned).get(0);
        assertThat(accepted.status()).isEqualTo(ClaimStatus.SUBMITTED);

        // control numbers of this run's own, so files left in the test data folder by an earlier run do not match
        String run = String.format("%08d", System.nanoTime() % 100_000_000L);
        byte[] ack = interchange("1" + run, "FA", "901", "005010X231A1", List.of(List.of(
                "ST*999*0001*005010X231A1",
                "AK1*HC*" + accepted.gsControl() + "*005010X222A1",
                "AK2*837*" + accepted.stControl() + "*005010X222A1",
                "IK5*A",
                "AK2*837*" + rejected.stControl() + "*005010X222A1",
                "IK3*NM1*17*2010BA*8",
                "IK4*9*67*7*W555000222",
                "IK5*R*5",
                "AK9*P*2*2*1")));
        X12Receipts.Receipt receipt = receipts.receive(ack, X12Receipts.Channel.API, "999.x12", "test");

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo("APPLIED");
        assertThat(claims.find(accepted.id()).orElseThrow().status()).isEqualTo(ClaimStatus.ACCEPTED);
        Claims.ClaimSummary refused = claims.find(rejected.id()).orElseThrow();
        assertThat(refused.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(refused.statusReason()).contains("segment NM1 at position 17 in loop 2010BA")
                .contains("element 9 (67): invalid code value, value 'W555000222'");
        assertThat(scrubResults.state(ned).orElseThrow().state().name()).isEqualTo("FLAGGED");
        assertThat(scrubResults.findings(ned, false)).anySatisfy(f -> assertThat(f.ruleId())
                .isEqualTo("CLAIM-REFUSED"));
        assertThat(acknowledgments(accepted.id())).containsExactly("999 true A");

        // the same bytes again, through the API: recognised, kept, not applied
        var again = new ApiClient(port).post("/api/x12?name=999-again.x12", "application/edi-x12", ack);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(again).get("status").asString()).isEqualTo("DUPLICATE");
        // the same interchange with line breaks between the segments: its transaction set was applied already
        byte[] reformatted = new String(ack, StandardCharsets.US_ASCII).replace("~", "~\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        X12Receipts.Receipt same = receipts.receive(reformatted, X12Receipts.Channel.API, "999-lines.x12", "test");
        assertThat(same.sets()).extracting(X12Receipts.SetResult::status).containsExactly("DUPLICATE");
        assertThat(acknowledgments(accepted.id())).hasSize(1);

        // the 277CA, dropped into the inbox: acknowledged, with the payer's claim control number
        Path inbox = properties.inbox("x12");
        Files.createDirectories(inbox);
        String name = "277ca-" + accepted.patientControlNumber() + "-" + System.nanoTime() + ".x12";
        Files.write(inbox.resolve(name), interchange("2" + run, "HN", "902", "005010X214",
                List.of(claimAcknowledgment(accepted.patientControlNumber(), "A2:20:PR", "MCR26112700001"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done").resolve(name))
                || Files.exists(inbox.resolve("error").resolve(name)));
        assertThat(inbox.resolve("done").resolve(name)).exists();
        Claims.ClaimSummary acknowledged = claims.find(accepted.id()).orElseThrow();
        assertThat(acknowledged.status()).isEqualTo(ClaimStatus.ACKNOWLEDGED);
        assertThat(acknowledged.payerClaimNumber()).isEqualTo("MCR26112700001");
        assertThat(claims.transitions(accepted.id())).extracting(Claims.Transition::to)
                .containsExactly("CREATED", "SUBMITTED", "ACCEPTED", "ACKNOWLEDGED");
        assertThat(acknowledgments(accepted.id())).containsExactly("999 true A", "277CA true A2:20:PR");
        assertThat(jdbc.sql("SELECT detail FROM claim_acknowledgment WHERE claim_id = ? AND kind = '277CA'")
                .param(accepted.id()).query(String.class).single())
                .isEqualTo("line 1 (HC:99213, " + accepted.patientControlNumber() + "-1): A2:20:PR");

        // a manager decides on the rejected one: not without a reason, not an appeal of a rejection
        var api = new ApiClient(port);
        var noReason = api.post("/api/claims/" + rejected.id() + "/status", "application/json",
                "{\"status\": \"WRITTEN_OFF\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(noReason.statusCode()).isEqualTo(409);
        var appeal = api.post("/api/claims/" + rejected.id() + "/status", "application/json",
                "{\"status\": \"APPEALED\", \"reason\": \"try\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(appeal.statusCode()).isEqualTo(409);
        assertThat(ApiClient.text(appeal)).contains("only when it is [DENIED, PARTIALLY_PAID]");
        var writeOff = api.post("/api/claims/" + rejected.id() + "/status", "application/json",
                "{\"status\": \"WRITTEN_OFF\", \"reason\": \"patient moved away, small balance\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(writeOff.statusCode()).as(ApiClient.text(writeOff)).isEqualTo(200);
        assertThat(claims.find(rejected.id()).orElseThrow().status()).isEqualTo(ClaimStatus.WRITTEN_OFF);
        assertThat(claims.transitions(rejected.id())).last().satisfies(t -> {
            assertThat(t.actor()).isEqualTo("user tester");
            assertThat(t.reason()).isEqualTo("patient moved away, small balance");
        });
    }

    @Test
    void an835PaysPartlyDeniesALineAndTracesTheDenialToTheMessageThatSetTheMemberId() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("RSC1", "RSV8003", "Ivers^Paul", "19600101", "60054", "W000111222");
        // the front desk re-registers the visit with a new member id: this message is the one the claim billed
        feed.register("RSC2", "RSV8003", "Ivers^Paul", "19600101", "60054", "W000111333");
        feed.charges("RSC3", "RSV8003", "Ivers^Paul", "19600101", List.of(ClaimTestFeed.officeVisit("RSV8003", 1),
                "FT1|2|RSV8003-2||20261120|20261120|CG|VENI^Venipuncture^CDM|Venipuncture||1|12.00|||||11|||"
                        + "I10^Essential hypertension^I10|" + ClaimTestFeed.OKAFOR + "|" + ClaimTestFeed.OKAFOR
                        + "||||36415^Venipuncture^C4|"));
        long encounter = feed.scrubbedReady("RSV8003");
        feed.runClaims();
        Claims.ClaimSummary claim = claims.ofEncounter(encounter).get(0);
        String pcn = claim.patientControlNumber();
        String run = String.format("%08d", System.nanoTime() % 100_000_000L);

        byte[] remittance = interchange("3" + run, "HP", "903", "005010X221A1", List.of(List.of(
                "ST*835*0001*005010X221A1",
                "BPR*I*118*C*CHK************20261201",
                "TRN*1*CHK" + run + "*1512345678",
                "DTM*405*20261201",
                "N1*PR*AETNA",
                "N3*PO BOX 14079",
                "N4*LEXINGTON*KY*40512",
                "REF*2U*60054",
                "PER*BL*PROVIDER SERVICES*TE*8005551234",
                "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893",
                "LX*1",
                "CLP*" + pcn + "*1*132*66*10*12*PAY" + run,
                "NM1*QC*1*IVERS*PAUL****MI*W000111333",
                "SVC*HC:99213*120*66**1",
                "DTM*472*20261120",
                "CAS*CO*45*44",
                "CAS*PR*2*10",
                "REF*6R*" + pcn + "-1",
                "SVC*HC:36415*12*0**1",
                "DTM*472*20261120",
                "CAS*CO*31*12",
                "REF*6R*" + pcn + "-2",
                "LQ*HE*N382",
                "CLP*NOT-OURS-" + run + "*1*50*50**12*PAYX" + run,
                "NM1*QC*1*NOBODY*KNOWN****MI*X1",
                "PLB*1234567893*20261231*L6:INT01*-2")));
        X12Receipts.Receipt receipt = receipts.receive(remittance, X12Receipts.Channel.API, "835.x12", "test");

        assertThat(receipt.status()).as(receipt.toString()).isEqualTo("APPLIED");
        assertThat(receipt.sets().get(0).summary()).contains("(balances)").contains("1 unmatched");
        Claims.ClaimSummary paid = claims.find(claim.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(ClaimStatus.PARTIALLY_PAID);
        assertThat(paid.payerClaimNumber()).isEqualTo("PAY" + run);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM claim_payment WHERE claim_id IS NULL AND patient_control_number = ?")
                .param("NOT-OURS-" + run).query(Integer.class).single()).isEqualTo(1);

        List<Denials.Denial> found = denials.ofClaim(claim.id());
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.carc()).isEqualTo("31");
            assertThat(d.carcDescription()).isEqualTo("Patient cannot be identified as our insured");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.rarcs()).isEqualTo("N382");
            assertThat(d.amount()).isEqualByComparingTo("12.00");
            assertThat(d.category()).isEqualTo("registration-eligibility");
            var memberId = d.tracedTo().stream().filter(v -> v.element().equals("2010BA NM109 subscriber id"))
                    .findFirst().orElseThrow();
            assertThat(memberId.value()).isEqualTo("W000111333");
            assertThat(memberId.source().hl7Path()).isEqualTo("IN1(1)-36");
            assertThat(memberId.source().messageId()).isEqualTo(jdbc.sql(
                    "SELECT id FROM hl7_message WHERE control_id = 'RSC2'").query(Long.class).single());
        });
        var api = new ApiClient(port);
        var traced = ApiClient.json(api.get("/api/claims/" + claim.id() + "/denials"));
        assertThat(traced.get(0).get("tracedTo").findValuesAsString("hl7Path")).contains("IN1(1)-36");
        var unmatched = ApiClient.json(api.get("/api/remittances/unmatched"));
        assertThat(unmatched.findValuesAsString("patientControlNumber")).contains("NOT-OURS-" + run);
        assertThat(ApiClient.json(api.get("/api/claims/" + claim.id() + "/payments")).get(0).get("adjustments")
                .toString()).contains("CO-31 12.00 (line 2)");
        assertThat(scrubResults.findings(encounter, false)).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CLAIM-DENIED");
            assertThat(f.message()).contains("CO-31");
        });

        // the payer takes the payment back and pays again: the reversal reopens the claim, the new payment settles it
        byte[] corrected = interchange("4" + run, "HP", "904", "005010X221A1", List.of(List.of(
                "ST*835*0001*005010X221A1",
                "BPR*I*12*C*CHK************20261215",
                "TRN*1*CHKR" + run + "*1512345678",
                "N1*PR*AETNA",
                "N3*PO BOX 14079",
                "N4*LEXINGTON*KY*40512",
                "PER*BL*PROVIDER SERVICES*TE*8005551234",
                "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893",
                "LX*1",
                "CLP*" + pcn + "*22*-132*-66*-10*12*PAY" + run,
                "CAS*CO*45*-44",
                "CAS*PR*2*-10",
                "CAS*CO*31*-12",
                "NM1*QC*1*IVERS*PAUL****MI*W000111333",
                "CLP*" + pcn + "*1*132*78*10*12*PAY" + run,
                "CAS*CO*45*44",
                "CAS*PR*2*10",
                "NM1*QC*1*IVERS*PAUL****MI*W000111333")));
        X12Receipts.Receipt second = receipts.receive(corrected, X12Receipts.Channel.API, "835-2.x12", "test");
        assertThat(second.sets().get(0).summary()).contains("payment reversed").contains(pcn + " paid")
                .contains("(balances)");
        assertThat(claims.find(claim.id()).orElseThrow().status()).isEqualTo(ClaimStatus.PAID);
        assertThat(claims.transitions(claim.id())).extracting(Claims.Transition::to)
                .containsSubsequence("SUBMITTED", "PARTIALLY_PAID", "ACKNOWLEDGED", "PAID");
        // paid in full after all: the denial no longer holds the encounter in the coders' queue
        assertThat(scrubResults.findings(encounter, false)).noneSatisfy(f -> assertThat(f.ruleId())
                .isEqualTo("CLAIM-DENIED"));
        assertThat(scrubResults.state(encounter).orElseThrow().state().name()).isEqualTo("READY");

        // the practice fixes the member id: the corrected visit goes out as a replacement of what the payer holds
        feed.register("RSC4", "RSV8003", "Ivers^Paul", "19600101", "60054", "W000111444");
        feed.scrubbedReady("RSV8003");
        feed.runClaims();
        Claims.ClaimSummary replacement = claims.ofEncounter(encounter).get(1);
        assertThat(replacement.frequency()).isEqualTo("7");
        assertThat(replacement.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(replacement.replacesClaimId()).isEqualTo(claim.id());
        assertThat(replacement.subscriberId()).isEqualTo("W000111444");
        assertThat(claims.document(replacement.id()).orElseThrow().payerClaimNumber()).isEqualTo("PAY" + run);
        Claims.ClaimSummary original = claims.find(claim.id()).orElseThrow();
        assertThat(original.status()).isEqualTo(ClaimStatus.CORRECTED);
        assertThat(original.statusReason()).isEqualTo("replaced by " + replacement.patientControlNumber());
    }

    @Test
    void aClaimWithoutItsAnswersIsListedAtRiskWithItsTimelyFilingDeadline() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        feed.register("RSD1", "RSV8004", "Jensen^Olga", "19580303", "60054", "W000222444");
        feed.charges("RSD2", "RSV8004", "Jensen^Olga", "19580303", List.of(ClaimTestFeed.officeVisit("RSV8004", 1)));
        long encounter = feed.scrubbedReady("RSV8004");
        feed.runClaims();
        Claims.ClaimSummary claim = claims.ofEncounter(encounter).get(0);
        // written two days before the test's day, and nothing came back since
        jdbc.sql("UPDATE claim SET written_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.of(2026, 11, 23, 12, 0), claim.id()).update();

        var listed = ApiClient.json(new ApiClient(port).get("/api/claims/at-risk?size=1000"));
        tools.jackson.databind.JsonNode mine = null;
        for (var risk : listed) {
            if (risk.get("claimId").asLong() == claim.id()) {
                mine = risk;
            }
        }
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.get("waitingFor").asString()).isEqualTo("999");
        assertThat(mine.get("hoursWaiting").asLong()).isEqualTo(48);
        // Aetna's profile: 120 days from the 2026-11-20 service date
        assertThat(mine.get("deadline").asString()).isEqualTo("2027-03-20");
        assertThat(mine.get("daysLeft").asLong()).isEqualTo(115);
    }

    @Test
    void theSameDenialAgainAndAgainProposesAScrubRuleWithItsDryRun() {
        ClaimTestFeed feed = new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
        String run = String.format("%08d", System.nanoTime() % 100_000_000L);
        List<String> segments = new ArrayList<>(List.of(
                "ST*835*0001*005010X221A1",
                "BPR*H*0*C*NON************20261201",
                "TRN*1*NOPAY" + run + "*1512345678",
                "N1*PR*AETNA",
                "N3*PO BOX 14079",
                "N4*LEXINGTON*KY*40512",
                "REF*2U*60054",
                "PER*BL*PROVIDER SERVICES*TE*8005551234",
                "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893",
                "LX*1"));
        for (int i = 0; i < 3; i++) {
            String visit = "RSP" + (8100 + i);
            feed.register("RSP" + i + "A", visit, "Kowalski^Ann" + (char) ('A' + i), "19620404", "60054",
                    "W0003330" + i);
            feed.charges("RSP" + i + "B", visit, "Kowalski^Ann" + (char) ('A' + i), "19620404",
                    List.of(ClaimTestFeed.officeVisit(visit, 1).replace("99213^Office visit^C4", "99215^Office visit^C4")));
            long encounter = feed.scrubbedReady(visit);
            feed.runClaims();
            String pcn = claims.ofEncounter(encounter).get(0).patientControlNumber();
            segments.addAll(List.of(
                    "CLP*" + pcn + "*4*120*0*0*12*AUTH" + run + i,
                    "NM1*QC*1*KOWALSKI*ANN****MI*W0003330" + i,
                    "SVC*HC:99215*120*0**1",
                    "DTM*472*20261120",
                    "CAS*CO*197*120",
                    "REF*6R*" + pcn + "-1"));
        }
        X12Receipts.Receipt receipt = receipts.receive(interchange("5" + run, "HP", "905", "005010X221A1",
                List.of(segments)), X12Receipts.Channel.API, "835-auth.x12", "test");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo("APPLIED");

        var proposals = ApiClient.json(new ApiClient(port).get("/api/rule-proposals"));
        tools.jackson.databind.JsonNode proposal = null;
        for (var p : proposals) {
            if (p.get("carc").asString().equals("197") && p.get("procedureCode").asString().equals("99215")) {
                proposal = p;
            }
        }
        assertThat(proposal).as(proposals.toString()).isNotNull();
        assertThat(proposal.get("denials").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(proposal.get("yaml").asString()).contains("id: PROPOSED-60054-197-99215")
                .contains("#blank(subscriber?.authorizationNumber)").contains("severity: warning");
        // the dry run flags the three encounters it was learned from: none had an authorization number
        var impact = proposal.get("impact").get("rules").get(0);
        assertThat(impact.get("flagged").asInt()).isGreaterThanOrEqualTo(3);
        // a proposal is never applied: the active rules know nothing of it
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scrub_finding WHERE rule_id LIKE 'PROPOSED-%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void badFilesAreKeptWithAClearErrorAndDoNotStopTheOtherSets() {
        byte[] unknown = interchange("000000903", "IN", "903", "004010", List.of(List.of(
                "ST*810*0001", "BIG*20261125*INV1")));
        X12Receipts.Receipt invoice = receipts.receive(unknown, X12Receipts.Channel.API, "810.x12", "test");
        assertThat(invoice.status()).isEqualTo("FAILED");
        assertThat(invoice.sets()).singleElement().satisfies(s -> assertThat(s.summary())
                .contains("transaction set 810 is not one claimbridge reads"));

        String whole = new String(interchange("000000904", "FA", "904", "005010X231A1", List.of(List.of(
                "ST*999*0001*005010X231A1", "AK1*HC*999999*005010X222A1", "AK9*A*0*0*0"))),
                StandardCharsets.US_ASCII);
        byte[] cut = whole.substring(0, whole.indexOf("~GE*") + 1).getBytes(StandardCharsets.US_ASCII);
        X12Receipts.Receipt truncated = receipts.receive(cut, X12Receipts.Channel.API, "cut.x12", "test");
        assertThat(truncated.status()).isEqualTo("PARTIAL");
        assertThat(truncated.errors()).anySatisfy(e -> assertThat(e).contains("cut short"));
        assertThat(jdbc.sql("SELECT status FROM x12_file WHERE id = ?").param(truncated.fileId()).query(String.class)
                .single()).isEqualTo("PARTIAL");

        var empty = new ApiClient(port).post("/api/x12", "application/edi-x12", "not x12 at all".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(ApiClient.text(empty)).contains("FAILED");
    }

    private List<String> acknowledgments(long claimId) {
        return jdbc.sql("SELECT CONCAT_WS(' ', kind, IF(accepted, 'true', 'false'), codes) FROM claim_acknowledgment"
                + " WHERE claim_id = ? ORDER BY id").param(claimId).query(String.class).list();
    }

    private static List<String> claimAcknowledgment(String pcn, String status, String payerClaimNumber) {
        return List.of(
                "ST*277*0001*005010X214",
                "BHT*0085*08*277CA0001*20261127*0900*TH",
                "HL*1**20*1",
                "NM1*PR*2*AETNA*****PI*60054",
                "TRN*1*0001",
                "DTP*050*D8*20261127",
                "DTP*009*D8*20261127",
                "HL*2*1*21*1",
                "NM1*41*2*CLAIMBRIDGE BILLING*****46*CLAIMBRIDGE",
                "TRN*2*BATCH1",
                "STC*A1:19:PR*20261127*WQ*120",
                "HL*3*2*19*1",
                "NM1*85*2*MAPLE FAMILY PRACTICE*****XX*1234567893",
                "TRN*1*0",
                "STC*A1:19:PR**WQ*120",
                "HL*4*3*PT",
                "NM1*QC*1*GALLAGHER*ROSE****MI*W555000111",
                "TRN*2*" + pcn,
                "STC*" + status + "*20261127*WQ*120",
                "REF*1K*" + payerClaimNumber,
                "DTP*472*RD8*20261120-20261120",
                "SVC*HC:99213*120",
                "STC*A2:20:PR*20261127*WQ",
                "REF*FJ*" + pcn + "-1",
                "DTP*472*D8*20261120");
    }

    /** An interchange from the clearinghouse to us, with the SE, GE and IEA counts filled in. */
    static byte[] interchange(String isa, String functionalId, String gs, String version,
                              List<List<String>> transactionSets) {
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*030240928      *ZZ*CLAIMBRIDGE    *261126*0900*^*00501*"
                + isa + "*0*T*:");
        segments.add("GS*" + functionalId + "*030240928*CLAIMBRIDGE*20261126*0900*" + gs + "*X*" + version);
        for (List<String> set : transactionSets) {
            segments.addAll(set);
            String st = set.get(0).split("\\*")[2];
            segments.add("SE*" + (set.size() + 1) + "*" + st);
        }
        segments.add("GE*" + transactionSets.size() + "*" + gs);
        segments.add("IEA*1*" + isa);
        return (String.join("~", segments) + "~").getBytes(StandardCharsets.US_ASCII);
    }
}
