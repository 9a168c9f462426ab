package org.claimbridge.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.IntegrationTest;
import org.claimbridge.TestDatabase;
import org.claimbridge.intake.Arrival;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.MessageStatus;
import org.claimbridge.intake.Receipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message refused for a configuration problem is reprocessed from its page once the configuration is fixed.
 * Configuration only changes with a restart, so the refusal happens in a claimbridge of its own on the same
 * database, started before this test's: there the sender FIXPRAC is not set up and unknown senders are refused
 * (AR 204). This test's claimbridge is the one after the fix: FIXPRAC is a configured practice.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "claimbridge.practice.reject-unknown-senders=true",
        "claimbridge.practices[0].sending-facility=FIXPRAC",
        "claimbridge.practices[0].name=Lakeside Pediatrics",
        "claimbridge.practices[0].kind=PROFESSIONAL",
        "claimbridge.practices[0].billing-npi=1234567893",
        "claimbridge.practices[0].tin=12-3456789",
        "claimbridge.practices[0].taxonomy=208000000X",
        "claimbridge.practices[0].address-line=5 Lake St",
        "claimbridge.practices[0].city=Springfield",
        "claimbridge.practices[0].state=IL",
        "claimbridge.practices[0].postal-code=627011234"})
class ReprocessAfterConfigurationFixIT {

    private static final String RUN = String.format("%06d", System.nanoTime() % 1_000_000L);
    private static final String MRN = "FXM" + RUN;

    private static long refusedId;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Before the fix: a claimbridge that does not know FIXPRAC and refuses unknown senders. */
    @BeforeAll
    static void refusedBeforeTheFix() {
        try (ConfigurableApplicationContext before = new SpringApplicationBuilder(ClaimbridgeApplication.class,
                TestDatabase.class).profiles("test").logStartupInfo(false)
                .run("--server.port=0", "--claimbridge.practice.reject-unknown-senders=true",
                        "--claimbridge.data-dir=target/it-data-before-fix")) {
            String text = "MSH|^~\\&|PEDSEHR|FIXPRAC|CLAIMBRIDGE|CBRCM|20261120090000||ADT^A04^ADT_A01|FX" + RUN
                    + "|P|2.5.1\rEVN|A04|20261120090000\rPID|1||" + MRN + "^^^FIXPRAC^MR||Lind^Oskar||20150303|M\r"
                    + "PV1|1|O|PEDS1^^^FIXPRAC|R" + "|".repeat(15) + "FXV" + RUN + "^^^FIXPRAC^VN\r";
            Receipt receipt = before.getBean(Hl7Intake.class).receive(new Arrival(
                    text.getBytes(StandardCharsets.UTF_8), Channel.HTTP, "test", Instant.now()));
            assertThat(receipt.ackCode()).isEqualTo("AR");
            assertThat(receipt.ack()).contains("204");
            assertThat(receipt.ack()).as("refused for the sender alone").doesNotContain("PV1");
            assertThat(receipt.status()).isEqualTo(MessageStatus.REJECTED);
            refusedId = receipt.messageId();
        }
    }

    @Test
    void theRefusedMessageIsReprocessedFromItsPageAndAppliedWhileTheOriginalStaysAsItWas() {
        String original = jdbc.sql("SELECT raw_text FROM hl7_message WHERE id = ?").param(refusedId)
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn = ?").param(MRN).query(Long.class).single())
                .isZero();
        try (Browser browser = new Browser(port)) {
            browser.open("/messages/" + refusedId).signIn(ApiClient.USER, ApiClient.PASSWORD);
            browser.open("/messages/" + refusedId);
            assertThat(browser.text("#status")).isEqualTo("REJECTED");
            assertThat(browser.text("#ack")).contains("MSA|AR|FX" + RUN);

            // no reason: refused, nothing reprocessed
            browser.submit("#reprocess");
            assertThat(reprocessedFrom(refusedId)).isZero();

            browser.open("/messages/" + refusedId);
            browser.find("#reprocess-reason").sendKeys("FIXPRAC set up in claimbridge.practices");
            browser.submit("#reprocess");
            assertThat(reprocessedFrom(refusedId)).isOne();
        }
        long again = jdbc.sql("SELECT message_id FROM hl7_reprocess WHERE original_message_id = ?").param(refusedId)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(again).query(String.class).single())
                .isEqualTo("APPLIED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn = ?").param(MRN).query(Long.class).single())
                .isOne();
        // the refused original is kept as it arrived
        assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(refusedId).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT raw_text FROM hl7_message WHERE id = ?").param(refusedId).query(String.class)
                .single()).isEqualTo(original);
        assertThat(jdbc.sql("SELECT reason FROM hl7_reprocess WHERE message_id = ?").param(again)
                .query(String.class).single()).isEqualTo("FIXPRAC set up in claimbridge.practices");
    }

    private long reprocessedFrom(long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM hl7_reprocess WHERE original_message_id = ?").param(messageId)
                .query(Long.class).single();
    }
}
