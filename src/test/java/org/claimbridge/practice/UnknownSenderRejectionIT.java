package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.Arrival;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.MessageStatus;
import org.claimbridge.intake.Receipt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "claimbridge.practice.reject-unknown-senders=true")
class UnknownSenderRejectionIT {

    @Autowired
    Hl7Intake intake;

    @Autowired
    JdbcClient jdbc;

    private Receipt send(String text) {
        return intake.receive(new Arrival(text.getBytes(StandardCharsets.UTF_8), Channel.HTTP, "test", Instant.now()));
    }

    @Test
    void aBillingMessageFromAnUnknownSenderIsRefusedWithAr204AtMsh4AndKept() {
        Receipt receipt = send("MSH|^~\\&|PMS|STRANGER|CB|CB|20261120101010||ADT^A04|REJ-1|P|2.5\r"
                + "PID|1||MRN-REJ\rPV1|1|O|||||||||||||||||V-REJ\r");
        assertThat(receipt.ackCode()).isEqualTo("AR");
        assertThat(receipt.status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(receipt.ack()).contains("204").contains("MSH^1^4");
        assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(receipt.messageId())
                .query(String.class).single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn = 'MRN-REJ'").query(Long.class).single()).isZero();
    }

    @Test
    void aConfiguredSenderIsStillAccepted() {
        Receipt receipt = send("MSH|^~\\&|PMS|FAMPRAC|CB|CB|20261120101010||ADT^A04|REJ-2|P|2.5\r"
                + "PID|1||MRN-OK\rPV1|1|O|||||||||||||||||V-OK\r");
        assertThat(receipt.ackCode()).isEqualTo("AA");
    }
}
