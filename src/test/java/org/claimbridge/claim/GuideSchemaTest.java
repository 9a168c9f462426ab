package org.claimbridge.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.schema.implementation.EDITypeImplementation;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 837P (005010X222A1) and 837I (005010X223A2) StAEDI implementation schemas in
 * src/main/resources/x12: guide-conformant samples read without a single validation error, and
 * each kind of guide violation is reported with its own error code and position. The last tests
 * show how the schemas act on an EDIStreamWriter while the claim file is being written.
 */
class GuideSchemaTest {

    static final String PROFESSIONAL = "/x12/005010X222A1.xml";
    static final String INSTITUTIONAL = "/x12/005010X223A2.xml";

    static Schema professional;
    static Schema institutional;

    @BeforeAll
    static void loadSchemas() {
        professional = schema(PROFESSIONAL);
        institutional = schema(INSTITUTIONAL);
    }

    // ------------------------------------------------------------------ guide-conformant samples

    @ParameterizedTest
    @ValueSource(strings = {"837p-self-and-dependent.edi", "837p-secondary-payer.edi", "837p-replacement.edi"})
    void professionalSamplesFollowTheGuide(String sample) {
        assertThat(read(sample, professional).issues()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"837i-outpatient.edi", "837i-inpatient.edi"})
    void institutionalSamplesFollowTheGuide(String sample) {
        assertThat(read(sample, institutional).issues()).isEmpty();
    }

    @Test
    void selfSubscriberAndDependentClaimsAreReadIntoTheirGuideLoops() {
        Reading reading = read("837p-self-and-dependent.edi", professional);

        assertThat(reading.loops()).containsExactly(
                "1000A", "1000B", "2000A", "2010AA",
                "2000B", "2010BA", "2010BB", "2300", "2310A", "2310B", "2310C", "2400", "2400",
                "2000B", "2010BA", "2010BB",
                "2000C", "2010CA", "2300", "2310B", "2400");
        assertThat(reading.segments()).contains("REF-EI", "DTP-431", "REF-G1", "HI-ABK", "DTP-472", "REF-6R");
    }

    @Test
    void secondaryPayerClaimCarriesTheOtherSubscriberLoops() {
        Reading reading = read("837p-secondary-payer.edi", professional);

        assertThat(reading.loops()).containsSubsequence("2300", "2320", "2330A", "2330B", "2400");
        assertThat(reading.segments()).contains("AMT-D");
    }

    @Test
    void replacementClaimCarriesThePayerClaimControlNumber() {
        Reading reading = read("837p-replacement.edi", professional);

        assertThat(reading.segments()).containsSubsequence("CLM", "DTP-431", "REF-G1", "REF-F8", "HI-ABK");
    }

    @Test
    void inpatientClaimCarriesAdmissionAndProcedureSegments() {
        Reading reading = read("837i-inpatient.edi", institutional);

        assertThat(reading.segments()).containsSubsequence(
                "CLM", "DTP-096", "DTP-434", "DTP-435", "CL1", "REF-G1",
                "HI-ABK", "HI-ABJ", "HI-ABF", "HI-BBR", "HI-BBQ");
        assertThat(reading.loops()).containsSubsequence("2300", "2310A", "2310B", "2400", "2400");
    }

    // ------------------------------------------------------------------ guide violations

