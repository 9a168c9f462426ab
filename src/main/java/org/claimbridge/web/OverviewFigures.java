package org.claimbridge.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's figures, each one aggregate query over the feature tables (read-only, like the claims list): what
 * arrived today and this hour, the NAKs sent, where encounters and claims stand, and the money billed, paid and
 * denied.
 */
@Component
@Transactional(readOnly = true)
class OverviewFigures {

    private final JdbcClient jdbc;

    OverviewFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param naks AE, AR, CE and CR acknowledgements sent today, by code */
    record Messages(long today, long thisHour, long naksToday, List<Count> naks) {
    }

    /**
     * @param fresh   active, not held, never scrubbed yet
     * @param held    waiting for their practice to be set up (or held for another reason)
     */
    record Encounters(long fresh, long flagged, long ready, long held) {
    }

    record Count(String key, long count, BigDecimal amount) {
    }

    /**
     * @param billed the claims sent (in an 837 file), voids left out
     * @param paid   what the 835s paid on our claims, reversals taken off
     * @param denied the denial adjustments of the 835s
     */
    record Amounts(BigDecimal billed, BigDecimal paid, BigDecimal denied) {
    }

    // intake stamps messages with the system clock in UTC, so "today" and "this hour" are read from the same clock
    Messages messages() {
        Instant now = Instant.now();
        LocalDateTime today = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
        LocalDateTime hour = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
        // reprocessed messages were not received from a sender, and their acknowledgements were never sent
        long received = count("SELECT COUNT(*) FROM hl7_message WHERE received_at >= ? AND channel <> 'REPROCESS'",
                today);
        long thisHour = count("SELECT COUNT(*) FROM hl7_message WHERE received_at >= ? AND channel <> 'REPROCESS'",
                hour);
        List<Count> naks = jdbc.sql("""
                        SELECT ack_code, COUNT(*) FROM hl7_message
                        WHERE received_at >= ? AND channel <> 'REPROCESS' AND ack_code IN ('AE', 'AR', 'CE', 'CR')
                        GROUP BY ack_code ORDER BY ack_code""")
                .param(today).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), null)).list();
        return new Messages(received, thisHour, naks.stream().mapToLong(Count::count).sum(), naks);
    }

    Encounters encounters() {
        return jdbc.sql("""
                        SELECT
                            SUM(e.status = 'ACTIVE' AND e.hold_reason IS NULL AND s.encounter_id IS NULL),
                            SUM(e.status = 'ACTIVE' AND e.hold_reason IS NULL AND s.state = 'FLAGGED'),
                            SUM(e.status = 'ACTIVE' AND e.hold_reason IS NULL AND s.state = 'READY'),
                            SUM(e.status = 'ACTIVE' AND e.hold_reason IS NOT NULL)
                        FROM encounter e LEFT JOIN encounter_scrub s ON s.encounter_id = e.id""")
                .query((rs, n) -> new Encounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    List<Count> claimsByStatus() {
        return jdbc.sql("SELECT status, COUNT(*), SUM(total_charge) FROM claim GROUP BY status ORDER BY status")
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3))).list();
    }

    Amounts amounts() {
        return new Amounts(
                money("SELECT SUM(total_charge) FROM claim WHERE written_at IS NOT NULL AND frequency <> '8'"),
                money("SELECT SUM(paid) FROM claim_payment WHERE claim_id IS NOT NULL"),
                money("SELECT SUM(amount) FROM denial"));
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private BigDecimal money(String sql) {
        BigDecimal value = jdbc.sql(sql).query(BigDecimal.class).optional().orElse(null);
        return value == null ? new BigDecimal("0.00") : value;
    }
}
