package org.claimbridge.remit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The StAEDI schemas for the three X12 005010 responses to claimbridge's 837s, in src/main/resources/x12: the 999
 * acknowledgment (005010X231A1), the 277CA claim acknowledgment (005010X214) and the 835 remittance
 * (005010X221A1). The demo's responses in sample-feeds/x12 and the quirky ones in src/test/resources/x12/remit
 * read without a validation error, with the values the claims job's demo claims call for; each broken file is
 * reported with its own error at its own segment.
 *
 * <p>{@link #read(byte[], List)} is the reading the response applier needs: a transaction schema chosen per ST
 * by ST01 and ST03 (GS08 when ST03 is absent), every segment with its guide loop and segment code, every
 * validation error, and what the reader could not read.
 */
class ResponseSchemaTest {

    static final Path SAMPLES = Path.of("sample-feeds", "x12");

    static List<Guide> guides;

    @BeforeAll
    static void loadSchemas() {
        guides = List.of(
                new Guide("999", "005010X231A1", schema("/x12/005010X231A1.xml")),
                new Guide("277", "005010X214", schema("/x12/005010X214.xml")),
                new Guide("835", "005010X221A1", schema("/x12/005010X221A1.xml")));
    }

    // ------------------------------------------------------------------ every valid sample

    @ParameterizedTest
    @ValueSource(strings = {"999-accepted.x12", "999-rejected.x12", "277ca.x12", "835.x12"})
    void demoResponsesFollowTheirGuides(String sample) {
        Reading reading = read(SAMPLES.resolve(sample));

        assertThat(reading.issues()).isEmpty();
        assertThat(reading.transactions()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.complete()).isTrue();
            assertThat(t.version()).isIn("005010X231A1", "005010X214", "005010X221A1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"999-pipe-caret-newline.x12", "277ca-clearinghouse-one-line.x12", "835-reversal-crlf.x12",
            "835-pipe-gt-one-line.x12", "multiple-interchanges.x12"})
    void quirkyResponsesFollowTheirGuides(String sample) {
        Reading reading = read(resource(sample));

        assertThat(reading.issues()).isEmpty();
        assertThat(reading.transactions()).isNotEmpty().allSatisfy(t -> assertThat(t.complete()).isTrue());
    }

    // ------------------------------------------------------------------ 999

    @Test
    void acceptedAcknowledgmentAnswersBothClaimsOfTheDemoGroup() {
        Reading reading = read(SAMPLES.resolve("999-accepted.x12"));

        assertThat(reading.first("GS").get(8)).isEqualTo("005010X231A1");
        assertThat(reading.first("AK1").elements()).containsExactly("HC", "1", "005010X222A1");
        assertThat(setResponses(reading)).containsExactly("0001 A", "0002 A");
        assertThat(reading.first("AK9").elements()).containsExactly("A", "2", "2", "2");
        assertThat(reading.all("AK2")).extracting(Segment::loop).containsOnly("2000");
    }

    @Test
    void rejectedAcknowledgmentPointsAtTheSegmentsAndElementsInError() {
        Reading reading = read(SAMPLES.resolve("999-rejected.x12"));

        assertThat(reading.first("AK1").elements()).containsExactly("HC", "2", "005010X222A1");
        assertThat(setResponses(reading)).containsExactly("0003 A", "0004 R 5");
        assertThat(reading.all("IK3")).extracting(Segment::loop, Segment::toString).containsExactly(
                tuple("2100", "IK3*DMG*10*2010BA*8"), tuple("2100", "IK3*REF*17*2300*I6"),
                tuple("2100", "IK3*NM1*19*2310B*8"));
        assertThat(reading.all("IK4")).extracting(Segment::loop, Segment::toString).containsExactly(
                tuple("2110", "IK4*2*1251*8*20261131"), tuple("2110", "IK4*9*67*2"));
        // the business unit identifier names the claim: CLM01 of the rejected set
        assertThat(reading.all("CTX")).extracting(Segment::code, Segment::toString).containsExactly(
                tuple("CTX-BUSINESS", "CTX*CLM01:4-1"),
                tuple("CTX-SITUATIONAL", "CTX*SITUATIONAL TRIGGER*CLM*15**5:3"),
                tuple("CTX-BUSINESS", "CTX*CLM01:4-1"),
                tuple("CTX-BUSINESS", "CTX*CLM01:4-1"),
                tuple("CTX-ELEMENT", "CTX*SITUATIONAL TRIGGER*NM1*19**8"));
        assertThat(reading.first("AK9").elements()).containsExactly("P", "2", "2", "1");
    }

    @Test
    void acknowledgmentWithOtherDelimitersReadsTheSame() {
        // | between elements, ^ between components, { for repetitions, each segment ended by a bare newline
        Reading reading = read(resource("999-pipe-caret-newline.x12"));

        assertThat(reading.first("ISA").get(16)).isEqualTo("^");
        assertThat(reading.transactions()).extracting(Transaction::control).containsExactly("1001");
        assertThat(setResponses(reading)).containsExactly("0001 R 5");
        assertThat(reading.first("IK4").toString()).isEqualTo("IK4*1:1*235*7*XX");
        assertThat(reading.first("CTX").get(1, 2)).isEqualTo("1-1");
        assertThat(reading.first("AK9").elements()).containsExactly("R", "1", "1", "0");
    }

    @Test
    void acknowledgmentCodeOutsideTheGuideIsAnInvalidCodeValue() {
        String edi = text(SAMPLES.resolve("999-accepted.x12")).replaceFirst("IK5\\*A~", "IK5*Z~");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::loop, Issue::segment, Issue::element, Issue::text)
                .containsExactly(tuple("IMPLEMENTATION_INVALID_CODE_VALUE", "2000", "IK5", 1, "Z"));
    }

    @Test
    void acknowledgmentWithoutItsTrailerIsMissingAK9() {
        String edi = text(SAMPLES.resolve("999-accepted.x12")).replace("AK9*A*2*2*2~\n", "").replace("SE*8*", "SE*7*");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::code, Issue::segment, Issue::position)
                .containsExactly(tuple("MANDATORY_SEGMENT_MISSING", "AK9", "SE", 7),
                        tuple("IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE", "AK9", "SE", 7));
    }

    // ------------------------------------------------------------------ 277CA

    @Test
    void claimAcknowledgmentAcceptsHaroldsClaimAndRejectsLilysForHerMemberId() {
        Reading reading = read(SAMPLES.resolve("277ca.x12"));

        assertThat(reading.transactions()).extracting(Transaction::type, Transaction::control)
                .containsExactly(tuple("277", "0001"), tuple("277", "0002"));
        assertThat(reading.all("BHT")).extracting(s -> s.get(1) + " " + s.get(2) + " " + s.get(6))
                .containsOnly("0085 08 TH");
        assertThat(claimStatuses(reading)).containsExactly(
                "1-1 A2:20:PR WQ 357.5 1K=2226308123450",
                "2-1 A7:164:IL U 225 1K=E2611040003318");
        Segment rejection = reading.transactions().get(1).all("STC").stream().filter(s -> "2200D".equals(s.loop()))
                .findFirst().orElseThrow();
        assertThat(rejection.get(1, 3)).isEqualTo("IL");
        assertThat(rejection.get(10)).isEqualTo("A7:21:IL");
        assertThat(rejection.get(12)).isEqualTo("MEMBER ID NOT ON FILE FOR PATIENT");
        // who answers, for whom, and the totals of each level
        assertThat(reading.all("NM1")).extracting(Segment::loop, s -> s.get(1) + " " + s.get(9)).containsExactly(
                tuple("2100A", "PR 06102"), tuple("2100B", "41 CLAIMBRIDGE"), tuple("2100C", "85 1234567893"),
                tuple("2100D", "QC 1EG4TE5MK73"),
                tuple("2100A", "PR 60054"), tuple("2100B", "41 CLAIMBRIDGE"), tuple("2100C", "85 1234567893"),
                tuple("2100D", "QC W284719360"));
        assertThat(reading.all("QTY")).extracting(Segment::code, Segment::loop).containsExactly(
                tuple("QTY-90", "2200B"), tuple("QTY-QA", "2200C"), tuple("QTY-AA", "2200B"), tuple("QTY-QC", "2200C"));
        assertThat(reading.all("DTP")).extracting(Segment::code).containsExactly(
                "DTP-050", "DTP-009", "DTP-472", "DTP-050", "DTP-009", "DTP-472");
    }

    @Test
    void clearinghouseAcknowledgmentOnOneLineCarriesServiceLineStatuses() {
        Reading reading = read(resource("277ca-clearinghouse-one-line.x12"));

        assertThat(reading.transactions()).extracting(Transaction::control).containsExactly("3001", "3002");
        assertThat(reading.all("NM1").get(0).toString()).isEqualTo("NM1*AY*2*AVAILITY*****46*030240928");
        assertThat(reading.all("REF")).extracting(Segment::code, Segment::toString).containsExactly(
                tuple("REF-D9", "REF*D9*AV7731904001"), tuple("REF-D9", "REF*D9*AV7731905001"),
                tuple("REF-FJ", "REF*FJ*2-1-2"));
        // each 2220D line (only rejected lines are reported): its procedure, its status, its line item control
        // number (the 837's REF*6R)
        List<String> lines = new ArrayList<>();
        String procedure = null;
        for (Segment s : reading.segments()) {
            if ("2220D".equals(s.loop())) {
                switch (s.tag()) {
                    case "SVC" -> procedure = s.get(1);
                    case "STC" -> lines.add(procedure + " " + s.get(1) + " " + s.get(3));
                    case "REF" -> lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + s.get(2));
                    default -> {
                    }
                }
            }
        }
        assertThat(lines).containsExactly("HC:99173 A3:562:82 U 2-1-2");
        assertThat(reading.first("SVC").get(7)).isEqualTo("1");
        assertThat(claimStatuses(reading)).containsExactly("1-1 A1:19:PR WQ 357.5", "2-1 A3:21 U 225");
        assertThat(reading.all("HL").get(7).toString()).isEqualTo("HL*4*3*PT*0");
    }

    @Test
    void claimWithoutStatusMissesTheRequiredStc() {
        String edi = text(SAMPLES.resolve("277ca.x12")).replace("STC*A2:20:PR*20261104*WQ*357.5~\n", "")
                .replace("SE*26*0001", "SE*25*0001");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::code, Issue::segment, Issue::position)
                .containsExactly(tuple("IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE", "STC", "REF", 23));
    }

    @Test
    void hierarchicalLevelOutsideTheGuideLeavesItsWholeLoopUnknown() {
        // a subscriber level (22) is an 837 level, not a 277CA one: no 2000 loop of the guide matches HL03, so the HL
        // and every segment under it are reported (the claim's TRN, STC, REF and DTP included)
        String edi = text(SAMPLES.resolve("277ca.x12")).replaceFirst("HL\\*4\\*3\\*PT~", "HL*4*3*22~");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::segment, Issue::element, Issue::position)
                .containsExactly(tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "HL", 3, 20),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "NM1", 0, 21),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "TRN", 0, 22),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "STC", 0, 23),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "REF", 0, 24),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "DTP", 0, 25));
    }

    // ------------------------------------------------------------------ 835

    @Test
    void remittancePaysHaroldsClaimInPartAndDeniesLilys() {
        Reading reading = read(SAMPLES.resolve("835.x12"));

        Transaction medicare = reading.transactions().get(0);
        assertThat(medicare.first("BPR").elements()).startsWith("I", "121.85", "C", "ACH", "CCP");
        assertThat(medicare.first("BPR").get(16)).isEqualTo("20261118");
        assertThat(medicare.first("TRN").elements()).containsExactly("1", "EFT0000917733", "1999999991");
        assertThat(medicare.all("N1")).extracting(Segment::loop, Segment::toString).containsExactly(
                tuple("1000A", "N1*PR*MEDICARE PART B"), tuple("1000B", "N1*PE*MAPLE FAMILY PRACTICE*XX*1234567893"));
        assertThat(medicare.all("PER")).extracting(Segment::code).containsExactly("PER-CX", "PER-BL", "PER-IC");

        Segment clp = medicare.first("CLP");
        assertThat(clp.loop()).isEqualTo("2100");
        assertThat(clp.elements()).containsExactly("1-1", "1", "357.5", "146.47", "36.61", "MB", "2226310417250", "11", "1");
        assertThat(medicare.all("NM1")).extracting(Segment::code).containsExactly("NM1-QC", "NM1-82");
        assertThat(medicare.first("MOA").get(3)).isEqualTo("MA01");
        assertThat(serviceLines(medicare)).containsExactly(
                "1-1-1 HC:99214:25 185 93.11 CO-45 66.24, CO-253 1.9, PR-2 23.75",
                "1-1-2 HC:20610:RT 142 50.42 CO-45 77.69, CO-253 1.03, PR-2 12.86",
                "1-1-3 HC:J1030 18.5 0 CO-16 18.5",
                "1-1-4 HC:36415 12 2.94 CO-45 9, CO-253 0.06");
        assertThat(medicare.all("LQ")).extracting(Segment::loop, Segment::code, Segment::toString).containsExactly(
                tuple("2110", "LQ-HE", "LQ*HE*N290"), tuple("2110", "LQ-HE", "LQ*HE*MA130"));
        assertThat(medicare.all("AMT")).extracting(Segment::code).containsOnly("AMT-B6");
        assertThat(medicare.first("PLB").elements()).containsExactly(
                "1234567893", "20261231", "WO:2226294117810", "25", "L6:2226310417250", "-0.38");
        assertBalanced(medicare);

        Transaction aetna = reading.transactions().get(1);
        assertThat(aetna.first("BPR").elements()).startsWith("H", "0", "C", "NON");
        assertThat(aetna.first("CLP").elements()).startsWith("2-1", "4", "225", "0", "0", "12");
        assertThat(aetna.first("CAS")).extracting(Segment::loop, Segment::toString).containsExactly("2100", "CAS*CO*31*225");
        assertThat(aetna.all("DTM")).extracting(Segment::code, s -> s.get(1)).containsExactly(
                tuple("DTM-405", "405"), tuple("DTM-232", "232"), tuple("DTM-232", "233"), tuple("DTM-050", "050"));
        assertThat(aetna.all("SVC")).isEmpty();
        assertBalanced(aetna);
    }

    @Test
    void reversalTakesThePaymentBackBeforeTheCorrectedClaimPaysIt() {
        Reading reading = read(resource("835-reversal-crlf.x12"));

        Transaction t = reading.transactions().get(0);
        assertThat(t.all("CLP")).extracting(s -> s.get(1), s -> s.get(2), s -> s.get(3), s -> s.get(4), s -> s.get(7))
                .containsExactly(tuple("1-1", "22", "-357.5", "-146.47", "2226310417250"),
                        tuple("1-1", "1", "357.5", "150.33", "2226323417330"));
        assertThat(t.all("REF")).filteredOn(s -> "2100".equals(s.loop())).extracting(Segment::code, Segment::toString)
                .containsExactly(tuple("REF-1L", "REF*F8*2226310417250"));
        assertThat(serviceLines(t)).contains(
                "1-1-3 HC:J1030 -18.5 0 CO-16 -18.5",
                "1-1-3 HC:J1030 18.5 3.86 CO-45 13.57, CO-253 0.08, PR-2 0.99");
        assertThat(t.first("BPR").get(2)).isEqualTo("3.86");
        assertBalanced(t);
    }

    @Test
    void checkPaymentWithOtherDelimitersCrossesOverAndAdjustsAtProviderLevel() {
        Reading reading = read(resource("835-pipe-gt-one-line.x12"));

        Transaction t = reading.transactions().get(0);
        assertThat(reading.first("ISA").get(16)).isEqualTo(">");
        assertThat(t.first("BPR").elements()).startsWith("C", "94.2", "C", "CHK");
        assertThat(t.first("CLP").get(2)).isEqualTo("19");
        assertThat(t.all("NM1")).extracting(Segment::code).containsExactly("NM1-QC", "NM1-82", "NM1-TT");
        assertThat(t.all("NM1").get(2).get(9)).isEqualTo("36273");
        // composites come out joined by ':' whatever the file's component separator
        assertThat(t.first("SVC").get(1)).isEqualTo("HC:99214:25");
        assertThat(t.all("PLB")).flatExtracting(ResponseSchemaTest::providerAdjustments).containsExactly(
                "72 ADV202610A 20", "CS MSP0391 -12.5", "J1 HOLD2611 8.25", "AP ACCEL7731 15", "FB FB20261001 -3.1",
                "WO 2226294117810 25", "L6 2226310417250 -0.38");
        assertThat(t.first("RDM").loop()).isEqualTo("1000B");
        assertBalanced(t);
    }

    @Test
    void severalInterchangesInOneFileEachKeepTheirDelimiters() {
        Reading reading = read(resource("multiple-interchanges.x12"));

        assertThat(reading.all("ISA")).extracting(s -> s.get(13)).containsExactly("000000121", "000000122", "000000123");
        assertThat(reading.transactions()).extracting(Transaction::type, Transaction::version).containsExactly(
                tuple("999", "005010X231A1"), tuple("277", "005010X214"), tuple("835", "005010X221A1"));
        assertThat(claimStatuses(reading)).containsExactly("1-1 A2:20:PR WQ 357.5 1K=2226308123450");
        assertThat(reading.first("CLP").get(1)).isEqualTo("2-1");
    }

    @Test
    void claimStatusOutsideTheGuideIsAnInvalidCodeValue() {
        String edi = text(SAMPLES.resolve("835.x12")).replace("CLP*2-1*4*", "CLP*2-1*5*");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::loop, Issue::segment, Issue::element, Issue::text)
                .containsExactly(tuple("IMPLEMENTATION_INVALID_CODE_VALUE", "2100", "CLP", 2, "5"));
    }

    @Test
    void adjustmentWithASeventhTripletHasTooManyElements() {
        String edi = text(SAMPLES.resolve("835.x12")).replace("CAS*CO*31*225~",
                "CAS*CO*31*200**45*5**45*4**45*4**45*4**45*4**45*4~");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::segment, Issue::element)
                .containsExactly(tuple("TOO_MANY_DATA_ELEMENTS", "CAS", 20), tuple("TOO_MANY_DATA_ELEMENTS", "CAS", 21));
    }

    @Test
    void sameTagSegmentsOutOfGuideOrderAreReportedAsUnused() {
        // the claim received date (DTM*050) before the statement dates (DTM*232/233): StAEDI only looks forward
        // among a loop's DTM implementations, so guide order is enforced
        String edi = text(SAMPLES.resolve("835.x12"))
                .replace("DTM*232*20261103~\nDTM*233*20261103~\nDTM*050*20261105~",
                        "DTM*050*20261105~\nDTM*232*20261103~\nDTM*233*20261103~");

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::segment, Issue::position)
                .containsExactly(tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "DTM", 18),
                        tuple("IMPLEMENTATION_UNUSED_SEGMENT_PRESENT", "DTM", 19));
    }

    // ------------------------------------------------------------------ what cannot be applied

    @Test
    void truncatedFileEndsWithoutItsInterchangeTrailer() {
        Reading reading = read(resource("999-truncated.x12"));

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::segment)
                .containsExactly(tuple(null, "UNEXPECTED_END_OF_STREAM", "GE"));
        assertThat(reading.issues().get(0).text()).contains("Unexpected end of stream");
        // the acknowledgment itself arrived whole; whether to apply it without its IEA is the applier's call
        assertThat(reading.transactions()).extracting(Transaction::complete).containsExactly(true);
    }

    @Test
    void fileCutInsideASegmentLeavesTheTransactionIncomplete() {
        String whole = text(SAMPLES.resolve("999-accepted.x12"));
        Reading reading = read(bytes(whole.substring(0, whole.indexOf("AK2*837*0002") + 9)));

        assertThat(reading.issues()).extracting(Issue::error, Issue::segment)
                .containsExactly(tuple("UNEXPECTED_END_OF_STREAM", "IK5"));
        assertThat(reading.transactions()).extracting(Transaction::control, Transaction::complete)
                .containsExactly(tuple("0001", false));
    }

    @Test
    void wrongSegmentCountIsReportedOnSe01OfThatTransactionOnly() {
        Reading reading = read(resource("277ca-wrong-se-count.x12"));

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::transaction, Issue::segment, Issue::element, Issue::text)
                .containsExactly(tuple(EDIStreamEvent.ELEMENT_DATA_ERROR, "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT",
                        "0001", "SE", 1, "25"));
    }

    @Test
    void transactionWithoutAResponseGuideIsNotSupported() {
        Reading reading = read(resource("810-unknown-transaction.x12"));

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::transaction, Issue::segment, Issue::element, Issue::text)
                .containsExactly(tuple(null, "TRANSACTION_SET_NOT_SUPPORTED", "0001", "ST", 1, "810 005010"));
        assertThat(reading.transactions()).extracting(Transaction::type, Transaction::complete)
                .containsExactly(tuple("810", true));
    }

    @Test
    void unsupportedTransactionAfterASupportedOneIsNotReadWithTheEarlierSchema() {
        String invoice = text(resource("810-unknown-transaction.x12"));
        String ack = text(SAMPLES.resolve("999-accepted.x12"));
        // one interchange, the 999's group and then the 810's group
        String edi = ack.substring(0, ack.indexOf("IEA")) + invoice.substring(invoice.indexOf("GS*"), invoice.indexOf("IEA"))
                + "IEA*2*000000101~\n";

        assertThat(read(bytes(edi)).issues())
                .extracting(Issue::error, Issue::segment)
                .containsExactly(tuple("TRANSACTION_SET_NOT_SUPPORTED", "ST"));
    }

    @Test
    void remittanceWithoutFinancialInformationMissesBpr() {
        Reading reading = read(resource("835-missing-bpr.x12"));

        // reported at TRN, the first segment after the place BPR should have been: once by the standard, once by the guide
        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::code, Issue::segment, Issue::position)
                .containsExactly(
                        tuple(EDIStreamEvent.SEGMENT_ERROR, "MANDATORY_SEGMENT_MISSING", "BPR", "TRN", 2),
                        tuple(EDIStreamEvent.SEGMENT_ERROR, "IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE", "BPR", "TRN", 2));
    }

    // ------------------------------------------------------------------ the samples' own data

    @Test
    void everyProviderNpiInTheSamplesPassesTheLuhnCheck() throws IOException {
        Pattern npi = Pattern.compile("(?:XX[*|]|PLB[*|]|TS3[*|])(\\d{10})");
        List<Path> files;
        try (Stream<Path> remit = Files.list(Path.of("src", "test", "resources", "x12", "remit"));
             Stream<Path> demo = Files.list(SAMPLES)) {
            files = Stream.concat(demo, remit).filter(p -> p.toString().endsWith(".x12")).toList();
        }
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            Matcher m = npi.matcher(text(file));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        assertThat(found).isNotEmpty().allSatisfy(n -> assertThat(luhn("80840" + n)).as(n).isTrue());
        assertThat(found).containsOnly("1234567893", "1049283710");
    }

    // ------------------------------------------------------------------ reading (the shape the applier needs)

    /** A response guide: the transaction set (ST01), its version (ST03, else GS08) and its implementation schema. */
    record Guide(String transaction, String version, Schema schema) {
    }

    /**
     * One segment as read. Composites are joined by ':' and repetitions keep their first occurrence, whatever the
     * file's delimiters. {@code loop} is the innermost guide loop (2000A, 2100, 2110, ...; null outside a transaction
     * set or outside a loop), {@code code} the guide's segment code (REF-6R, NM1-QC, ...; the tag when the guide has
     * a single use of it there), {@code transaction} the ST02 it belongs to.
     */
    record Segment(String tag, String loop, String code, String transaction, List<String> elements) {

        String get(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }

        String get(int position, int component) {
            String[] components = get(position).split(":", -1);
            return component <= components.length ? components[component - 1] : "";
        }

        @Override
        public String toString() {
            return elements.isEmpty() ? tag : tag + "*" + String.join("*", elements);
        }
    }

    /**
     * A validation error or a reading problem. {@code error} is StAEDI's {@link EDIStreamValidationError} name, or
     * TRANSACTION_SET_NOT_SUPPORTED (no guide for ST01/version), UNEXPECTED_END_OF_STREAM or UNREADABLE (the reader
     * gave up; {@code event} is null for these). {@code position} is the segment's position in its transaction set,
     * ST being 1 (as IK302 counts it), 0 outside one.
     */
    record Issue(EDIStreamEvent event, String error, String code, String loop, String transaction, String segment,
                 int position, int element, int component, String text) {
    }

    /** One transaction set, ST to SE; {@code complete} once its SE was read. */
    record Transaction(String type, String control, String version, List<Segment> segments, boolean complete) {

        List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.tag().equals(tag)).toList();
        }

        Segment first(String tag) {
            return all(tag).stream().findFirst().orElseThrow(() -> new AssertionError("no " + tag + " in " + control));
        }
    }

    record Reading(List<Segment> segments, List<Transaction> transactions, List<Issue> issues) {

        List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.tag().equals(tag)).toList();
        }

        Segment first(String tag) {
            return all(tag).stream().findFirst().orElseThrow(() -> new AssertionError("no " + tag));
        }
    }

    static Reading read(Path file) {
        try {
            return read(Files.readAllBytes(file), guides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reading read(byte[] edi) {
        return read(edi, guides);
    }

    /**
     * Reads an X12 file of any number of interchanges, taking the envelope schema from the stream (ISA) and setting
     * each transaction set's schema from its ST01 and ST03 (GS08 when ST03 is absent).
     */
    static Reading read(byte[] edi, List<Guide> guides) {
        List<Segment> segments = new ArrayList<>();
        List<Transaction> transactions = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        Deque<String> loops = new ArrayDeque<>();
        String groupVersion = null;
        String tag = null;
        String code = null;
        List<String> elements = new ArrayList<>();
        StringBuilder composite = null;
        List<Segment> transaction = null;
        String[] header = null; // ST01, ST02, version
        int position = 0; // segments of the current transaction set read so far
        int stPosition = 0; // the reader's position of its ST
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(edi))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_TRANSACTION -> {
                        transaction = new ArrayList<>();
                        position = 0;
                        stPosition = reader.getLocation().getSegmentPosition();
                    }
                    case START_LOOP -> {
                        if (transaction != null) {
                            loops.push(reader.getReferenceCode());
                        }
                    }
                    case END_LOOP -> {
                        if (transaction != null && !loops.isEmpty()) {
                            loops.pop();
                        }
                    }
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        code = reader.getReferenceCode();
                        elements = new ArrayList<>();
                        if (transaction != null) {
                            position++;
                        }
                    }
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case END_COMPOSITE -> {
                        add(elements, reader.getLocation().getElementPosition(), stripTrailing(composite.toString()));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.append(reader.getLocation().getComponentPosition() > 1 ? ":" : "")
                                    .append(reader.getText());
                        } else {
                            add(elements, reader.getLocation().getElementPosition(), reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        String st02 = header != null ? header[1] : null;
                        Segment segment = new Segment(tag, transaction != null ? loops.peek() : null,
                                code == null ? tag : code, "ST".equals(tag) ? get(elements, 2) : st02, List.copyOf(elements));
                        segments.add(segment);
                        if (transaction != null) {
                            transaction.add(segment);
                        }
                        switch (tag) {
                            case "GS" -> groupVersion = get(elements, 8);
                            case "ST" -> {
                                String version = get(elements, 3).isEmpty() ? groupVersion : get(elements, 3);
                                String[] st = {get(elements, 1), get(elements, 2), version};
                                header = st;
                                Optional<Guide> guide = guides.stream().filter(g -> g.transaction().equals(st[0])
                                        && g.version().equals(st[2])).findFirst();
                                // cleared when there is none, so an earlier set's schema does not judge this one
                                reader.setTransactionSchema(guide.map(Guide::schema).orElse(null));
                                if (guide.isEmpty()) {
                                    issues.add(new Issue(null, "TRANSACTION_SET_NOT_SUPPORTED", null, null, header[1],
                                            "ST", 1, 1, 0, header[0] + " " + header[2]));
                                }
                            }
                            case "SE" -> {
                                transactions.add(new Transaction(header[0], header[1], header[2], List.copyOf(transaction), true));
                                transaction = null;
                                header = null;
                                loops.clear();
                            }
                            default -> {
                            }
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> issues.add(new Issue(event,
                            reader.getErrorType().name(), reader.getReferenceCode(), transaction != null ? loops.peek() : null,
                            header != null ? header[1] : null, reader.getLocation().getSegmentTag(),
                            transaction != null ? reader.getLocation().getSegmentPosition() - stPosition + 1 : 0,
                            Math.max(reader.getLocation().getElementPosition(), 0),
                            Math.max(reader.getLocation().getComponentPosition(), 0), text(reader)));
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | RuntimeException e) {
            // StAEDI gives up on a stream it cannot read on: a cut-off file, bytes that are not X12
            String last = segments.isEmpty() ? null : segments.get(segments.size() - 1).tag();
            String message = String.valueOf(e.getMessage());
            issues.add(new Issue(null, message.contains("EDIE005") ? "UNEXPECTED_END_OF_STREAM" : "UNREADABLE", null,
                    null, header != null ? header[1] : null, last, position, 0, 0, message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (transaction != null) {
            transactions.add(new Transaction(header[0], header[1], header[2], List.copyOf(transaction), false));
        }
        return new Reading(segments, transactions, issues);
    }

    private static void add(List<String> elements, int position, String value) {
        while (elements.size() < position - 1) {
            elements.add("");
        }
        if (elements.size() < position) {
            elements.add(value);
        }
        // else a repetition of the element: the first is kept
    }

    private static String get(List<String> elements, int position) {
        return position <= elements.size() ? elements.get(position - 1) : "";
    }

    /** StAEDI 1.26 keeps no text for some syntax-rule errors and throws instead of answering null. */
    private static String text(EDIStreamReader reader) {
        try {
            return reader.getText();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String stripTrailing(String composite) {
        String s = composite;
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    // ------------------------------------------------------------------ helpers

    /** "ST02 IK501 [IK502...]" for each AK2 with the IK5 that closes it. */
    static List<String> setResponses(Reading reading) {
        List<String> out = new ArrayList<>();
        String set = null;
        for (Segment s : reading.segments()) {
            if (s.tag().equals("AK2")) {
                set = s.get(2);
            } else if (s.tag().equals("IK5")) {
                out.add(set + " " + String.join(" ", s.elements()).trim());
            }
        }
        return out;
    }

    /** "CLM01 STC01 STC03 STC04 [1K=payer claim number]" for each 2200D claim, its first STC. */
    static List<String> claimStatuses(Reading reading) {
        List<String> out = new ArrayList<>();
        String claim = null;
        boolean statusTaken = false;
        for (Segment s : reading.segments()) {
            if (!"2200D".equals(s.loop())) {
                continue;
            }
            switch (s.code()) {
                case "TRN" -> {
                    claim = s.get(2);
                    statusTaken = false;
                }
                case "STC" -> {
                    if (!statusTaken) {
                        out.add(claim + " " + s.get(1) + " " + s.get(3) + " " + s.get(4));
                        statusTaken = true;
                    }
                }
                case "REF-1K" -> out.set(out.size() - 1, out.get(out.size() - 1) + " 1K=" + s.get(2));
                default -> {
                }
            }
        }
        return out;
    }

    /** "REF*6R SVC01 SVC02 SVC03 group-reason amount, ..." for each 2110 line. */
    static List<String> serviceLines(Transaction t) {
        List<String> out = new ArrayList<>();
        String svc = null;
        List<String> adjustments = new ArrayList<>();
        for (Segment s : t.segments()) {
            if ("SVC".equals(s.tag())) {
                svc = s.get(1) + " " + s.get(2) + " " + s.get(3);
                adjustments = new ArrayList<>();
            } else if ("2110".equals(s.loop()) && "CAS".equals(s.tag())) {
                for (int i = 2; i <= 17; i += 3) {
                    if (!s.get(i).isEmpty()) {
                        adjustments.add(s.get(1) + "-" + s.get(i) + " " + s.get(i + 1));
                    }
                }
            } else if ("REF-6R".equals(s.code())) {
                out.add(s.get(2) + " " + svc + " " + String.join(", ", adjustments));
            }
        }
        return out;
    }

    static List<String> providerAdjustments(Segment plb) {
        List<String> out = new ArrayList<>();
        for (int i = 3; i <= 13; i += 2) {
            if (!plb.get(i).isEmpty()) {
                out.add(plb.get(i, 1) + " " + plb.get(i, 2) + " " + plb.get(i + 1));
            }
        }
        return out;
    }

    /**
     * The 835 balancing rules the schema cannot express: BPR02 = sum of CLP04 - sum of PLB amounts; per claim
     * CLP03 - claim and line CAS = CLP04; per line SVC02 - CAS = SVC03.
     */
    static void assertBalanced(Transaction t) {
        BigDecimal claimsPaid = BigDecimal.ZERO;
        BigDecimal providerAdjustments = BigDecimal.ZERO;
        BigDecimal claimBalance = null;
        BigDecimal lineBalance = null;
        String current = null;
        for (Segment s : t.segments()) {
            switch (s.tag()) {
                case "CLP" -> {
                    checkZero(lineBalance, current);
                    checkZero(claimBalance, current);
                    current = s.get(1) + "/" + s.get(2);
                    claimsPaid = claimsPaid.add(new BigDecimal(s.get(4)));
                    claimBalance = new BigDecimal(s.get(3)).subtract(new BigDecimal(s.get(4)));
                    lineBalance = null;
                }
                case "SVC" -> {
                    checkZero(lineBalance, current);
                    lineBalance = new BigDecimal(s.get(2)).subtract(new BigDecimal(s.get(3)));
                }
                case "CAS" -> {
                    for (int i = 3; i <= 18; i += 3) {
                        if (!s.get(i).isEmpty()) {
                            BigDecimal amount = new BigDecimal(s.get(i));
                            claimBalance = claimBalance.subtract(amount);
                            if ("2110".equals(s.loop())) {
                                lineBalance = lineBalance.subtract(amount);
                            }
                        }
                    }
                }
                case "PLB" -> {
                    for (int i = 4; i <= 14; i += 2) {
                        if (!s.get(i).isEmpty()) {
                            providerAdjustments = providerAdjustments.add(new BigDecimal(s.get(i)));
                        }
                    }
                }
                default -> {
                }
            }
        }
        checkZero(lineBalance, current);
        checkZero(claimBalance, current);
        assertThat(new BigDecimal(t.first("BPR").get(2))).as("BPR02 of " + t.control())
                .isEqualByComparingTo(claimsPaid.subtract(providerAdjustments));
    }

    private static void checkZero(BigDecimal balance, String claim) {
        if (balance != null) {
            assertThat(balance).as("unbalanced amounts in claim " + claim).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static Path resource(String name) {
        return Path.of("src", "test", "resources", "x12", "remit", name);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String edi) {
        return edi.getBytes(StandardCharsets.US_ASCII);
    }

    static Schema schema(String resource) {
        try (InputStream in = Objects.requireNonNull(ResponseSchemaTest.class.getResourceAsStream(resource), resource)) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
