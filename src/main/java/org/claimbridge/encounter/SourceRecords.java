package org.claimbridge.encounter;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The field_source rows one message produces, written in one batch at the end of its transaction. */
final class SourceRecords {

    private final long messageId;
    private final LocalDateTime now;
    private final List<Object[]> rows = new ArrayList<>();

    SourceRecords(long messageId, LocalDateTime now) {
        this.messageId = messageId;
        this.now = now;
    }

    void record(String entity, long entityId, Columns columns) {
        columns.values().forEach(value -> record(entity, entityId, value));
    }

    void record(String entity, long entityId, Sourced value) {
        record(entity, entityId, value.column(), value.path(), value.raw());
    }

    void record(String entity, long entityId, String field, String path, String value) {
        rows.add(new Object[] {entity, entityId, field, messageId, cut(path, 40), cut(value, 500), now});
    }

    int size() {
        return rows.size();
    }

    void write(JdbcTemplate jdbc) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO field_source (entity, entity_id, field, message_id, hl7_path, value, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
