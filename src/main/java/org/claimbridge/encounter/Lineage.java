package org.claimbridge.encounter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where stored values came from: the message and HL7 path behind each, and what each message changed. */
@Service
public class Lineage {

    private final JdbcClient jdbc;

    Lineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every value a message stored, in the order it stored them. */
    public List<FieldChange> changedBy(long messageId) {
        return jdbc.sql("""
                SELECT entity, entity_id, field, message_id, hl7_path, value, recorded_at
                FROM field_source WHERE message_id = ? ORDER BY id""")
                .param(messageId).query(Lineage::row).list();
    }

    /** The message and path that last set a field, if any did. */
    public Optional<FieldChange> sourceOf(String entity, long entityId, String field) {
        return jdbc.sql("""
                SELECT entity, entity_id, field, message_id, hl7_path, value, recorded_at
                FROM field_source WHERE entity = ? AND entity_id = ? AND field = ? ORDER BY id DESC LIMIT 1""")
                .param(entity).param(entityId).param(field).query(Lineage::row).optional();
    }

    private static FieldChange row(ResultSet rs, int n) throws SQLException {
        return new FieldChange(rs.getString("entity"), rs.getLong("entity_id"), rs.getString("field"),
                rs.getLong("message_id"), rs.getString("hl7_path"), rs.getString("value"),
                rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
