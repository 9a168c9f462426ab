package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every file in sample-feeds/ goes through intake: the good ones all AA, each bad message the NAK it is meant for. */
@IntegrationTest
class SampleFeedsIT {

    private static final Path FEEDS = Path.of("sample-feeds");

    /** Messages per good file: a file that splits differently has lost or merged messages. */
    private static final Map<String, Integer> GOOD = Map.of(
            "fampract/01-quimby-registration.hl7", 1,
            "fampract/02-visits-2026-11-03.hl7", 4,
            "fampract/03-credit-and-cancel-2026-11-04.hl7", 3,
            "orthogrp/01-batch-2026-11-04.hl7", 5,
            "orthogrp/02-duplicate-and-merge-2026-11-05.hl7", 2,
            "mercyop/01-lefevre-outpatient-surgery-2026-11-12.hl7", 7);

    /** Per message of bad/01-bad-messages.hl7: ACK code, HL7 error code (table 0357), status. */
    private record Nak(String ack, String errorCode, MessageStatus status) {
    }

    private static final List<Nak> BAD = List.of(
            new Nak("AE", "100", MessageStatus.ERROR),      // text before the first MSH
            new Nak("AE", "100", MessageStatus.ERROR),      // MSH without encoding characters
            new Nak("AE", "101", MessageStatus.ERROR),      // no MSH-10
            new Nak("AR", "203", MessageStatus.REJECTED),   // version 2.9
            new Nak("AR", "200", MessageStatus.REJECTED),   // vendor type ZPM
            new Nak("AR", "201", MessageStatus.REJECTED),   // ADT^A99
            new Nak("AR", "202", MessageStatus.REJECTED),   // processing id T
            new Nak("AE", "205", MessageStatus.CONFLICT));  // control id of Quimby's registration re-used

    @Autowired
    BatchIntake intake;

    @Autowired
    MessageQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyGoodFeedIsAcceptedAndEveryBadMessageGetsItsNak() throws IOException {
        List<String> files;
        try (Stream<Path> all = Files.walk(FEEDS)) {
            files = all.filter(p -> p.toString().endsWith(".hl7")).map(p -> FEEDS.relativize(p).toString()
                    .replace('\\', '/')).sorted().toList();
        }
        assertThat(files).containsAll(GOOD.keySet()).contains("bad/01-bad-messages.hl7")
                .hasSize(GOOD.size() + 1);

        // good first: the last bad message re-uses a control id of a good one
        for (String file : files.stream().filter(GOOD::containsKey).toList()) {
            BatchIntake.Result result = receive(file);
            assertThat(result.batch().problems()).as(file).isEmpty();
            assertThat(result.receipts()).as(file).hasSize(GOOD.get(file));
            for (Receipt receipt : result.receipts()) {
                MessageSummary stored = queries.summary(receipt.messageId()).orElseThrow();
                assertThat(receipt.ackCode()).as(file + " " + stored.controlId() + ": " + stored.errorText())
                        .isEqualTo("AA");
                assertThat(receipt.status().wasAccepted()).isTrue();
            }
        }

        BatchIntake.Result bad = receive("bad/01-bad-messages.hl7");
        assertThat(bad.receipts()).hasSize(BAD.size());
        for (int i = 0; i < BAD.size(); i++) {
            Receipt receipt = bad.receipts().get(i);
            MessageDetail stored = queries.find(receipt.messageId()).orElseThrow();
            Nak expected = BAD.get(i);
            assertThat(new Nak(receipt.ackCode(), stored.errorCode(), receipt.status()))
                    .as("bad message %d: %s", i + 1, stored.errorText()).isEqualTo(expected);
            assertThat(receipt.ack()).contains("\rERR|");
        }
    }

    @Test
    void theHospitalsLatin1MessagesKeepTheirCharacters() throws IOException {
        BatchIntake.Result result = receive("mercyop/01-lefevre-outpatient-surgery-2026-11-12.hl7");
        MessageDetail first = queries.find(result.receipts().get(0).messageId()).orElseThrow();
        assertThat(first.charset()).isEqualTo("ISO-8859-1");
        assertThat(first.rawText()).contains("Lef\u00e8vre^Ren\u00e9e").contains("2140 Pe\u00f1a Ct");
        assertThat(first.version()).isEqualTo("2.8");
    }

    @Test
    void theOrthopedicBatchIsCountedAndItsNewlineEndingsDoNotLoseSegments() throws IOException {
        BatchIntake.Result result = receive("orthogrp/01-batch-2026-11-04.hl7");
        assertThat(result.batch().problems()).isEmpty();
        MessageDetail charges = queries.find(result.receipts().get(1).messageId()).orElseThrow();
        assertThat(charges.messageType()).isEqualTo("DFT");
        assertThat(charges.rawText().split("\r")).hasSize(10);
        Integer ft1 = jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE id = ? AND raw_text LIKE '%\rFT1|4|%'")
                .param(charges.id()).query(Integer.class).single();
        assertThat(ft1).isEqualTo(1);
    }

    private BatchIntake.Result receive(String file) throws IOException {
        return intake.receive(Files.readAllBytes(FEEDS.resolve(file)), Channel.FILE, file, Instant.now());
    }
}
