package org.claimbridge.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reprocessing against the real database: a message intake refused is corrected with a reason, stored as a new
 * message linked to it and applied; the original's text and status stay as they were; a chain that was taken is not
 * taken again; an exact resend from the sender is still recognised.
 */
@IntegrationTest
class MessageReprocessingIT {

    @Autowired
    Hl7Intake intake;

    @Autowired
    MessageReprocessing reprocessing;

    @Autowired
    MessageQueries queries;

    @Autowired
    JdbcClient jdbc;

    private static String dft(String control, String pid3) {
        return String.join("\r",
                "MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261121090000||DFT^P03^DFT_P03|" + control
                        + "|P|2.5.1",
                "EVN|P03|20261121090000",
                "PID|1||" + pid3 + "||Varga^Ilona||19700101|F",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||1049283710^Okafor^Adaeze^N^^^MD^^NPI^L^^^NPI|||FM||||||||O|"
                        + "RPV100^^^FAMPRAC^VN|MC",
                "FT1|1|RPV100-1||20261120|20261120|CG|OV213^Office visit^CDM|Office visit||1|120.00|||||11"
                        + "|||I10^Essential hypertension^I10|||||99213^Office visit^C4|") + "\r";
    }

    private Receipt receive(String text) {
        return intake.receive(new Arrival(text.getBytes(StandardCharsets.ISO_8859_1), Channel.HTTP, "test",
                Instant.now()));
    }

    @Test
    void aRefusedMessageCorrectedWithAReasonIsANewMessageAndTheOriginalStaysAsItArrived() {
        String original = dft("RPC1", "");
        Receipt refused = receive(original);
        assertThat(refused.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(refused.ackCode()).isEqualTo("AE");
        String storedOriginal = queries.find(refused.messageId()).orElseThrow().rawText();
        assertThat(storedOriginal.strip()).isEqualTo(original.strip());
        String corrected = original.replace("PID|1||||", "PID|1||RPM100^^^FAMPRAC^MR||");

        assertThatThrownBy(() -> reprocessing.correct(refused.messageId(), corrected, "alice", "  "))
                .isInstanceOfSatisfying(ReprocessRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> reprocessing.correct(refused.messageId(), original, "alice", "no change"))
                .isInstanceOfSatisfying(ReprocessRefused.class, e -> assertThat(e.field()).isEqualTo("correction"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_reprocess WHERE original_message_id = ?")
                .param(refused.messageId()).query(Integer.class).single()).isZero();

        MessageReprocessing.Reprocessed done = reprocessing.correct(refused.messageId(),
                corrected.replace("\r", "\r\n"), "alice", "PID-3 was left out by the EHR");
        assertThat(done.messageId()).isNotEqualTo(refused.messageId());
        assertThat(done.status()).isEqualTo(MessageStatus.RECEIVED);
        await().atMost(Duration.ofSeconds(60)).until(() -> queries.find(done.messageId()).orElseThrow().status()
                == MessageStatus.APPLIED);

        MessageDetail stored = queries.find(done.messageId()).orElseThrow();
        assertThat(stored.channel()).isEqualTo(Channel.REPROCESS);
        assertThat(stored.rawText().strip()).isEqualTo(corrected.strip());
        assertThat(stored.patientMrn()).isEqualTo("RPM100");
        MessageDetail before = queries.find(refused.messageId()).orElseThrow();
        assertThat(before.rawText()).isEqualTo(storedOriginal);
        assertThat(before.status()).isEqualTo(MessageStatus.ERROR);

        MessageReprocessing.Reprocessing origin = reprocessing.origin(done.messageId()).orElseThrow();
        assertThat(origin.originalId()).isEqualTo(refused.messageId());
        assertThat(origin.corrected()).isTrue();
        assertThat(origin.by()).isEqualTo("alice");
        assertThat(origin.reason()).isEqualTo("PID-3 was left out by the EHR");
        assertThat(reprocessing.reprocessedAs(refused.messageId())).extracting(
                MessageReprocessing.Reprocessing::messageId).containsExactly(done.messageId());

        // the chain was taken: doing it again would bill the visit twice
        assertThat(reprocessing.whyNot(refused.messageId())).hasValueSatisfying(why -> assertThat(why)
                .contains("Message " + done.messageId()).contains("APPLIED"));
        assertThatThrownBy(() -> reprocessing.reprocess(refused.messageId(), "alice", "again"))
                .isInstanceOfSatisfying(ReprocessRefused.class, e -> assertThat(e.field()).isEqualTo("message"));

        // the sender sends the corrected message itself: recognised as what was taken, not applied again
        Receipt resent = receive(corrected);
        assertThat(resent.resend()).isTrue();
        assertThat(resent.messageId()).isEqualTo(done.messageId());
    }

    @Test
    void anAppliedMessageIsNotReprocessed() {
        Receipt taken = receive(dft("RPC2", "RPM200^^^FAMPRAC^MR").replace("RPV100", "RPV200"));
        assertThat(taken.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThatThrownBy(() -> reprocessing.reprocess(taken.messageId(), "alice", "why not"))
                .isInstanceOfSatisfying(ReprocessRefused.class, e -> assertThat(e.field()).isEqualTo("message"))
                .hasMessageContaining("only a message intake refused");
    }
}
