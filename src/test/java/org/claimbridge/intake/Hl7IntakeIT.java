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
}
