package org.claimbridge.remit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the denial report's ledger (V14: {@code claim_adjudication} and its day-by-day {@code denial_summary}) in
 * step with the 835s, in the transaction that applies them, so that the report reads a few thousand summed rows
 * instead of a million payments. The summary always equals the sum of the adjudications that are not reversed.
 */
@Component
public class DenialLedger {

    private static final Logger log = LoggerFactory.getLogger(DenialLedger.class);

    /** What an adjudication row is made of; {@code %s} is the payments' condition. */
    private static final String FACTS = """
            INSERT INTO claim_adjudication (claim_payment_id, claim_id, adjudicated_on, payer_id, practice_id,
                rendering_npi, charge, paid, denied_amount, denials, reversed)
            SELECT p.id, p.claim_id, DATE(r.at), COALESCE(c.payer_id, r.payer_id, ''), c.practice_id,
                COALESCE(e.attending_npi, ''), p.charge, p.paid, COALESCE(d.amount, 0), COALESCE(d.n, 0), FALSE
            FROM claim_payment p
            JOIN remittance r ON r.id = p.remittance_id
            JOIN claim c ON c.id = p.claim_id
            LEFT JOIN encounter e ON e.id = c.encounter_id
            LEFT JOIN (SELECT claim_payment_id, SUM(amount) amount, COUNT(*) n FROM denial
                       WHERE %s GROUP BY claim_payment_id) d ON d.claim_payment_id = p.id
            WHERE %s""";

    private static final String UPSERT = """
            INSERT INTO denial_summary (dimension, day, value, label, adjudicated, denied, charge, denied_amount)
            %s
            ON DUPLICATE KEY UPDATE label = COALESCE(VALUES(label), label),
                adjudicated = adjudicated + VALUES(adjudicated), denied = denied + VALUES(denied),
                charge = charge + VALUES(charge), denied_amount = denied_amount + VALUES(denied_amount)""";

    /** Per dimension that each claim falls in once: the value and its label. */
    private static final List<String[]> CLAIM_DIMENSIONS = List.of(
            new String[] {"payer", "a.payer_id", "MAX(c.payer_name)"},
            new String[] {"practice", "a.practice_id", "MAX(pr.name)"},
            new String[] {"provider", "a.rendering_npi", "MAX(e.attending_name)"},
            new String[] {"all", "''", "NULL"});

    private final JdbcClient jdbc;

    DenialLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An 835 adjudicated one of our claims (not a reversal); its denials are already stored. */
    void adjudicated(long claimPaymentId) {
        jdbc.sql(FACTS.formatted("claim_payment_id = :id", "p.id = :id")).param("id", claimPaymentId).update();
        summarise("a.claim_payment_id = " + claimPaymentId, 1);
    }

    /** An 835 reversed the claim's payment: its newest adjudication no longer counts. */
    void reversed(long claimId) {
        jdbc.sql("""
                        SELECT claim_payment_id FROM claim_adjudication WHERE claim_id = ? AND NOT reversed
                        ORDER BY claim_payment_id DESC LIMIT 1""").param(claimId).query(Long.class).optional()
                .ifPresent(this::takeBack);
    }

    private void takeBack(long claimPaymentId) {
        summarise("a.claim_payment_id = " + claimPaymentId, -1);
        jdbc.sql("UPDATE claim_adjudication SET reversed = TRUE WHERE claim_payment_id = ?").param(claimPaymentId)
                .update();
    }

    /**
     * Builds the ledger again from the stored 835 payments and denials: for a database that had remittances before
     * the ledger existed, and for the benchmark, which writes payments straight into the tables.
     */
    @Transactional
    public void rebuild() {
        jdbc.sql("DELETE FROM denial_summary").update();
        jdbc.sql("DELETE FROM claim_adjudication").update();
        jdbc.sql(FACTS.formatted("TRUE", "p.claim_id IS NOT NULL AND p.status_code <> '22'")).update();
        // reversals are few: each takes back the newest adjudication of its claim before it, in order
        List<long[]> reversals = jdbc.sql("""
                        SELECT id, claim_id FROM claim_payment WHERE claim_id IS NOT NULL AND status_code = '22'
                        ORDER BY id""").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        // found first, then updated by key: an UPDATE with the lookup as its subquery scans the whole table each time
        for (long[] reversal : reversals) {
            jdbc.sql("""
                            SELECT MAX(claim_payment_id) FROM claim_adjudication
                            WHERE claim_id = ? AND claim_payment_id < ? AND NOT reversed""")
                    .params(reversal[1], reversal[0]).query(Long.class).optional()
                    .ifPresent(newest -> jdbc.sql("UPDATE claim_adjudication SET reversed = TRUE"
                            + " WHERE claim_payment_id = ?").param(newest).update());
        }
        summarise("NOT a.reversed", 1);
    }

    /** At start-up: a database whose 835s came in before the ledger existed gets its ledger once. */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        boolean empty = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM claim_adjudication LIMIT 1) a")
                .query(Integer.class).single() == 0;
        boolean payments = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM claim_payment WHERE claim_id IS NOT NULL"
                + " LIMIT 1) p").query(Integer.class).single() > 0;
        if (empty && payments) {
            log.info("Building the denial report's ledger from the stored 835 payments");
            rebuild();
        }
    }

    /** Adds (sign 1) or takes away (sign -1) the adjudications matching the condition in every dimension. */
    private void summarise(String condition, int sign) {
        for (String[] d : CLAIM_DIMENSIONS) {
            jdbc.sql(UPSERT.formatted("""
                            SELECT '%s', a.adjudicated_on, %s, %s, :sign * COUNT(*), :sign * SUM(a.denials > 0),
                                :sign * SUM(a.charge), :sign * SUM(a.denied_amount)
                            FROM claim_adjudication a
                            JOIN claim c ON c.id = a.claim_id
                            LEFT JOIN encounter e ON e.id = c.encounter_id
                            LEFT JOIN practice pr ON pr.id = a.practice_id
                            WHERE %s
                            GROUP BY a.adjudicated_on, %s""".formatted(d[0], d[1], d[2], condition, d[1])))
                    .param("sign", sign).update();
        }
        // a claim counts once per code (or category) however many of its lines were denied for it
        for (String column : List.of("carc", "category")) {
            jdbc.sql(UPSERT.formatted("""
                            SELECT '%s', x.day, x.value, NULL, 0, :sign * COUNT(*), :sign * SUM(x.charge),
                                :sign * SUM(x.amount)
                            FROM (SELECT a.adjudicated_on day, d.%s value, MAX(a.charge) charge, SUM(d.amount) amount
                                  FROM claim_adjudication a
                                  JOIN denial d ON d.claim_payment_id = a.claim_payment_id
                                  WHERE %s
                                  GROUP BY a.claim_payment_id, a.adjudicated_on, d.%s) x
                            GROUP BY x.day, x.value""".formatted(column, column, condition, column)))
                    .param("sign", sign).update();
        }
    }
}
