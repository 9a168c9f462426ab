package org.claimbridge.codes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one code file as a new version of its set: the open rows of the set are end-dated the day before the new
 * version takes effect, and the file's codes are inserted open-ended. Nothing is deleted, so a date of service
 * before the new version is still checked against the codes valid then. Versions only move forward in time.
 */
@Component
class CodeLoader {

    private static final Logger log = LoggerFactory.getLogger(CodeLoader.class);
    private static final int BATCH = 1000;
    private static final int MAX_DESCRIPTION = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final CodeSets codeSets;

    CodeLoader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, CodeSets codeSets) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.codeSets = codeSets;
    }

    CodeLoad load(CodeSet set, CodeSource source, String version, LocalDate effectiveFrom) {
        List<CodeRow> rows = rowsOf(set, source);
        byte[] hash = source.sha256();
        CodeLoad load = transactions.execute(status -> write(set, source, version, effectiveFrom, rows, hash));
        codeSets.forget();
        if (load.alreadyLoaded()) {
            log.info("{} {} was loaded before (load {}); nothing to do", set, source.name(), load.id());
        } else {
            log.info("{} {} loaded as load {}: {} codes valid from {}", set, version, load.id(), load.codes(),
                    effectiveFrom);
        }
        return load;
    }

    boolean isEmpty(CodeSet set) {
        return jdbc.sql("SELECT COUNT(*) FROM code_load WHERE code_set = ?").param(set.name())
                .query(Integer.class).single() == 0;
    }

    static List<CodeRow> rowsOf(CodeSet set, CodeSource source) {
        List<CodeRow> rows = switch (set) {
            case ICD10CM, ICD10PCS -> Icd10OrderFile.read(source);
            case HCPCS -> HcpcsFile.read(source);
            case POS, MODIFIER, CARC, RARC -> SimpleCodeCsv.read(source);
        };
        Map<String, Integer> seen = new HashMap<>();
        List<CodeRow> normalized = new ArrayList<>(rows.size());
        for (CodeRow row : rows) {
            String code = set.normalize(row.code());
            Integer first = seen.putIfAbsent(code, row.line());
            if (first != null) {
                throw new CodeFileException(source.name(), row.line(), "code " + code + " is listed again (first"
                        + " on line " + first + ")");
            }
            normalized.add(new CodeRow(code, row.billable(), row.shortDescription(), row.description(), row.line()));
        }
        if (normalized.isEmpty()) {
            throw new CodeFileException(source.name(), 1, "holds no codes");
        }
        return normalized;
    }

    private CodeLoad write(CodeSet set, CodeSource source, String version, LocalDate effectiveFrom,
                           List<CodeRow> rows, byte[] hash) {
        Optional<CodeLoad> same = jdbc.sql("""
                        SELECT id, version, effective_from, code_count FROM code_load
                        WHERE code_set = ? AND content_hash = ?""")
                .params(set.name(), hash)
                .query((rs, n) -> new CodeLoad(rs.getLong(1), set, rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getInt(4), true))
                .optional();
        if (same.isPresent()) {
            return same.get();
        }
        Optional<LocalDate> latest = jdbc.sql("SELECT MAX(effective_from) FROM code_load WHERE code_set = ?")
                .param(set.name()).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
        if (latest.isPresent() && !effectiveFrom.isAfter(latest.get())) {
            throw new IllegalStateException(set + " " + source.name() + ": a version effective " + latest.get()
                    + " is already loaded; a new version must take effect after it (got " + effectiveFrom + ")");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO code_load (code_set, version, source, content_hash, effective_from, code_count,
                            loaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(set.name(), truncate(version, 80), truncate(source.name(), 500), hash, effectiveFrom,
                        rows.size(), LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update(key, "id");
        long loadId = key.getKey().longValue();
        jdbc.sql("UPDATE code_entry SET effective_to = ? WHERE code_set = ? AND effective_to IS NULL")
                .params(effectiveFrom.minusDays(1), set.name()).update();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
                    .map(r -> new Object[] {set.name(), r.code(), r.billable(), truncate(r.shortDescription(), 100),
                            truncate(r.description(), MAX_DESCRIPTION), effectiveFrom, loadId})
                    .toList();
            jdbcTemplate.batchUpdate("""
                    INSERT INTO code_entry (code_set, code, billable, short_description, description, effective_from,
                        load_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", batch);
        }
        return new CodeLoad(loadId, set, version, effectiveFrom, rows.size(), false);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
