package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.claimbridge.intake.BatchIntake;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Receipt;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synthetic FAMPRAC visits (no real patients) sent through intake, waiting until the feed has applied them. */
final class ScrubFeed {

    private final BatchIntake intake;
    private final JdbcClient jdbc;
    private int controlId;

    ScrubFeed(BatchIntake intake, JdbcClient jdbc) {
        this.intake = intake;
        this.jdbc = jdbc;
    }

    /** An A04 registration; {@code memberId} and {@code referringNpi} may be empty. */
    String registration(String mrn, String visit, String memberId, String referringNpi) {
        return msh("ADT^A04^ADT_A01") + "EVN|A04|20261120090000\r" + pid(mrn)
                + pv1(visit, referringNpi)
                + segment("IN1", 1, "1", 2, "PPO1", 3, "60054^^^AETNA", 4, "Aetna", 15, "PPO", 16, "Doe^Jane",
                17, "SEL", 18, "19800512", 22, "1", 36, memberId);
    }

    /** An A08 update carrying the same visit with new data. */
    String update(String mrn, String visit, String memberId, String referringNpi) {
        return registration(mrn, visit, memberId, referringNpi).replace("ADT^A04^ADT_A01", "ADT^A08^ADT_A01")
                .replace("EVN|A04", "EVN|A08");
    }

    /** An A11: the visit is cancelled. */
    String cancel(String mrn, String visit) {
        return registration(mrn, visit, "W1", "1987654321").replace("ADT^A04^ADT_A01", "ADT^A11^ADT_A09")
                .replace("EVN|A04", "EVN|A11");
    }

    /** A DFT with one line per place of service given: 99213 then 36415..., each pointing at E11.9. */
    String charges(String mrn, String visit, String... placesOfService) {
        StringBuilder text = new StringBuilder(msh("DFT^P03^DFT_P03")).append("EVN|P03|20261120100000\r")
                .append(pid(mrn)).append(pv1(visit, ""));
        String[] codes = {"99213", "36415", "80053", "85025"};
        for (int i = 0; i < placesOfService.length; i++) {
            text.append("FT1|").append(i + 1).append('|').append(visit).append('-').append(i + 1)
                    .append("||20261120|20261120|CG|C").append(i).append("^Charge^CDM|||1|100.00|||||")
                    .append(placesOfService[i]).append("|||E11.9^Type 2 diabetes^I10|1234567893^Welby^Marcus|||||")
                    .append(codes[i % codes.length]).append("^Proc^C4\r");
        }
        text.append("DG1|1|I10|E11.9^Type 2 diabetes mellitus without complications^I10|||F|||||||||1\r");
        return text.toString();
    }

    /** Sends and waits until every message is applied. */
    void apply(String... messages) {
        for (String message : messages) {
            BatchIntake.Result result = intake.receive(message.getBytes(StandardCharsets.UTF_8), Channel.HTTP,
                    "scrub test", Instant.now());
            for (Receipt receipt : result.receipts()) {
                assertThat(receipt.ackCode()).as(receipt.ack()).isEqualTo("AA");
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> !"RECEIVED"
                        .equals(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(receipt.messageId())
                                .query(String.class).single()));
                assertThat(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(receipt.messageId())
                        .query(String.class).single()).isEqualTo("APPLIED");
            }
        }
    }

    long encounterId(String visit) {
        return jdbc.sql("""
                        SELECT e.id FROM encounter e JOIN practice p ON p.id = e.practice_id
                        WHERE p.sending_facility = 'FAMPRAC' AND e.visit_number = ?""").param(visit)
                .query(Long.class).single();
    }

    private String msh(String type) {
        return "MSH|^~\\&|PMS|FAMPRAC|CB|CB|20261120101010||" + type + "|SCRUB" + System.nanoTime() + "-"
                + (++controlId) + "|P|2.5\r";
    }

    private static String pid(String mrn) {
        return "PID|1||" + mrn + "^^^FAMPRAC^MR||Doe^Jane^Q||19800512|F|||12 Elm St^^Springfield^IL^62701\r";
    }

    private static String pv1(String visit, String referringNpi) {
        return segment("PV1", 1, "1", 2, "O", 3, "EXAM1", 7, "1234567893^Welby^Marcus^^^^^^^^^^NPI",
                8, referringNpi.isEmpty() ? "" : referringNpi + "^Kildare^James", 19, visit, 44, "20261120090000");
    }

    /** A segment from field number / value pairs, ended with a carriage return. */
    private static String segment(String name, Object... fieldsAndValues) {
        java.util.TreeMap<Integer, String> fields = new java.util.TreeMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((Integer) fieldsAndValues[i], String.valueOf(fieldsAndValues[i + 1]));
        }
        StringBuilder segment = new StringBuilder(name);
        for (int field = 1; field <= fields.lastKey(); field++) {
            segment.append('|').append(fields.getOrDefault(field, ""));
        }
        return segment.append('\r').toString();
    }
}
