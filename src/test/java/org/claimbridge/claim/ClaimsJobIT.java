package org.claimbridge.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips: HL7 in through intake, scrubbed, the {@code claims} job run, and the 837 files it leaves in the outbox
 * read back with StAEDI against the guide schemas. The sample feeds' two ready visits (a subscriber with a second
 * payer, and a dependent), and synthetic visits for a line split, a replacement and a void, an 837I and a claim the
 * guide refuses.
 */
@IntegrationTest
@TestPropertySource(locations = "classpath:sample-practices.properties")
@Import(FixedDay.class)
class ClaimsJobIT {

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
    ClaimLineage lineage;

    @Autowired
    GuideSchemas schemas;

    @Autowired
    ClaimbridgeProperties properties;

    @Autowired
    org.claimbridge.remit.X12Receipts receipts;

    @Test
    void theSampleFeedsReadyVisitsBecomeA837pThatReadsBackValid() throws Exception {
        for (String file : List.of("fampract/01-quimby-registration.hl7", "fampract/02-visits-2026-11-03.hl7",
                "fampract/03-credit-and-cancel-2026-11-04.hl7")) {
            feed(Files.readAllBytes(FEEDS.resolve(file)), file);
        }
        assertThat(scrub.runAndWait("claims it").status()).isEqualTo("COMPLETED");
        long quimby = encounter("FAMPRAC", "FPV5001");
        long lily = encounter("FAMPRAC", "FPV5002");
        assertThat(scrubResults.state(quimby).orElseThrow().state().name()).isEqualTo("READY");

        runClaims();

        // Harold Quimby: Medicare primary, his AARP supplement named in 2320 and its own claim waiting
        List<Claims.ClaimSummary> his = claims.ofEncounter(quimby);
        assertThat(his).extracting(Claims.ClaimSummary::payerSequence, Claims.ClaimSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P", ClaimStatus.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple("S", ClaimStatus.WAITING));
        Claims.ClaimSummary primary = his.get(0);
        assertThat(primary.patientControlNumber()).isEqualTo(quimby + "-1").hasSizeLessThanOrEqualTo(20);
        assertThat(primary.isaControl()).matches("\\d{9}");
        assertThat(primary.stControl()).isNotBlank();
        assertThat(primary.fileName()).isEqualTo("AVAILITY-" + primary.isaControl() + ".837");

        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(primary.fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        assertThat(file.all("ISA").get(0).get(13)).isEqualTo(primary.isaControl());
        assertThat(file.all("ISA").get(0).get(15)).isEqualTo("T");
        assertThat(file.all("GS").get(0).get(8)).isEqualTo("005010X222A1");
        List<X12ReadBack.Segment> q = file.claim(primary.patientControlNumber());
        assertThat(q.get(0).get(2)).isEqualTo(primary.stControl());
        assertThat(segment(q, "CLM").elements()).startsWith(primary.patientControlNumber(), "357.5", "", "",
                "11:B:1");
        assertThat(segments(q, "SBR")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("SBR*P*18*******MB", "SBR*S*18*GRP0042******CI");
        assertThat(nm1(q, "IL")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("NM1*IL*1*QUIMBY*HAROLD*R***MI*1EG4TE5MK73", "NM1*IL*1*QUIMBY*HAROLD*R***MI*AM88213407");
        assertThat(nm1(q, "PR")).extracting(s -> s.get(9)).containsExactly("06102", "36273");
        assertThat(segment(q, "HI").toString()).isEqualTo("HI*ABK:E119*ABF:I10*ABF:M1711");
        // the panel was credited back: four lines, not five
        assertThat(segments(q, "SV1")).extracting(X12ReadBack.Segment::toString).containsExactly(
                "SV1*HC:99214:25*185*UN*1***1:2:3", "SV1*HC:20610:RT*142*UN*1***3",
                "SV1*HC:J1030*18.5*UN*1***3", "SV1*HC:36415*12*UN*1***1");
        assertThat(segments(q, "REF")).extracting(X12ReadBack.Segment::toString).contains(
                "REF*EI*123456789", "REF*6R*" + primary.patientControlNumber() + "-1");
        assertThat(nm1(q, "85").get(0).toString()).isEqualTo("NM1*85*2*MAPLE FAMILY PRACTICE*****XX*1234567893");
        assertThat(segments(q, "HL")).hasSize(2);

        // Lily Ortega: her mother's plan, so a 2000C patient loop
        Claims.ClaimSummary hers = claims.ofEncounter(lily).get(0);
        List<X12ReadBack.Segment> l = X12ReadBack.read(outbox().resolve(hers.fileName()), schemas)
                .claim(hers.patientControlNumber());
        assertThat(segments(l, "HL")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("HL*1**20*1", "HL*2*1*22*1", "HL*3*2*23*0");
        assertThat(segment(l, "PAT").toString()).isEqualTo("PAT*19");
        assertThat(nm1(l, "IL").get(0).get(9)).isEqualTo("W284719360");
        assertThat(nm1(l, "IL").get(0).get(4)).isEqualTo("MARIA");
        assertThat(nm1(l, "QC").get(0).toString()).startsWith("NM1*QC*1*ORTEGA*LILY");
        assertThat(segment(l, "SBR").get(2)).isEmpty();

        // lineage: every billed value back to its message and HL7 path
        List<ClaimLineage.BilledValue> values = lineage.of(primary.id()).orElseThrow();
        ClaimLineage.BilledValue memberId = value(values, "2010BA NM109 subscriber id");
        assertThat(memberId.value()).isEqualTo("1EG4TE5MK73");
        assertThat(memberId.source().hl7Path()).isEqualTo("IN1(1)-36");
        assertThat(memberId.source().messageId()).isEqualTo(messageId("FP20261103-0001"));
        ClaimLineage.BilledValue code = value(values, "2400 line 2 procedure code");
        assertThat(code.value()).isEqualTo("20610");
        assertThat(code.source().hl7Path()).isEqualTo("FT1(2)-25.1");
        assertThat(code.source().messageId()).isEqualTo(messageId("FP20261103-0002"));
        assertThat(value(values, "2400 line 1 charge amount").source().hl7Path()).isEqualTo("FT1(1)-11");
        assertThat(value(values, "2300 HI diagnosis 3").source().hl7Path()).startsWith("DG1(3)-3");
        assertThat(value(values, "2310 rendering provider NPI").source().hl7Path()).startsWith("FT1(1)-20");
        assertThat(values).filteredOn(v -> v.entity().equals("configuration")).extracting(
                ClaimLineage.BilledValue::element).containsExactly("2010AA NM109 billing provider NPI");
        assertThat(values).filteredOn(v -> !v.entity().equals("configuration") && v.value() != null)
                .allSatisfy(v -> assertThat(v.source()).as(v.element()).isNotNull());

        // a second run finds nothing new to bill
        runClaims();
        assertThat(claims.ofEncounter(quimby)).hasSize(2);
    }

    @Test
    void moreThanFiftyLinesAreSplitIntoTwoClaimsEachTotallingItsOwnLines() throws Exception {
        register("CJS1", "CJV9001", "Abernathy^Walter^J", "19500102", "06102", "2AB3CD4EF56");
        List<String> lines = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 9, 1);
        for (int i = 1; i <= 55; i++) {
            String date = first.plusDays(i - 1).toString().replace("-", "");
            lines.add("FT1|" + i + "|CJV9001-" + i + "||" + date + "|" + date + "|CG|OV213^Office visit^CDM|Office"
                    + " visit||1|" + (100 + i) + ".00|||||11|||E11.9^Type 2 diabetes^I10|" + OKAFOR + "|" + OKAFOR
                    + "||||99213^Office visit^C4|");
        }
        charges("CJS2", "CJV9001", "Abernathy^Walter^J", "19500102", lines);
        long id = scrubbedReady("CJV9001");

        runClaims();

        List<Claims.ClaimSummary> parts = claims.ofEncounter(id);
        assertThat(parts).extracting(Claims.ClaimSummary::lineCount).containsExactly(50, 5);
        assertThat(parts).allSatisfy(p -> assertThat(p.status()).isEqualTo(ClaimStatus.SUBMITTED));
        // lines 1-50 are 101..150, lines 51-55 are 151..155
        assertThat(parts.get(0).totalCharge()).isEqualByComparingTo("6275.00");
        assertThat(parts.get(1).totalCharge()).isEqualByComparingTo("765.00");
        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(parts.get(1).fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        List<X12ReadBack.Segment> second = file.claim(parts.get(1).patientControlNumber());
        assertThat(segments(second, "LX")).extracting(s -> s.get(1)).containsExactly("1", "2", "3", "4", "5");
        assertThat(segment(second, "CLM").get(2)).isEqualTo("765");
        assertThat(file.claim(parts.get(0).patientControlNumber()).stream().filter(s -> s.tag().equals("LX")))
                .hasSize(50);
    }

    @Test
    void aChangedVisitIsReplacedWithThePayersNumberAndACancelledOneIsVoided() throws Exception {
        register("CJR1", "CJV9002", "Brandt^Elsa", "19480611", "06102", "3CD4EF5GH67");
        charges("CJR2", "CJV9002", "Brandt^Elsa", "19480611", List.of(
                "FT1|1|CJV9002-1||20261120|20261120|CG|OV213^Office visit^CDM|Office visit||1|120.00|||||11|||"
                        + "I10^Essential hypertension^I10|" + OKAFOR + "|" + OKAFOR + "||||99213^Office visit^C4|"));
        long id = scrubbedReady("CJV9002");
        runClaims();
        Claims.ClaimSummary original = claims.ofEncounter(id).get(0);
        assertThat(original.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(original.frequency()).isEqualTo("1");

        // the practice posts a venipuncture for the same visit after the claim went out
        charges("CJR3", "CJV9002", "Brandt^Elsa", "19480611", List.of(
                "FT1|1|CJV9002-2||20261120|20261120|CG|VENI^Venipuncture^CDM|Venipuncture||1|12.00|||||11|||"
                        + "I10^Essential hypertension^I10|" + OKAFOR + "|" + OKAFOR + "||||36415^Venipuncture^C4|"));
        scrubbedReady("CJV9002");
        runClaims();
        Claims.ClaimSummary held = claims.ofEncounter(id).get(1);
        assertThat(held.status()).isEqualTo(ClaimStatus.HELD);
        assertThat(held.frequency()).isEqualTo("7");
        assertThat(held.replacesClaimId()).isEqualTo(original.id());
        assertThat(held.statusReason()).contains(original.patientControlNumber()).contains("REF*F8");

        // the payer's number arrives (a 277CA would record it the same way): the replacement goes out
        assertThat(claims.recordPayerClaimNumber(original.id(), "MCR2611200042", "test")).isTrue();
        runClaims();
        Claims.ClaimSummary replacement = claims.find(held.id()).orElseThrow();
        assertThat(replacement.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(replacement.totalCharge()).isEqualByComparingTo("132.00");
        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(replacement.fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        List<X12ReadBack.Segment> r = file.claim(replacement.patientControlNumber());
        assertThat(segment(r, "CLM").get(5)).isEqualTo("11:B:7");
        assertThat(segments(r, "REF")).extracting(X12ReadBack.Segment::toString).contains("REF*F8*MCR2611200042");
        assertThat(claims.transitions(replacement.id())).extracting(Claims.Transition::to)
                .containsExactly("HELD", "CREATED", "SUBMITTED");

        // the visit is cancelled: the replacement the payer now holds is voided
        assertThat(claims.recordPayerClaimNumber(replacement.id(), "MCR2611200077", "test")).isTrue();
        feed(hl7("MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261124100000||ADT^A11^ADT_A09|CJR4|P|2.5.1",
                "EVN|A11|20261124100000",
                "PID|1||CJR1^^^FAMPRAC^MR||Brandt^Elsa||19480611|F",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||" + OKAFOR + "|||FM||||||||O|CJV9002^^^FAMPRAC^VN|MC"), "cancel");
        runClaims();
        Claims.ClaimSummary voided = claims.ofEncounter(id).get(2);
        assertThat(voided.frequency()).isEqualTo("8");
        assertThat(voided.status()).isEqualTo(ClaimStatus.SUBMITTED);
        List<X12ReadBack.Segment> v = X12ReadBack.read(outbox().resolve(voided.fileName()), schemas)
                .claim(voided.patientControlNumber());
        assertThat(segment(v, "CLM").get(5)).isEqualTo("11:B:8");
        assertThat(segments(v, "REF")).extracting(X12ReadBack.Segment::toString).contains("REF*F8*MCR2611200077");
        assertThat(segments(v, "SV1")).hasSize(2);
    }

    @Test
    void aHospitalVisitBecomesA837iWithRevenueCodesFromTheChargemaster() throws Exception {
        String pv1 = "PV1|1|I|4WEST^412^1^MERCYOP|EL|||" + RAMAN + "|||SUR||||||||I|CJV9101^^^MERCYOP^VN|CI"
                + "|||||||||||||||||||MERCYOP|||||20261110080000|20261112110000";
        feed(hl7("MSH|^~\\&|EPICADT|MERCYOP|CLAIMBRIDGE|CBRCM|20261110080000||ADT^A01^ADT_A01|CJI1|P|2.8",
                "EVN||20261110080000",
                "PID|1||CJI9101^^^MERCYOP^MR||Fairweather^Nora^L||19610930|F|||55 Lake Shore Dr^^Springfield^IL"
                        + "^62703^USA||^PRN^PH^^^217^5550166|||||CJIA9101^^^MERCYOP^AN",
                pv1,
                "DG1|1|I10|M17.11^Unilateral primary osteoarthritis, right knee^I10|Osteoarthritis right knee||A"
                        + "|||||||||1",
                "IN1|1|CIGOAP^Open Access Plus|62308^^^CIGNA^NIIP|Cigna Healthcare|PO Box 188061^^Chattanooga^TN"
                        + "^37422|||3340981|Lincoln Land Utilities|||20260101||AUTH9101|OAP|Fairweather^Nora^L|SEL^Self"
                        + "^HL70063|19610930|55 Lake Shore Dr^^Springfield^IL^62703|||1||||||||||||||U77120345|||||||F"),
                "admit");
        feed(hl7("MSH|^~\\&|EPICADT|MERCYOP|CLAIMBRIDGE|CBRCM|20261112120000||DFT^P03^DFT_P03|CJI2|P|2.8",
                "EVN||20261112120000",
                "PID|1||CJI9101^^^MERCYOP^MR||Fairweather^Nora^L||19610930|F",
                pv1,
                "FT1|1|CJI9101-1||20261110|20261110|CG|OR29877^Knee arthroscopy debridement^CDM|Knee arthroscopy"
                        + "||1|5980.00|||||21||SUR|M17.11^Osteoarthritis right knee^I10|" + RAMAN + "|||||"
                        + "29877^Knee arthroscopy debridement^C4|RT^Right side^HCPCS",
                "FT1|2|CJI9101-2||20261110|20261110|CG|RECOVRM^Recovery room^CDM|Recovery room||1|420.00|||||21||SUR"
                        + "|M17.11^Osteoarthritis right knee^I10|" + RAMAN,
                "DG1|1|I10|M17.11^Unilateral primary osteoarthritis, right knee^I10|Osteoarthritis right knee||F"
                        + "|||||||||1",
                "PR1|1||0SBC4ZZ^Excision of right knee joint, percutaneous endoscopic^I10P||20261110093000|A"
                        + "|||||" + RAMAN), "charges");
        long id = scrubbedReady("CJV9101");

        runClaims();

        Claims.ClaimSummary claim = claims.ofEncounter(id).get(0);
        assertThat(claim.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(claim.status()).as(claim.statusReason()).isEqualTo(ClaimStatus.SUBMITTED);
        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(claim.fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        List<X12ReadBack.Segment> c = file.claim(claim.patientControlNumber());
        assertThat(c.get(0).get(3)).isEqualTo("005010X223A2");
        assertThat(segment(c, "CLM").toString()).isEqualTo("CLM*" + claim.patientControlNumber()
                + "*6400***11:A:1**A*Y*Y");
        assertThat(segments(c, "DTP")).extracting(X12ReadBack.Segment::toString).contains("DTP*096*TM*1100",
                "DTP*434*RD8*20261110-20261112", "DTP*435*DT*202611100800");
        assertThat(segment(c, "CL1").toString()).isEqualTo("CL1*3*1*01");
        assertThat(segments(c, "HI")).extracting(X12ReadBack.Segment::toString).contains("HI*ABK:M1711",
                "HI*ABJ:M1711", "HI*BBR:0SBC4ZZ:D8:20261110");
        assertThat(segments(c, "SV2")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("SV2*0360*HC:29877:RT*5980*UN*1", "SV2*0710**420*UN*1");
        assertThat(nm1(c, "71").get(0).toString()).isEqualTo("NM1*71*1*RAMAN*PRIYA****XX*1938475625");
        assertThat(nm1(c, "72").get(0).get(9)).isEqualTo("1938475625");
        assertThat(segments(c, "REF")).extracting(X12ReadBack.Segment::toString).contains("REF*G1*AUTH9101");
    }

    @Test
    void aClaimTheGuideRefusesIsKeptOutOfTheFileWithItsReasonAndGoesBackToTheCoders() throws Exception {
        // a one-character payer id passes the scrub rules but not the guide (2010BB NM109 is 2 to 80 characters)
        register("CJB1", "CJV9003", "Castellano^Ivo", "19700301", "7", "XK3300991");
        charges("CJB2", "CJV9003", "Castellano^Ivo", "19700301", List.of(
                "FT1|1|CJV9003-1||20261120|20261120|CG|OV213^Office visit^CDM|Office visit||1|120.00|||||11|||"
                        + "I10^Essential hypertension^I10|" + OKAFOR + "|" + OKAFOR + "||||99213^Office visit^C4|"));
        register("CJB3", "CJV9004", "Delacroix^Paul", "19720401", "06102", "4EF5GH6JK78");
        charges("CJB4", "CJV9004", "Delacroix^Paul", "19720401", List.of(
                "FT1|1|CJV9004-1||20261120|20261120|CG|OV213^Office visit^CDM|Office visit||1|120.00|||||11|||"
                        + "I10^Essential hypertension^I10|" + OKAFOR + "|" + OKAFOR + "||||99213^Office visit^C4|"));
        long bad = scrubbedReady("CJV9003");
        long good = scrubbedReady("CJV9004");

        runClaims();

        Claims.ClaimSummary refused = claims.ofEncounter(bad).get(0);
        assertThat(refused.status()).isEqualTo(ClaimStatus.INVALID);
        assertThat(refused.statusReason()).contains("2010BB").contains("NM109");
        assertThat(refused.fileName()).isNull();
        assertThat(scrubResults.state(bad).orElseThrow().state().name()).isEqualTo("FLAGGED");
        assertThat(scrubResults.findings(bad, false)).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CLAIM-REFUSED");
            assertThat(f.message()).contains(refused.patientControlNumber()).contains("2010BB");
        });
        Claims.ClaimSummary written = claims.ofEncounter(good).get(0);
        assertThat(written.status()).isEqualTo(ClaimStatus.SUBMITTED);
        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(written.fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        assertThat(file.all("CLM")).extracting(s -> s.get(1)).contains(written.patientControlNumber())
                .doesNotContain(refused.patientControlNumber());

        // it is not tried again until the encounter is scrubbed again
        runClaims();
        assertThat(claims.ofEncounter(bad)).hasSize(1);
    }

    @Test
    void aSecondaryClaimGoesOutWithThePrimarysAdjudicationOnceItsRemittanceComes() throws Exception {
        String pv1 = "PV1|1|O|EXAM2^^^FAMPRAC|R|||" + OKAFOR + "|||FM||||||||O|CJV9201^^^FAMPRAC^VN|MC";
        feed(hl7("MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261120090000||ADT^A04^ADT_A01|CJC1|P|2.5.1",
                "EVN|A04|20261120090000",
                "PID|1||CJM9201^^^FAMPRAC^MR||Lindqvist^Bertil||19480909|M|||5 Pine Rd^^Springfield^IL^62704^USA",
                pv1,
                "IN1|1|MCRB^Medicare Part B|06102^^^NGS^NIIP|Medicare Part B Illinois|PO Box 6475^^Indianapolis^IN"
                        + "^46206|||||||20170401|||MC|Lindqvist^Bertil|SEL^Self^HL70063|19480909|5 Pine Rd^^Springfield"
                        + "^IL^62704|||1||||||||||||||5FG6HJ7KL80|||||||M",
                "IN1|2|MEDIGAPF^Medicare Supplement Plan F|36273^^^UHC^NIIP|AARP Medicare Supplement|PO Box 740819"
                        + "^^Atlanta^GA^30374|||GRP0042|AARP Medigap|||20170401|||MS|Lindqvist^Bertil|SEL^Self^HL70063"
                        + "|19480909|5 Pine Rd^^Springfield^IL^62704|||2||||||||||||||AM99001122|||||||M"), "cob");
        charges("CJC2", "CJV9201", "Lindqvist^Bertil", "19480909", List.of(ClaimTestFeed.officeVisit("CJV9201", 1)));
        long id = scrubbedReady("CJV9201");
        runClaims();
        List<Claims.ClaimSummary> made = claims.ofEncounter(id);
        Claims.ClaimSummary primary = made.get(0);
        Claims.ClaimSummary secondary = made.get(1);
        assertThat(primary.status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(secondary.status()).isEqualTo(ClaimStatus.WAITING);

        String pcn = primary.patientControlNumber();
        String isa = String.format("6%08d", System.nanoTime() % 100_000_000L);
        List<String> set = List.of(
                "ST*835*0001*005010X221A1",
                "BPR*I*70.4*C*CHK************20261210",
                "TRN*1*CHK" + isa + "*1512345678",
                "N1*PR*MEDICARE PART B ILLINOIS",
                "N3*PO BOX 6475",
                "N4*INDIANAPOLIS*IN*46206",
                "REF*2U*06102",
                "PER*BL*PROVIDER SERVICES*TE*8005551234",
                "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893",
                "LX*1",
                "CLP*" + pcn + "*1*120*70.4*17.6*MB*MCR" + isa,
                "NM1*QC*1*LINDQVIST*BERTIL****MI*5FG6HJ7KL80",
                "SVC*HC:99213*120*70.4**1",
                "DTM*472*20261120",
                "CAS*CO*45*32",
                "CAS*PR*2*17.6",
                "REF*6R*" + pcn + "-1");
        String body = "ISA*00*          *00*          *ZZ*030240928      *ZZ*CLAIMBRIDGE    *261210*0900*^*00501*"
                + isa + "*0*T*:~GS*HP*030240928*CLAIMBRIDGE*20261210*0900*7701*X*005010X221A1~"
                + String.join("~", set) + "~SE*" + (set.size() + 1) + "*0001~GE*1*7701~IEA*1*" + isa + "~";
        var receipt = receipts.receive(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                org.claimbridge.remit.X12Receipts.Channel.API, "835-cob.x12", "test");
        assertThat(receipt.sets().get(0).summary()).as(receipt.toString()).contains("1 secondary claim(s) released");
        assertThat(claims.find(secondary.id()).orElseThrow().status()).isEqualTo(ClaimStatus.CREATED);

        runClaims();
        Claims.ClaimSummary sent = claims.find(secondary.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(ClaimStatus.SUBMITTED);
        X12ReadBack.Read file = X12ReadBack.read(outbox().resolve(sent.fileName()), schemas);
        assertThat(file.errors()).isEmpty();
        List<X12ReadBack.Segment> c = file.claim(sent.patientControlNumber());
        assertThat(segments(c, "SBR")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("SBR*S*18*GRP0042******CI", "SBR*P*18*******MB");
        assertThat(segments(c, "AMT")).extracting(X12ReadBack.Segment::toString).contains("AMT*D*70.4");
        assertThat(segments(c, "SVD")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("SVD*06102*70.4*HC:99213**1");
        assertThat(segments(c, "CAS")).extracting(X12ReadBack.Segment::toString)
                .containsExactly("CAS*CO*45*32", "CAS*PR*2*17.6");
        assertThat(segments(c, "DTP")).extracting(X12ReadBack.Segment::toString).contains("DTP*573*D8*20261210");
    }

    @Test
    void controlNumbersAreUniqueAcrossFilesAndNoPartFileIsLeftBehind() throws IOException {
        List<String> isa = jdbc.sql("SELECT isa_control FROM x12_interchange").query(String.class).list();
        assertThat(isa).doesNotHaveDuplicates();
        List<String> st = jdbc.sql("SELECT st_control FROM claim WHERE st_control IS NOT NULL").query(String.class)
                .list();
        assertThat(st).doesNotHaveDuplicates();
        if (Files.isDirectory(outbox())) {
            try (Stream<Path> files = Files.list(outbox())) {
                assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                        .noneMatch(n -> n.endsWith(".part"));
            }
        }
    }

    // ---- helpers

    private static final String OKAFOR = ClaimTestFeed.OKAFOR;
    private static final String RAMAN = ClaimTestFeed.RAMAN;

    private ClaimTestFeed feed() {
        return new ClaimTestFeed(intake, jdbc, scrub, scrubResults, claimJobs);
    }

    private void register(String control, String visit, String name, String birthDate, String payerId,
                          String memberId) {
        feed().register(control, visit, name, birthDate, payerId, memberId);
    }

    private void charges(String control, String visit, String name, String birthDate, List<String> ft1) {
        feed().charges(control, visit, name, birthDate, ft1);
    }

    private static byte[] hl7(String... segments) {
        return ClaimTestFeed.hl7(segments);
    }

    private void feed(byte[] bytes, String name) {
        feed().feed(bytes, name);
    }

    private long scrubbedReady(String visit) {
        return feed().scrubbedReady(visit);
    }

    private void runClaims() {
        feed().runClaims();
    }

    private long encounter(String practice, String visit) {
        return jdbc.sql("""
                        SELECT e.id FROM encounter e JOIN practice p ON p.id = e.practice_id
                        WHERE p.sending_facility = ? AND e.visit_number = ?""")
                .params(practice, visit).query(Long.class).single();
    }

    private long messageId(String controlId) {
        return jdbc.sql("SELECT id FROM hl7_message WHERE control_id = ? ORDER BY id LIMIT 1").param(controlId)
                .query(Long.class).single();
    }

    private Path outbox() {
        return properties.outbox("837");
    }

    private static ClaimLineage.BilledValue value(List<ClaimLineage.BilledValue> values, String element) {
        return values.stream().filter(v -> v.element().equals(element)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + element + " in " + values));
    }

    private static X12ReadBack.Segment segment(List<X12ReadBack.Segment> claim, String tag) {
        return segments(claim, tag).get(0);
    }

    private static List<X12ReadBack.Segment> segments(List<X12ReadBack.Segment> claim, String tag) {
        return claim.stream().filter(s -> s.tag().equals(tag)).toList();
    }

    private static List<X12ReadBack.Segment> nm1(List<X12ReadBack.Segment> claim, String entity) {
        return claim.stream().filter(s -> s.tag().equals("NM1") && s.get(1).equals(entity)).toList();
    }
}
