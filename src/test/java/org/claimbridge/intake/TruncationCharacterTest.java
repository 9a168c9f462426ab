package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** v2.7 added a fifth encoding character, the truncation character: {@code MSH|^~\&#|}. */
class TruncationCharacterTest {

    private static final String ADT = "MSH|^~\\&#|HIS|OPD|CB|CB|20261120101010||ADT^A08^ADT_A01|TRUNC-1|P|2.8\r"
            + "EVN|A08|20261120101010\rPID|1||MRN77^^^OPD^MR||SAMPLE^ALEX\rPV1|1|O|CLINIC||||||||||||||||V77\r";

    @Test
    void theHeaderIsReadWithAFifthEncodingCharacter() {
        Hl7Header header = Hl7Header.of(ADT);
        assertThat(header.sendingApplication()).isEqualTo("HIS");
        assertThat(header.sendingFacility()).isEqualTo("OPD");
        assertThat(header.controlId()).isEqualTo("TRUNC-1");
        assertThat(header.version()).isEqualTo("2.8");
        assertThat(header.mrn()).isEqualTo("MRN77");
        assertThat(header.visitOrAccount()).isEqualTo("V77");
    }

    @Test
    void aV28MessageWithATruncationCharacterIsTakenAndAcknowledgedInKind() {
        Hl7Intake intake = new Hl7Intake(new IntakeProperties(Set.of("P"), StandardCharsets.ISO_8859_1, 1, 1),
                List.of(), null);
        NewMessage message = intake.assess(new Arrival(ADT.getBytes(StandardCharsets.UTF_8), Channel.MLLP, "test",
                Instant.now()));
        assertThat(message.problems()).isEmpty();
        assertThat(message.ackCode()).isEqualTo("AA");
        assertThat(message.acks().get(0)).startsWith("MSH|^~\\&#|CB|CB|HIS|OPD|").contains("\rMSA|AA|TRUNC-1");
    }

    @Test
    void fourEncodingCharactersAreLeftAsTheyAre() {
        String text = "MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|T-2|P|2.5.1\r";
        assertThat(Hl7Header.withoutTruncationCharacter(text)).isSameAs(text);
        assertThat(Hl7Header.withoutTruncationCharacter(ADT)).startsWith("MSH|^~\\&|HIS|OPD|");
    }
}
