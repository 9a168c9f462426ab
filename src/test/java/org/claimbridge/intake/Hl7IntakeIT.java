package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class Hl7IntakeIT {

    @Autowired
    Hl7Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageReprocessing reprocessing;

    private Receipt send(String text) {
        return intake.receive(new Arrival(text.getBytes(StandardCharsets.UTF_8), Channel.HTTP, "test", Instant.now()));
    }

    @Test
    void storesAnOruAsNotApplicableAndAcknowledgesItAa() {
        Receipt receipt = send("MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|ORU-1|P|2.5.1\rPID|1||M1\r");
        assertThat(receipt.ackCode()).isEqualTo("AA");
        assertThat(receipt.status()).isEqualTo(MessageStatus.NOT_APPLICABLE);
        assertThat(receipt.ack()).startsWith("MSH|^~\\&|CB|CB|LAB|FAMPRAC|").contains("\rMSA|AA|ORU-1");
        Map<String, Object> row = jdbc.sql("SELECT * FROM hl7_message WHERE id = ?").param(receipt.messageId())
                .query().singleRow();
        assertThat(row).containsEntry("control_id", "ORU-1").containsEntry("sending_facility", "FAMPRAC")
                .containsEntry("status", "NOT_APPLICABLE").containsEntry("patient_mrn", "M1");
    }

    @Test
    void acknowledgingWritesNoControlIdFileIntoTheWorkingDirectory() {
        java.nio.file.Path idFile = java.nio.file.Path.of(System.getProperty("hapi.home", "."), "id_file");
        send("MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|IDFILE-1|P|2.5.1\rPID|1||M1\r");
        send("garbage that is no message at all");
        assertThat(idFile).doesNotExist();
    }

    @Test
    void rejectsAnUnsupportedVersionWithAr203AndKeepsIt() {
        Receipt receipt = send("MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ADT^A01|V-1|P|2.9\rPID|1||M1\r");
        assertThat(receipt.ackCode()).isEqualTo("AR");
        assertThat(receipt.ack()).contains("203");
        assertThat(receipt.status()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void anExactResendGetsTheOriginalAckAndIsStoredOnce() {
        String text = "MSH|^~\\&|LAB|FAMPRAC|CB|CB|20261120101010||ORU^R01|DUP-1|P|2.5.1\rPID|1||M1\r";
        Receipt first = send(text);
        Receipt again = send(text.replace("\r", "\r\n"));
        assertThat(again.resend()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.ack()).isEqualTo(first.ack());
        Receipt conflict = send(text.replace("M1", "M2"));
        assertThat(conflict.status()).isEqualTo(MessageStatus.CONFLICT);
        assertThat(conflict.ackCode()).isEqualTo("AE");
        assertThat(conflict.ack()).contains("205");
    }

    @Test
    void feedHourCountsEveryMessageTheSenderSentOnceButNotResendsOrReprocessing() {
        String sender = "FEEDHOUR" + System.nanoTime() % 1_000_000_000L;
        String head = "MSH|^~\\&|LAB|" + sender + "|CB|CB|20261120101010||ORU^R01|";
        // the first brings traits not seen before (transactional path); the next two are stored by one INSERT alone
        Receipt first = send(head + "FH-1|P|2.5.1\rPID|1||M1\r");
        assertThat(hourOf(sender, first)).isEqualTo(1);
        send(head + "FH-2|P|2.5.1\rPID|1||M1\r");
        send(head + "FH-3|P|2.5.1\rPID|1||M1\r");
        assertThat(sent(sender)).isEqualTo(3);

        // a resend first fails the single INSERT on the dedupe key: what its trigger counted goes back with it
        Receipt again = send(head + "FH-2|P|2.5.1\rPID|1||M1\r");
        assertThat(again.resend()).isTrue();
        assertThat(sent(sender)).isEqualTo(3);

        // stored, so counted: a conflict, and a message refused for its version
        assertThat(send(head + "FH-3|P|2.5.1\rPID|1||M9\r").status()).isEqualTo(MessageStatus.CONFLICT);
        Receipt refused = send(head + "FH-4|P|2.9\rPID|1||M1\r");
        assertThat(refused.status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(sent(sender)).isEqualTo(5);

        // a correction is the billing company's doing, not a message from the sender
        MessageReprocessing.Reprocessed corrected = reprocessing.correct(refused.messageId(),
                head + "FH-4|P|2.5.1\rPID|1||M1\r", "alice", "version typo");
        assertThat(corrected.status()).isEqualTo(MessageStatus.NOT_APPLICABLE);
        assertThat(sent(sender)).isEqualTo(5);

        // no MSH-4: stored and acknowledged, counted under no sender
        Receipt anonymous = send("MSH|^~\\&|LAB||CB|CB|20261120101010||ORU^R01|FH-5" + sender + "|P|2.5.1\r"
                + "PID|1||M1\r");
        assertThat(anonymous.ackCode()).isEqualTo("AA");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE id = ?").param(anonymous.messageId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** The count in the hour the message was received in. */
    private int hourOf(String sender, Receipt message) {
        return jdbc.sql("""
                SELECT h.messages FROM feed_hour h JOIN hl7_message m
                  ON h.hour_start = DATE_FORMAT(m.received_at, '%Y-%m-%d %H:00:00') AND h.sending_facility = ?
                WHERE m.id = ?""").params(sender, message.messageId()).query(Integer.class).single();
    }

    /** All hours: a test that runs across the top of an hour counts the same. */
    private int sent(String sender) {
        return jdbc.sql("SELECT COALESCE(SUM(messages), 0) FROM feed_hour WHERE sending_facility = ?").param(sender)
                .query(Integer.class).single();
    }
}
