package org.claimbridge.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.remit.X12Receipts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims for the denial report tests, through the real pipeline: FAMPRAC visits registered and charged over HL7,
 * scrubbed, billed in an 837, then answered by 835s received as files are, for two payers only this fixture uses
 * (so that the other tests' remittances in the same database do not change their lines of the report):
 * <ul>
 *   <li>payer A: one claim paid (CO-45 and PR-2 only), one denied whole (CO-31), one paid in part with a line
 *   denied for medical necessity (CO-50);</li>
 *   <li>payer B: one claim denied whole (CO-16).</li>
 * </ul>
 * What each 835 denied is kept in {@link Outcome}, so that the tests work their expected figures out from it.
 */
final class DeniedClaimsFixture {

    /** One claim as the 835 answered it. */
    record Outcome(String payerId, long claimId, String pcn, BigDecimal billed, BigDecimal denied, String reason) {
        boolean isDenied() {
            return denied.signum() > 0;
        }
    }

    final String payerA;
    final String payerB;
    final List<Outcome> outcomes = new ArrayList<>();

    private final ClaimTestFeed feed;
    private final Claims claims;
    private final X12Receipts receipts;
    private final String run;

    DeniedClaimsFixture(ClaimTestFeed feed, Claims claims, X12Receipts receipts, String prefix) {
        this.feed = feed;
        this.claims = claims;
        this.receipts = receipts;
        long nano = System.nanoTime();
        this.run = prefix + String.format("%05d", nano % 100_000L);
        this.payerA = "7" + String.format("%04d", nano % 10_000L);
        this.payerB = "8" + String.format("%04d", nano % 10_000L);
    }

    DeniedClaimsFixture build() {
        String[] visits = {run + "V1", run + "V2", run + "V3", run + "V4"};
        String[] payers = {payerA, payerA, payerA, payerB};
        String[] names = {"Halvorsen^Ingrid", "Mbeki^Thabo", "Castillo^Rosa", "Nakamura^Ken"};
        for (int i = 0; i < visits.length; i++) {
            String birth = "1960010" + (i + 1);
            feed.register(run + "R" + i, visits[i], names[i], birth, payers[i], "W" + run.replaceAll("\\D", "") + i);
            feed.charges(run + "C" + i, visits[i], names[i], birth, List.of(ClaimTestFeed.officeVisit(visits[i], 1)));
        }
        List<Long> encounters = new ArrayList<>();
        for (String visit : visits) {
            encounters.add(feed.scrubbedReady(visit));
        }
        feed.runClaims();
        List<Claims.ClaimSummary> built = encounters.stream().map(e -> claims.ofEncounter(e).get(0)).toList();
        built.forEach(c -> assertThat(c.totalCharge()).isEqualByComparingTo("120.00"));

        Claims.ClaimSummary paid = built.get(0);
        Claims.ClaimSummary deniedWhole = built.get(1);
        Claims.ClaimSummary deniedLine = built.get(2);
        Claims.ClaimSummary otherPayer = built.get(3);
        receive("1", payerA, "92", List.of(
                "CLP*" + paid.patientControlNumber() + "*1*120*66*10*12*P1" + run,
                "NM1*QC*1*HALVORSEN*INGRID****MI*W1",
                "SVC*HC:99213*120*66**1",
                "DTM*472*20261120",
                "CAS*CO*45*44",
                "CAS*PR*2*10",
                "REF*6R*" + paid.patientControlNumber() + "-1",
                "CLP*" + deniedWhole.patientControlNumber() + "*4*120*0*0*12*P2" + run,
                "CAS*CO*31*120",
                "NM1*QC*1*MBEKI*THABO****MI*W2",
                "CLP*" + deniedLine.patientControlNumber() + "*1*120*26*10*12*P3" + run,
                "NM1*QC*1*CASTILLO*ROSA****MI*W3",
                "SVC*HC:99213*120*26**1",
                "DTM*472*20261120",
                "CAS*CO*45*44",
                "CAS*PR*2*10",
                "CAS*CO*50*40",
                "REF*6R*" + deniedLine.patientControlNumber() + "-1",
                "LQ*HE*N115"));
        receive("2", payerB, "0", List.of(
                "CLP*" + otherPayer.patientControlNumber() + "*4*120*0*0*12*P4" + run,
                "CAS*CO*16*120",
                "NM1*QC*1*NAKAMURA*KEN****MI*W4"));
        outcomes.add(new Outcome(payerA, paid.id(), paid.patientControlNumber(), new BigDecimal("120.00"),
                BigDecimal.ZERO, null));
        outcomes.add(new Outcome(payerA, deniedWhole.id(), deniedWhole.patientControlNumber(),
                new BigDecimal("120.00"), new BigDecimal("120.00"), "CO-31"));
        outcomes.add(new Outcome(payerA, deniedLine.id(), deniedLine.patientControlNumber(),
                new BigDecimal("120.00"), new BigDecimal("40.00"), "CO-50"));
        outcomes.add(new Outcome(payerB, otherPayer.id(), otherPayer.patientControlNumber(), new BigDecimal("120.00"),
                new BigDecimal("120.00"), "CO-16"));
        return this;
    }

    List<Outcome> of(String payerId) {
        return outcomes.stream().filter(o -> o.payerId().equals(payerId)).toList();
    }

    /** This fixture's run tag, in its visits and payer claim numbers (P1 to P4 + run). */
    String run() {
        return run;
    }

    /** Receives one more 835 from a payer, built like the fixture's own, and checks it was applied. */
    void receive(String n, String payerId, String payment, List<String> claimSegments) {
        String isa = String.format("%09d", (System.nanoTime() + Long.parseLong(n)) % 1_000_000_000L);
        String gs = n + run.replaceAll("\\D", "");
        List<String> segments = new ArrayList<>(List.of(
                "ISA*00*          *00*          *ZZ*030240928      *ZZ*CLAIMBRIDGE    *261126*0900*^*00501*" + isa
                        + "*0*T*:",
                "GS*HP*030240928*CLAIMBRIDGE*20261126*0900*" + gs + "*X*005010X221A1",
                "ST*835*0001*005010X221A1",
                (payment.equals("0") ? "BPR*H*0*C*NON" : "BPR*I*" + payment + "*C*CHK") + "************20261201",
                "TRN*1*EFT" + n + run + "*1512345678",
                "N1*PR*PAYER " + payerId,
                "N3*PO BOX 1",
                "N4*INDIANAPOLIS*IN*46206",
                "REF*2U*" + payerId,
                "PER*BL*PROVIDER SERVICES*TE*8005551234",
                "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893",
                "LX*1"));
        segments.addAll(claimSegments);
        segments.add("SE*" + (segments.size() - 1) + "*0001");
        segments.add("GE*1*" + gs);
        segments.add("IEA*1*" + isa);
        byte[] file = (String.join("~", segments) + "~").getBytes(StandardCharsets.US_ASCII);
        X12Receipts.Receipt receipt = receipts.receive(file, X12Receipts.Channel.API, "835-" + run + "-" + n + ".x12",
                "test");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo("APPLIED");
    }
}
