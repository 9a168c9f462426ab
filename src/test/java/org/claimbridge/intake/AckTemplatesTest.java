package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import ca.uhn.hl7v2.AcknowledgmentCode;
import org.junit.jupiter.api.Test;

class AckTemplatesTest {

    private final Hl7Intake intake = new Hl7Intake(
            new IntakeProperties(Set.of("P"), StandardCharsets.ISO_8859_1, 1, 1), List.of(), null);

    private List<String> acks(String text) {
        return intake.assess(new Arrival(text.getBytes(StandardCharsets.UTF_8), Channel.MLLP, "test", Instant.now()))
                .acks();
    }

    /** What HAPI alone answers, as intake did for every message before templates. */
    private String hapi(String text, AcknowledgmentCode code) throws Exception {
        return intake.parse(text).hapi().generateACK(code, null).encode();
    }

    /** MSH-7 and MSH-10 of an ACK, which differ from one ACK to the next, blanked. */
    private static String masked(String ack) {
        int end = ack.indexOf('\r');
        String msh = ack.substring(0, end);
        int[] time = Hl7Header.mshFieldBounds(msh, 7);
        int[] id = Hl7Header.mshFieldBounds(msh, 10);
        return msh.substring(0, time[0]) + "*" + msh.substring(time[1], id[0]) + "*" + msh.substring(id[1])
                + ack.substring(end);
    }

    private static String field(String ack, int n) {
        String msh = ack.substring(0, ack.indexOf('\r'));
        int[] bounds = Hl7Header.mshFieldBounds(msh, n);
        return msh.substring(bounds[0], bounds[1]);
    }

    @Test
    void theSecondMessageOfAHeaderShapeGetsWhatHapiWouldHaveBuiltWithItsOwnTimeIdAndMsa2() throws Exception {
        List<String> heads = List.of(
                "MSH|^~\\&|LAB|FAMPRAC|CB|CB|%s||ORU^R01|%s|P|2.3",
                "MSH|^~\\&|PMSYS^1.2.840.1^ISO|ORTHO&SUB|CLAIMBRIDGE|CB|%s||DFT^P03^DFT_P03|%s|P|2.5.1|||||||UNICODE UTF-8",
                "MSH|^~\\&#|HIS|OPD|CB|CB|%s||ADT^A08^ADT_A01|%s|P|2.8");
        for (String head : heads) {
            String first = head.formatted("20261120101010", "SHAPE-1") + "\rPID|1||M1\r";
            String second = head.formatted("20261121111111.5-0500", "SHAPE-2") + "\rPID|1||M2\r";
            acks(first);
            String ack = acks(second).get(0);
            assertThat(masked(ack)).isEqualTo(masked(hapi(second, AcknowledgmentCode.AA)));
            assertThat(ack).contains("\rMSA|AA|SHAPE-2");
            OffsetDateTime sent = OffsetDateTime.parse(field(ack, 7),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ"));
            assertThat(sent.toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
            assertThat(field(ack, 10)).startsWith("CB").isNotEqualTo(field(acks(second).get(0), 10));
        }
    }

    @Test
    void enhancedModeGetsBothAcksFromTheirTemplates() throws Exception {
        String head = "MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|%s|P|2.5.1|||AL|AL\rPID|1||M1\r";
        acks(head.formatted("ENH-1"));
        List<String> acks = acks(head.formatted("ENH-2"));
        assertThat(acks).hasSize(2);
        assertThat(masked(acks.get(0))).isEqualTo(masked(hapi(head.formatted("ENH-2"), AcknowledgmentCode.CA)));
        assertThat(masked(acks.get(1))).isEqualTo(masked(hapi(head.formatted("ENH-2"), AcknowledgmentCode.AA)));
    }

    @Test
    void aControlIdWithEncodingCharactersIsLeftToHapi() throws Exception {
        String head = "MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|%s|P|2.5.1\rPID|1||M1\r";
        acks(head.formatted("ESC-1"));
        for (String controlId : List.of("ESC\\T\\2", "ESC^3", "ESC&4")) {
            String text = head.formatted(controlId);
            assertThat(masked(acks(text).get(0))).isEqualTo(masked(hapi(text, AcknowledgmentCode.AA)));
        }
    }

    @Test
    void aShapeIsTheWholeHeaderButItsTimeAndControlId() {
        String one = "MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|A-1|P|2.5.1";
        AckTemplates.Shape shape = AckTemplates.Shape.of(one, "AA");
        assertThat(shape.controlId()).isEqualTo("A-1");
        assertThat(AckTemplates.Shape.of(one.replace("20261120101010", "2027").replace("A-1", "B-2"), "AA").key())
                .isEqualTo(shape.key());
        assertThat(AckTemplates.Shape.of(one.replace("LAB", "LAB2"), "AA").key()).isNotEqualTo(shape.key());
        assertThat(AckTemplates.Shape.of(one, "CA").key()).isNotEqualTo(shape.key());
        assertThat(AckTemplates.Shape.of(one.replace("A-1", ""), "AA")).isNull();
        assertThat(AckTemplates.Shape.of("MSH|^~\\&|LAB|FAMPRAC", "AA")).isNull();
    }
}
