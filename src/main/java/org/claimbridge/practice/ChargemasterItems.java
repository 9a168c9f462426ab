package org.claimbridge.practice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code chargemaster_item} table. */
@Component
class ChargemasterItems {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ChargemasterItems(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Replaces the practice's items with {@code entries}; the caller holds the transaction. */
    void replace(long practiceId, String file, List<ChargemasterFile.Entry> entries) {
        jdbc.sql("DELETE FROM chargemaster_item WHERE practice_id = ?").param(practiceId).update();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Object[]> batch = entries.subList(from, Math.min(entries.size(), from + BATCH)).stream()
                    .map(e -> new Object[] {practiceId, e.item().transactionCode(), e.item().procedureCode(),
                            e.item().revenueCode(), e.item().price(), e.item().description(), file, e.line(), now})
                    .toList();
            jdbcTemplate.batchUpdate("""
                    INSERT INTO chargemaster_item (practice_id, transaction_code, procedure_code, revenue_code, price,
                        description, source_file, source_line, loaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        }
    }

    Optional<ChargemasterSource> source(long practiceId) {
        return jdbc.sql("""
                SELECT source_file, MAX(loaded_at) loaded_at, COUNT(*) items FROM chargemaster_item
                WHERE practice_id = ? GROUP BY source_file ORDER BY loaded_at DESC LIMIT 1""").param(practiceId)
                .query((rs, n) -> new ChargemasterSource(rs.getString("source_file"),
                        rs.getObject("loaded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt("items")))
                .optional();
    }

    /** Every practice's items: practice id to transaction code to item. */
    Map<Long, Map<String, ChargemasterItem>> all() {
        Map<Long, Map<String, ChargemasterItem>> byPractice = new HashMap<>();
        jdbc.sql("""
                SELECT practice_id, transaction_code, procedure_code, revenue_code, price, description
                FROM chargemaster_item""")
                .query(rs -> {
                    ChargemasterItem item = new ChargemasterItem(rs.getString("transaction_code"),
                            rs.getString("procedure_code"), rs.getString("revenue_code"), rs.getBigDecimal("price"),
                            rs.getString("description"));
                    byPractice.computeIfAbsent(rs.getLong("practice_id"), id -> new HashMap<>())
                            .put(item.transactionCode(), item);
                });
        return byPractice;
    }
}
