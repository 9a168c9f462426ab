package org.claimbridge.demo.payer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PayerSimulatorTest {

    @TempDir
    Path dir;

    private static final PayerSimulatorProperties BUSY = PayerSimulatorProperties.defaults()
            .withRates(0.3, 0.3, 0.5);

    @Test
    void answersEachTransactionSetInThe999AndTheAcceptedClaimsIn277caAnd835() throws Exception {
        List<TestSubmissions.Claim> claims = TestSubmissions.claims(24);
        Path outbox = outbox("AVAILITY-000000123.837",
                TestSubmissions.professional("000000123", TestSubmissions.STANDARD, claims));

        List<PayerSimulator.Answer> answers = new PayerSimulator(BUSY, dir.resolve("state"))
                .simulate(outbox, inbox());

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).responses()).extracting(p -> p.getFileName().toString()).containsExactly(
                "999-000000123.x12", "277ca-000000123.x12", "835-00621-000000123.x12",
                "835-06102-000000123.x12", "835-60054-000000123.x12");
        assertThat(Files.list(inbox()).map(p -> p.getFileName().toString()))
                .allMatch(name -> !name.startsWith("."));

        // 999: one AK2 per ST, in order, each accepted or rejected with its error
        X12Segments.Read ack = read("999-000000123.x12");
        assertThat(ack.all("AK1")).singleElement().satisfies(ak1 -> {
            assertThat(ak1.get(1)).isEqualTo("HC");
            assertThat(ak1.get(2)).isEqualTo("123");
            assertThat(ak1.get(3)).isEqualTo("005010X222A1");
        });
        assertThat(ack.all("AK2")).extracting(s -> s.get(2)).containsExactlyElementsOf(stControls(24));
        Map<String, String> setVerdicts = setVerdicts(ack);
        List<String> rejectedSets = setVerdicts.entrySet().stream().filter(e -> e.getValue().equals("R"))
                .map(Map.Entry::getKey).toList();
        assertThat(rejectedSets).isNotEmpty().hasSizeLessThan(24);
        assertThat(ack.all("IK5")).filteredOn(s -> s.get(1).equals("R")).allMatch(s -> s.get(2).equals("5"));
        assertThat(ack.all("IK3")).hasSize(rejectedSets.size()).allSatisfy(ik3 -> {
            assertThat(ik3.get(1)).isIn("NM1", "SBR", "HI", "SV1");
            assertThat(ik3.get(3)).isIn("2010BA", "2000B", "2300", "2400");
            assertThat(ik3.get(4)).isEqualTo("8");
        });
        assertThat(ack.all("IK4")).hasSize(rejectedSets.size());
        assertThat(ack.all("CTX")).extracting(s -> s.get(1)).allMatch(ctx -> ctx.startsWith("CLM01:"));
        assertThat(ack.all("AK9")).singleElement().satisfies(ak9 -> {
            assertThat(ak9.get(1)).isEqualTo("P");
            assertThat(ak9.get(2)).isEqualTo("24");
            assertThat(ak9.get(3)).isEqualTo("24");
            assertThat(ak9.get(4)).isEqualTo(String.valueOf(24 - rejectedSets.size()));
        });
        assertEnvelope(ack, "900000123", "FA", "005010X231A1");

        // 277CA: the claims of the accepted sets, each with its CLM01, some rejected
        List<String> acceptedPcns = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (setVerdicts.get(stControls(24).get(i)).equals("A")) {
                acceptedPcns.add(claims.get(i).pcn());
            }
        }
        X12Segments.Read claimAck = read("277ca-000000123.x12");
        assertEnvelope(claimAck, "901000123", "HN", "005010X214");
        Map<String, ClaimStatus> statuses = claimStatuses(claimAck);
        assertThat(statuses.keySet()).containsExactlyElementsOf(acceptedPcns);
        assertThat(statuses.values()).filteredOn(s -> !s.accepted()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.payerClaimNumber()).isNull());
        assertThat(statuses.values()).filteredOn(ClaimStatus::accepted).isNotEmpty()
                .allSatisfy(s -> assertThat(s.payerClaimNumber()).matches("26329\\d{8}"));

        // 835s: every claim the 277CA accepted, once, under its payer, with the 277CA's payer claim number
        Map<String, String> paidClaims = new LinkedHashMap<>();
        for (String payer : List.of("00621", "06102", "60054")) {
            X12Segments.Read remittance = read("835-" + payer + "-000000123.x12");
            assertEnvelope(remittance, null, "HP", "005010X221A1");
            assertThat(remittance.all("REF")).filteredOn(s -> s.get(1).equals("2U")).extracting(s -> s.get(2))
                    .containsOnly(payer);
            assertBalanced(remittance);
            remittance.all("CLP").forEach(clp -> paidClaims.put(clp.get(1), clp.get(7)));
            assertThat(remittance.all("SVC")).isNotEmpty();
        }
        Map<String, String> acceptedByTheClaimAcknowledgment = statuses.entrySet().stream()
                .filter(e -> e.getValue().accepted()).collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().payerClaimNumber()));
        assertThat(paidClaims).isEqualTo(acceptedByTheClaimAcknowledgment);
    }

    @Test
    void everyServiceLineIsEchoedWithItsLineControlNumberAndEveryDenialCarriesItsCarc() throws Exception {
        Path outbox = outbox("AVAILITY-000000124.837",
                TestSubmissions.professional("000000124", TestSubmissions.STANDARD, TestSubmissions.claims(30)));
        new PayerSimulator(BUSY, dir.resolve("state")).simulate(outbox, inbox());

        Set<String> carcs = new HashSet<>();
        for (Path file : responses("835-")) {
            X12Segments.Read remittance = X12Segments.read(file);
            for (List<X12Segments.Segment> claim : claims(remittance)) {
                String pcn = claim.get(0).get(1);
                List<String> lineControls = claim.stream().filter(s -> s.tag().equals("REF")
                        && s.get(1).equals("6R")).map(s -> s.get(2)).toList();
                assertThat(lineControls).isNotEmpty().allMatch(c -> c.startsWith(pcn + "-"));
                claim.stream().filter(s -> s.tag().equals("CAS")).forEach(cas -> carcs.add(cas.get(2)));
                if (claim.get(0).get(2).equals("4")) {
                    assertThat(claim.get(0).amount(4)).isZero();
                }
            }
        }
        assertThat(carcs).contains("45", "2").containsAnyElementsOf(
                PayerSimulatorProperties.DEFAULT_CARC_MIX.keySet());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherMix() throws Exception {
        String text = TestSubmissions.professional("000000125", TestSubmissions.STANDARD,
                TestSubmissions.claims(24));
        Map<String, byte[]> first = run("first", BUSY, text);
        Map<String, byte[]> again = run("again", BUSY, text);
        Map<String, byte[]> otherSeed = run("other", BUSY.withSeed(7), text);

        assertThat(first.keySet()).isEqualTo(again.keySet());
        first.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
        assertThat(outcomes(otherSeed)).isNotEqualTo(outcomes(first));
    }

    @Test
    void an837AnsweredOnceIsNotAnsweredAgain() throws Exception {
        Path outbox = outbox("AVAILITY-000000126.837",
                TestSubmissions.professional("000000126", TestSubmissions.STANDARD, TestSubmissions.claims(3)));
        PayerSimulator simulator = new PayerSimulator(BUSY, dir.resolve("state"));
        assertThat(simulator.simulate(outbox, inbox())).hasSize(1);
        try (var files = Files.list(inbox())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        assertThat(simulator.simulate(outbox, inbox())).isEmpty();
        assertThat(new PayerSimulator(BUSY, dir.resolve("state")).simulate(outbox, inbox())).isEmpty();
        assertThat(Files.list(inbox())).isEmpty();

        Files.writeString(outbox.resolve("AVAILITY-000000127.837"),
                TestSubmissions.professional("000000127", TestSubmissions.STANDARD, TestSubmissions.claims(2)));
        Files.writeString(outbox.resolve(".AVAILITY-000000128.837.part"), "half a file");
        assertThat(simulator.simulate(outbox, inbox())).extracting(a -> a.submission().getFileName().toString())
                .containsExactly("AVAILITY-000000127.837");
    }

    @Test
    void anInterchangeThatDoesNotAddUpIsNotAnsweredAndNotTriedAgain() throws Exception {
        String text = TestSubmissions.professional("000000132", TestSubmissions.STANDARD, TestSubmissions.claims(2))
                .replace("IEA*1*000000132", "IEA*1*000000133");
        Path outbox = outbox("AVAILITY-000000132.837", text);
        PayerSimulator simulator = new PayerSimulator(BUSY, dir.resolve("state"));

        assertThat(simulator.simulate(outbox, inbox())).isEmpty();
        assertThat(inbox()).doesNotExist();
        assertThat(Files.readString(dir.resolve("state/answered/AVAILITY-000000132.837")))
                .startsWith("not answered: AVAILITY-000000132.837 has an envelope in error");
        assertThat(simulator.simulate(outbox, inbox())).isEmpty();
    }

    @Test
    void withoutRejectionsOrDenialsEveryClaimIsAcceptedAndPaid() throws Exception {
        PayerSimulatorProperties none = PayerSimulatorProperties.defaults().withRates(0, 0, 0);
        List<TestSubmissions.Claim> claims = TestSubmissions.claims(12);
        Path outbox = outbox("AVAILITY-000000129.837",
                TestSubmissions.professional("000000129", TestSubmissions.STANDARD, claims));
        new PayerSimulator(none, dir.resolve("state")).simulate(outbox, inbox());

        X12Segments.Read ack = read("999-000000129.x12");
        assertThat(ack.all("IK5")).hasSize(12).allMatch(s -> s.get(1).equals("A"));
        assertThat(ack.all("AK9").get(0).get(1)).isEqualTo("A");
        Map<String, ClaimStatus> statuses = claimStatuses(read("277ca-000000129.x12"));
        assertThat(statuses).hasSize(12);
        assertThat(statuses.values()).allMatch(ClaimStatus::accepted);
        List<X12Segments.Segment> clps = new ArrayList<>();
        for (Path file : responses("835-")) {
            X12Segments.Read remittance = X12Segments.read(file);
            assertBalanced(remittance);
            assertThat(remittance.all("PLB")).isEmpty();
            assertThat(remittance.all("BPR")).allMatch(s -> s.get(1).equals("I"));
            clps.addAll(remittance.all("CLP"));
            assertThat(remittance.all("CAS")).extracting(s -> s.get(2)).doesNotContainAnyElementsOf(
                    PayerSimulatorProperties.DEFAULT_CARC_MIX.keySet());
        }
        assertThat(clps).extracting(s -> s.get(1)).containsExactlyInAnyOrderElementsOf(
                claims.stream().map(TestSubmissions.Claim::pcn).toList());
        assertThat(clps).allSatisfy(clp -> {
            assertThat(clp.get(2)).isEqualTo("1");
            assertThat(clp.amount(4)).isPositive();
        });
        // Medicare (MB) and commercial (CI, BL) claims, as the 835 guide names them
        assertThat(clps).extracting(s -> s.get(6)).containsOnly("MB", "12");
    }

    @Test
    void aDenialRateOfOneDeniesEveryClaimWithACarcFromTheMix() throws Exception {
        PayerSimulatorProperties denyAll = PayerSimulatorProperties.defaults().withRates(0, 1, 0)
                .withCarcMix(Map.of("50", 1, "97", 2, "31", 1));
        List<TestSubmissions.Claim> claims = TestSubmissions.claims(15);
        Path outbox = outbox("AVAILITY-000000130.837",
                TestSubmissions.professional("000000130", TestSubmissions.STANDARD, claims));
        new PayerSimulator(denyAll, dir.resolve("state")).simulate(outbox, inbox());

        Set<String> drawn = new HashSet<>();
        int claimCount = 0;
        for (Path file : responses("835-")) {
            X12Segments.Read remittance = X12Segments.read(file);
            assertBalanced(remittance);
            for (List<X12Segments.Segment> claim : claims(remittance)) {
                claimCount++;
                List<String> denials = claim.stream().filter(s -> s.tag().equals("CAS"))
                        .map(s -> s.get(2)).filter(carc -> !Set.of("45", "1", "2", "3").contains(carc)).toList();
                assertThat(denials).as(claim.get(0).toString()).isNotEmpty()
                        .allMatch(Set.of("50", "97", "31")::contains);
                drawn.addAll(denials);
                if (denials.contains("31")) {
                    assertThat(claim.get(0).get(2)).isEqualTo("4");
                    assertThat(claim.get(0).amount(4)).isZero();
                }
                if (denials.contains("50")) {
                    assertThat(claim).anyMatch(s -> s.tag().equals("LQ") && s.get(2).equals("N115"));
                }
            }
        }
        assertThat(claimCount).isEqualTo(15);
        assertThat(drawn).containsExactlyInAnyOrder("50", "97", "31");
    }

    @Test
    void answersInTheSeparatorsOfThe837() throws Exception {
        Path outbox = outbox("MEDICARE-000000131.837",
                TestSubmissions.professional("000000131", TestSubmissions.PIPES, TestSubmissions.claims(6)));
        new PayerSimulator(BUSY, dir.resolve("state")).simulate(outbox, inbox());

        for (Path file : responses("")) {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            assertThat(text).startsWith("ISA|00|");
            assertThat(text.charAt(104)).isEqualTo('>');
            assertThat(text).doesNotContain("*");
            X12Segments.Read read = X12Segments.read(file);
            assertThat(read.errors()).isEmpty();
            assertThat(read.all("ISA").get(0).get(6)).isEqualTo("030240928      ");
            assertThat(read.all("ISA").get(0).get(8)).isEqualTo("CLAIMBRIDGE    ");
        }
        assertThat(read("277ca-000000131.x12").all("SVC")).isEmpty();
        for (Path file : responses("835-")) {
            assertBalanced(X12Segments.read(file));
        }
    }

    @Test
    void aReplacementReversesThePaymentItReplacesAndAVoidOfAnUnknownClaimIsRejected() throws Exception {
        PayerSimulatorProperties clean = PayerSimulatorProperties.defaults().withRates(0, 0, 0);
        PayerSimulator simulator = new PayerSimulator(clean, dir.resolve("state"));
        List<TestSubmissions.Claim> claims = TestSubmissions.claims(3);
        Path outbox = outbox("AVAILITY-000000140.837",
                TestSubmissions.professional("000000140", TestSubmissions.STANDARD, claims));
        simulator.simulate(outbox, inbox());
        TestSubmissions.Claim original = claims.get(1);
        String payerClaimNumber = claimStatuses(read("277ca-000000140.x12")).get(original.pcn())
                .payerClaimNumber();
        X12Segments.Segment paid = read("835-" + original.payerId() + "-000000140.x12").all("CLP").get(0);

        Files.writeString(outbox.resolve("AVAILITY-000000141.837"), TestSubmissions.professional("000000141",
                TestSubmissions.STANDARD, List.of(original.replacing("101-2", "7", payerClaimNumber),
                        original.replacing("102-2", "8", "2633000000000"))));
        simulator.simulate(outbox, inbox());

        Map<String, ClaimStatus> statuses = claimStatuses(read("277ca-000000141.x12"));
        assertThat(statuses.get("101-2").accepted()).isTrue();
        assertThat(statuses.get("102-2").accepted()).isFalse();
        assertThat(statuses.get("102-2").statuses()).containsExactly("A7:464");
        X12Segments.Read remittance = read("835-" + original.payerId() + "-000000141.x12");
        assertBalanced(remittance);
        List<X12Segments.Segment> clps = remittance.all("CLP");
        assertThat(clps).hasSize(2);
        X12Segments.Segment reversal = clps.get(0);
        assertThat(reversal.get(1)).isEqualTo(original.pcn());
        assertThat(reversal.get(2)).isEqualTo("22");
        assertThat(reversal.get(7)).isEqualTo(payerClaimNumber);
        assertThat(reversal.amount(3)).isEqualByComparingTo(paid.amount(3).negate());
        assertThat(reversal.amount(4)).isEqualByComparingTo(paid.amount(4).negate());
        X12Segments.Segment replacement = clps.get(1);
        assertThat(replacement.get(1)).isEqualTo("101-2");
        assertThat(replacement.get(2)).isEqualTo("1");
        assertThat(replacement.get(7)).isEqualTo(statuses.get("101-2").payerClaimNumber());
        assertThat(remittance.all("REF")).anyMatch(s -> s.get(1).equals("F8") && s.get(2).equals(payerClaimNumber));
        // what the reversal takes back is more than the replacement pays: the remittance still pays what it nets
        BigDecimal net = clps.stream().map(s -> s.amount(4)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(remittance.all("BPR").get(0).amount(2)).isEqualByComparingTo(net.max(BigDecimal.ZERO));

        // a second replacement of the same original finds nothing left to replace
        Files.writeString(outbox.resolve("AVAILITY-000000142.837"), TestSubmissions.professional("000000142",
                TestSubmissions.STANDARD, List.of(original.replacing("101-3", "7", payerClaimNumber))));
        simulator.simulate(outbox, inbox());
        assertThat(claimStatuses(read("277ca-000000142.x12")).get("101-3").statuses()).containsExactly("A7:464");
    }

    @Test
    void readsClaimsOfSeveralPatientsInOneTransactionSetAndInstitutionalClaims() throws Exception {
        PayerSimulatorProperties clean = PayerSimulatorProperties.defaults().withRates(0, 0, 0);
        Path outbox = dir.resolve("outbox");
        Files.createDirectories(outbox);
        copy("x12/837p-self-and-dependent.edi", outbox.resolve("RECEIVER01-000000001.837"));
        new PayerSimulator(clean, dir.resolve("state")).simulate(outbox, inbox());

        Map<String, ClaimStatus> statuses = claimStatuses(read("277ca-000000001.x12"));
        assertThat(statuses.keySet()).containsExactly("PCN0001", "PCN0002");
        X12Segments.Read remittance = read("835-99999-000000001.x12");
        assertBalanced(remittance);
        // the dependent's claim names the patient and the subscriber
        assertThat(remittance.all("NM1")).extracting(s -> s.get(1) + " " + s.get(3)).contains("QC DOE", "QC SMITH",
                "IL SMITH");

        Path institutional = dir.resolve("institutional");
        Files.createDirectories(institutional);
        copy("x12/837i-outpatient.edi", institutional.resolve("RECEIVER01-000000001.837"));
        Path inbox = dir.resolve("inbox-institutional");
        new PayerSimulator(clean, dir.resolve("state-institutional")).simulate(institutional, inbox);
        X12Segments.Read claimAck = X12Segments.read(inbox.resolve("277ca-000000001.x12"));
        assertThat(claimAck.all("REF")).anyMatch(s -> s.get(1).equals("BLT") && s.get(2).equals("131"));
        X12Segments.Read facility = X12Segments.read(inbox.resolve("835-99999-000000001.x12"));
        assertThat(facility.errors()).isEmpty();
        assertBalanced(facility);
        assertThat(facility.all("SVC")).extracting(s -> s.get(1) + " " + s.get(4))
                .containsExactly("HC:99284 0450", "HC:80053 0300");
        assertThat(facility.all("CLP").get(0).get(8)).isEqualTo("13");
        assertThat(facility.all("DTM")).anyMatch(s -> s.get(1).equals("232"));
    }

    // --- helpers ---

    /** The 277CA's verdict on one claim (2200D). */
    record ClaimStatus(List<String> statuses, String payerClaimNumber) {
        boolean accepted() {
            return statuses.get(0).startsWith("A2:20");
        }
    }

    /** CLM01 to status, in the order of the 277CA, from the patient levels (HL*PT). */
    private static Map<String, ClaimStatus> claimStatuses(X12Segments.Read read) {
        assertThat(read.errors()).isEmpty();
        Map<String, ClaimStatus> statuses = new LinkedHashMap<>();
        List<X12Segments.Segment> segments = read.segments();
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).tag().equals("HL") || !segments.get(i).get(3).equals("PT")) {
                continue;
            }
            String pcn = null;
            List<String> codes = new ArrayList<>();
            String payerClaimNumber = null;
            for (int j = i + 1; j < segments.size() && !segments.get(j).tag().equals("HL")
                    && !segments.get(j).tag().equals("SE"); j++) {
                X12Segments.Segment s = segments.get(j);
                switch (s.tag()) {
                    case "TRN" -> pcn = s.get(2);
                    case "STC" -> {
                        codes.add(s.get(1));
                        if (!s.get(10).isEmpty()) {
                            codes.add(s.get(10));
                        }
                        assertThat(s.get(3)).isEqualTo(s.get(1).startsWith("A2") ? "WQ" : "U");
                    }
                    case "REF" -> {
                        if (s.get(1).equals("1K")) {
                            payerClaimNumber = s.get(2);
                        }
                    }
                    default -> {
                    }
                }
            }
            statuses.put(pcn, new ClaimStatus(codes, payerClaimNumber));
        }
        return statuses;
    }

    /** ST02 to IK5's code, from the 999. */
    private static Map<String, String> setVerdicts(X12Segments.Read ack) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        String set = null;
        for (X12Segments.Segment s : ack.segments()) {
            if (s.tag().equals("AK2")) {
                set = s.get(2);
            } else if (s.tag().equals("IK5")) {
                verdicts.put(set, s.get(1));
            }
        }
        return verdicts;
    }

    /** The 835's claims: each CLP with the segments up to the next CLP, PLB or SE. */
    private static List<List<X12Segments.Segment>> claims(X12Segments.Read remittance) {
        List<List<X12Segments.Segment>> claims = new ArrayList<>();
        List<X12Segments.Segment> claim = null;
        for (X12Segments.Segment s : remittance.segments()) {
            if (s.tag().equals("CLP")) {
                claim = new ArrayList<>();
                claims.add(claim);
            } else if (Set.of("PLB", "SE", "LX").contains(s.tag())) {
                claim = null;
            }
            if (claim != null) {
                claim.add(s);
            }
        }
        return claims;
    }

    /**
     * The 835 guide's balancing: per SVC, charge - paid = its CAS; per CLP, charge - paid = the CAS of the claim and
     * its lines, and CLP05 = the PR ones; per transaction set, BPR02 = sum of CLP04 - sum of PLB amounts.
     */
    private static void assertBalanced(X12Segments.Read remittance) {
        assertThat(remittance.errors()).isEmpty();
        for (List<X12Segments.Segment> set : remittance.transactions()) {
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal provider = BigDecimal.ZERO;
            X12Segments.Segment clp = null;
            X12Segments.Segment svc = null;
            BigDecimal claimAdjusted = BigDecimal.ZERO;
            BigDecimal patient = BigDecimal.ZERO;
            BigDecimal lineAdjusted = BigDecimal.ZERO;
            for (X12Segments.Segment s : set) {
                switch (s.tag()) {
                    case "CLP", "PLB", "SE", "LX" -> {
                        checkLine(svc, lineAdjusted);
                        svc = null;
                        checkClaim(clp, claimAdjusted, patient);
                        clp = null;
                        if (s.tag().equals("CLP")) {
                            clp = s;
                            claimAdjusted = BigDecimal.ZERO;
                            patient = BigDecimal.ZERO;
                            paid = paid.add(s.amount(4));
                        } else if (s.tag().equals("PLB")) {
                            for (int i = 4; i <= s.elements().size(); i += 2) {
                                provider = provider.add(s.amount(i));
                            }
                        }
                    }
                    case "SVC" -> {
                        checkLine(svc, lineAdjusted);
                        svc = s;
                        lineAdjusted = BigDecimal.ZERO;
                    }
                    case "CAS" -> {
                        for (int i = 3; i <= s.elements().size(); i += 3) {
                            BigDecimal amount = s.amount(i);
                            claimAdjusted = claimAdjusted.add(amount);
                            if (svc != null) {
                                lineAdjusted = lineAdjusted.add(amount);
                            }
                            if (s.get(1).equals("PR")) {
                                patient = patient.add(amount);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            X12Segments.Segment bpr = set.stream().filter(s -> s.tag().equals("BPR")).findFirst().orElseThrow();
            assertThat(bpr.amount(2)).as("BPR02 = sum of CLP04 - PLB").isEqualByComparingTo(paid.subtract(provider));
            assertThat(bpr.get(1)).isEqualTo(bpr.amount(2).signum() == 0 ? "H" : "I");
        }
    }

    private static void checkLine(X12Segments.Segment svc, BigDecimal adjusted) {
        if (svc != null) {
            assertThat(svc.amount(2).subtract(svc.amount(3))).as(svc.toString()).isEqualByComparingTo(adjusted);
        }
    }

    private static void checkClaim(X12Segments.Segment clp, BigDecimal adjusted, BigDecimal patient) {
        if (clp != null) {
            assertThat(clp.amount(3).subtract(clp.amount(4))).as(clp.toString()).isEqualByComparingTo(adjusted);
            BigDecimal clp05 = clp.get(5).isEmpty() ? BigDecimal.ZERO : clp.amount(5);
            assertThat(clp05).as(clp + " CLP05").isEqualByComparingTo(patient);
        }
    }

    private static void assertEnvelope(X12Segments.Read read, String isa13, String functionalId, String guide) {
        assertThat(read.errors()).isEmpty();
        X12Segments.Segment isa = read.all("ISA").get(0);
        assertThat(isa.get(6)).isEqualTo("030240928      ");
        assertThat(isa.get(8)).isEqualTo("CLAIMBRIDGE    ");
        if (isa13 != null) {
            assertThat(isa.get(13)).isEqualTo(isa13);
        }
        assertThat(read.all("GS")).allSatisfy(gs -> {
            assertThat(gs.get(1)).isEqualTo(functionalId);
            assertThat(gs.get(2)).isEqualTo("030240928");
            assertThat(gs.get(3)).isEqualTo("CLAIMBRIDGE");
            assertThat(gs.get(8)).isEqualTo(guide);
        });
    }

    /** What was decided, independent of control numbers: each claim's 277CA status and 835 CLP02/paid. */
    private static Map<String, String> outcomes(Map<String, byte[]> files) throws Exception {
        Map<String, String> outcomes = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = Files.write(Files.createTempFile(null, ".x12"), file.getValue());
            X12Segments.Read read = X12Segments.read(path);
            if (file.getKey().startsWith("277ca")) {
                claimStatuses(read).forEach((pcn, status) -> outcomes.put("277 " + pcn, status.statuses().get(0)));
            } else if (file.getKey().startsWith("835")) {
                read.all("CLP").forEach(clp -> outcomes.put("835 " + clp.get(1), clp.get(2) + " " + clp.get(4)));
            } else {
                setVerdicts(read).forEach((set, verdict) -> outcomes.put("999 " + set, verdict));
            }
        }
        return outcomes;
    }

    private Map<String, byte[]> run(String name, PayerSimulatorProperties properties, String text) throws Exception {
        Path outbox = dir.resolve(name).resolve("outbox");
        Files.createDirectories(outbox);
        Files.writeString(outbox.resolve("AVAILITY-000000125.837"), text);
        Path inbox = dir.resolve(name).resolve("inbox");
        new PayerSimulator(properties, dir.resolve(name).resolve("state")).simulate(outbox, inbox);
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(inbox)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private Path outbox(String name, String text) throws Exception {
        Path outbox = dir.resolve("outbox");
        Files.createDirectories(outbox);
        Files.writeString(outbox.resolve(name), text);
        return outbox;
    }

    private Path inbox() {
        return dir.resolve("inbox");
    }

    private X12Segments.Read read(String name) throws Exception {
        return X12Segments.read(inbox().resolve(name));
    }

    private List<Path> responses(String prefix) throws Exception {
        try (var files = Files.list(inbox())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static List<String> stControls(int count) {
        List<String> controls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            controls.add(String.format("%04d", i));
        }
        return controls;
    }

    private static void copy(String resource, Path target) throws Exception {
        try (InputStream in = PayerSimulatorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
    }
}