    @Test
    void missingBillingProviderNameIsAMissingRequiredLoop() {
        Reading reading = read("837p-invalid-missing-2010AA.edi", professional);

        // reported when the next HL shows that 2000A ended without its required 2010AA loop
        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::referenceCode, Issue::segment)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES, "2010AA", "HL"));
    }

    @Test
    void billingProviderIdentifiedByAnythingButNpiIsAWrongQualifier() {
        Reading reading = read("837p-invalid-2010AA-nm108.edi", professional);

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::loop, Issue::segment, Issue::element, Issue::text)
                .containsExactly(tuple(EDIStreamEvent.ELEMENT_DATA_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_INVALID_CODE_VALUE, "2010AA", "NM1", 8, "24"));
    }

    @Test
    void claimSubmitterIdentifierLongerThan38IsTooLong() {
        Reading reading = read("837p-invalid-clm01-too-long.edi", professional);

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::loop, Issue::segment, Issue::element)
                .containsExactly(tuple(EDIStreamEvent.ELEMENT_DATA_ERROR,
                        EDIStreamValidationError.DATA_ELEMENT_TOO_LONG, "2300", "CLM", 1));
        assertThat(reading.issues().get(0).text()).hasSize(39);
    }

    @Test
    void professionalClaimWith51ServiceLinesExceedsTheGuideLimitOf50() {
        Reading reading = read("837p-invalid-51-lines.edi", professional);

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::referenceCode, Issue::segment)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES, "2400", "LX"));
        assertThat(reading.loops().stream().filter("2400"::equals)).hasSize(51);
    }

    @Test
    void claimWithoutDiagnosisMissesTheRequiredHealthCareDiagnosisCode() {
        Reading reading = read("837p-invalid-missing-hi.edi", professional);

        // reported at the first segment after the place the HI should have been (NM1 of 2310A)
        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::referenceCode, Issue::segment)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE, "HI-ABK", "NM1"));
    }

    @Test
    void institutionalClaimWithoutStatementDatesMissesARequiredSegment() {
        Reading reading = read("837i-invalid-missing-statement-dates.edi", institutional);

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::referenceCode)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE, "DTP-434"));
    }

    @Test
    void everyInstitutionalClaimNeedsItsInstitutionalClaimCode() {
        // CL1 (admission type, source, patient status) is required on outpatient claims as well
        String edi = sample("837i-outpatient.edi").replace("CL1*1**01~\n", "").replace("SE*36*", "SE*35*");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), institutional).issues())
                .extracting(Issue::event, Issue::error, Issue::referenceCode)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE, "CL1"));
    }

    @Test
    void segmentsSharingATagMustComeInGuideOrder() {
        // DTP*434 (Statement Dates) written before DTP*096 (Discharge Hour): StAEDI only looks forward
        // among the DTP implementations, so the guide's order of same-tag segments is enforced
        Reading reading = read("837i-invalid-dtp-order.edi", institutional);

        assertThat(reading.issues())
                .extracting(Issue::event, Issue::error, Issue::segment)
                .containsExactly(tuple(EDIStreamEvent.SEGMENT_ERROR,
                        EDIStreamValidationError.IMPLEMENTATION_UNUSED_SEGMENT_PRESENT, "DTP"));
    }

    @Test
    void elementTheGuideMarksNotUsedIsReported() {
        // NM106 (name suffix) is not used for the billing provider
        String edi = sample("837p-replacement.edi")
                .replace("NM1*85*2*MAPLE FAMILY MEDICINE*****XX*1234567893~", "NM1*85*2*MAPLE FAMILY MEDICINE***JR**XX*1234567893~");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), professional).issues())
                .extracting(Issue::error, Issue::segment, Issue::element)
                .containsExactly(tuple(EDIStreamValidationError.IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT, "NM1", 6));
    }

    @Test
    void elementPastTheLastOneTheGuideUsesIsRefused() {
        // no 837P loop uses NM110 or later: the schema's NM1 ends at NM109 (see the schema's header)
        String edi = sample("837p-replacement.edi")
                .replace("NM1*85*2*MAPLE FAMILY MEDICINE*****XX*1234567893~", "NM1*85*2*MAPLE FAMILY MEDICINE*****XX*1234567893*41~");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), professional).issues())
                .extracting(Issue::error, Issue::segment, Issue::element)
                .containsExactly(tuple(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, "NM1", 10));
    }

    @Test
    void claimFilingIndicatorBelongsInSbr09() {
        // one separator too many after the group name puts the filing indicator in SBR10
        String edi = sample("837p-replacement.edi")
                .replace("SBR*P*18*GRP1001*ACME EMPLOYEES*****CI~", "SBR*P*18*GRP1001*ACME EMPLOYEES******CI~");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), professional).issues())
                .extracting(Issue::error, Issue::segment, Issue::element)
                .containsExactly(
                        tuple(EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING, "SBR", 9),
                        tuple(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, "SBR", 10));
    }

    @Test
    void professionalClaimFrequencyMustBeOriginalReplacementOrVoid() {
        String edi = sample("837p-replacement.edi").replace("*11:B:7*", "*11:B:6*");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), professional).issues())
                .extracting(Issue::error, Issue::segment, Issue::element, Issue::component, Issue::text)
                .containsExactly(tuple(EDIStreamValidationError.IMPLEMENTATION_INVALID_CODE_VALUE, "CLM", 5, 3, "6"));
    }

    @Test
    void diagnosisPointerMustBeOneToTwelve() {
        String edi = sample("837p-replacement.edi").replace("SV1*HC:99213*100*UN*1***1:2~", "SV1*HC:99213*100*UN*1***1:13~");

        assertThat(read(edi.getBytes(StandardCharsets.US_ASCII), professional).issues())
                .extracting(Issue::error, Issue::segment, Issue::element, Issue::component, Issue::text)
                .containsExactly(tuple(EDIStreamValidationError.IMPLEMENTATION_INVALID_CODE_VALUE, "SV1", 7, 2, "13"));
    }

    // ------------------------------------------------------------------ validation while writing

    @Test
    void writerValidatesAgainstTheGuideWhileWriting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIStreamWriter writer = professionalWriter(out);

        writeSmallProfessionalClaim(writer, "XX", true);
        writer.close();

        assertThat(read(out.toByteArray(), professional).issues()).isEmpty();
    }

    @Test
    void writerThrowsOnAWrongQualifierAtTheElementThatHasIt() throws Exception {
        EDIStreamWriter writer = professionalWriter(new ByteArrayOutputStream());

        assertThatThrownBy(() -> writeSmallProfessionalClaim(writer, "24", true))
                .isInstanceOfSatisfying(EDIValidationException.class, e -> {
                    assertThat(e.getEvent()).isEqualTo(EDIStreamEvent.ELEMENT_DATA_ERROR);
                    assertThat(e.getError()).isEqualTo(EDIStreamValidationError.IMPLEMENTATION_INVALID_CODE_VALUE);
                    assertThat(e.getLocation().getSegmentTag()).isEqualTo("NM1");
                    assertThat(e.getLocation().getElementPosition()).isEqualTo(8);
                    assertThat(e.getData()).hasToString("24");
                    assertThat(e.getNextException()).isNull();
                });
    }

    @Test
    void writerReportsAMissingSegmentWhenTheNextSegmentStarts() throws Exception {
        List<String> reported = new ArrayList<>();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        // with a reporter the writer does not throw; the reporter also gets the schema reference
        factory.setErrorReporter((error, writer, location, data, typeReference) -> reported.add(
                error + " at " + location.getSegmentTag() + " for " + code(typeReference) + " (" + data + ")"));
        EDIStreamWriter writer = factory.createEDIStreamWriter(new ByteArrayOutputStream());
        writer.setControlSchema(controlSchema());

        writeSmallProfessionalClaim(writer, "XX", false);
        writer.close();

        assertThat(reported).containsExactly("IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE at LX for HI-ABK (HI)");
    }

    // ------------------------------------------------------------------ helpers

    static EDIStreamWriter professionalWriter(ByteArrayOutputStream out) throws EDISchemaException {
        EDIStreamWriter writer = EDIOutputFactory.newFactory().createEDIStreamWriter(out);
        writer.setControlSchema(controlSchema());
        return writer;
    }

    static Schema controlSchema() throws EDISchemaException {
        return SchemaFactory.newFactory().getControlSchema(Standards.X12, new String[] {"00501"});
    }

    static String code(Object typeReference) {
        return typeReference instanceof EDITypeImplementation impl ? impl.getCode() : String.valueOf(typeReference);
    }

    /** A one-line 837P claim; {@code billingNm108} is written into NM108 of 2010AA. */
    static void writeSmallProfessionalClaim(EDIStreamWriter w, String billingNm108, boolean withDiagnosis) throws EDIStreamException {
        w.startInterchange();
        segment(w, "ISA", "00", "          ", "00", "          ", "ZZ", "CLAIMBRIDGE    ", "ZZ", "RECEIVER01     ",
                "240115", "1200", "^", "00501", "000000001", "0", "T", ":");
        segment(w, "GS", "HC", "CLAIMBRIDGE", "RECEIVER01", "20240115", "1200", "1", "X", "005010X222A1");
        segment(w, "ST", "837", "0001", "005010X222A1");
        w.setTransactionSchema(professional);
        segment(w, "BHT", "0019", "00", "BATCH0001", "20240115", "1200", "CH");
        segment(w, "NM1", "41", "2", "CLAIMBRIDGE TEST CLINIC", "", "", "", "", "46", "CBTEST01");
        segment(w, "PER", "IC", "JANE BILLER", "TE", "5555550100");
        segment(w, "NM1", "40", "2", "EXAMPLE CLEARINGHOUSE", "", "", "", "", "46", "RCV00042");
        segment(w, "HL", "1", "", "20", "1");
        segment(w, "NM1", "85", "2", "MAPLE FAMILY MEDICINE", "", "", "", "", billingNm108, "1234567893");
        segment(w, "N3", "100 MAIN STREET");
        segment(w, "N4", "SPRINGFIELD", "IL", "627011234");
        segment(w, "REF", "EI", "123456789");
        segment(w, "HL", "2", "1", "22", "0");
        segment(w, "SBR", "P", "18", "GRP1001", "", "", "", "", "", "CI");
        segment(w, "NM1", "IL", "1", "DOE", "JOHN", "", "", "", "MI", "XYZ123456789");
        segment(w, "DMG", "D8", "19800101", "M");
        segment(w, "NM1", "PR", "2", "EXAMPLE HEALTH PLAN", "", "", "", "", "PI", "99999");
        segment(w, "CLM", "PCN0001", "100", "", "", new String[] {"11", "B", "1"}, "Y", "A", "Y", "Y");
        if (withDiagnosis) {
            segment(w, "HI", (Object) new String[] {"ABK", "J069"});
        }
        segment(w, "LX", "1");
        segment(w, "SV1", new String[] {"HC", "99213"}, "100", "UN", "1", "", "", new String[] {"1"});
        segment(w, "DTP", "472", "D8", "20240110");
        segment(w, "SE", String.valueOf(withDiagnosis ? 21 : 20), "0001");
        w.setTransactionSchema(null);
        segment(w, "GE", "1", "1");
        segment(w, "IEA", "1", "000000001");
        w.endInterchange();
    }

    /** Elements are strings; a String[] is a composite with those components. */
    static void segment(EDIStreamWriter w, String tag, Object... elements) throws EDIStreamException {
        w.writeStartSegment(tag);
        for (Object element : elements) {
            if (element instanceof String[] components) {
                w.writeStartElement();
                for (String component : components) {
                    w.writeComponent(component);
                }
                w.endElement();
            } else {
                w.writeElement((String) element);
            }
        }
        w.writeEndSegment();
    }

    record Issue(EDIStreamEvent event, EDIStreamValidationError error, String referenceCode, String loop,
                 String segment, int element, int component, String text) {
    }

    /** Errors, and the reference codes of the loops and segments in the order they were read. */
    record Reading(List<Issue> issues, List<String> loops, List<String> segments) {
    }

    static Reading read(String sample, Schema schema) {
        return read(sample(sample).getBytes(StandardCharsets.US_ASCII), schema);
    }

    static Reading read(byte[] edi, Schema schema) {
        List<Issue> issues = new ArrayList<>();
        List<String> loops = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        Deque<String> openLoops = new ArrayDeque<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(edi))) {
            boolean inTransaction = false;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> {
                        reader.setTransactionSchema(schema);
                        inTransaction = true;
                    }
                    case END_TRANSACTION -> inTransaction = false;
                    case START_LOOP -> {
                        if (inTransaction) {
                            loops.add(reader.getReferenceCode());
                            openLoops.push(reader.getReferenceCode());
                        }
                    }
                    case END_LOOP -> {
                        if (inTransaction) {
                            openLoops.pop();
                        }
                    }
                    case START_SEGMENT -> {
                        if (inTransaction) {
                            segments.add(reader.getReferenceCode());
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location location = reader.getLocation();
                        issues.add(new Issue(reader.getEventType(), reader.getErrorType(), reader.getReferenceCode(),
                                openLoops.peek(), location.getSegmentTag(), location.getElementPosition(),
                                location.getComponentPosition(), text(reader)));
                    }
                    default -> {
                        // data events are not needed here
                    }
                }
            }
        } catch (EDIStreamException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new Reading(issues, loops, segments);
    }

    static String text(EDIStreamReader reader) {
        try {
            return reader.getText();
        } catch (NullPointerException e) {
            // StAEDI 1.26 keeps no text for errors raised by syntax rules (e.g. paired SV103/SV104)
            return null;
        }
    }

    static String sample(String name) {
        try (InputStream in = Objects.requireNonNull(GuideSchemaTest.class.getResourceAsStream("/x12/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema schema(String resource) {
        try (InputStream in = Objects.requireNonNull(GuideSchemaTest.class.getResourceAsStream(resource), resource)) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
