package org.claimbridge.encounter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where stored values came from: the message and HL7 path behind each, or the coder's correction, and what each
 * message or correction changed.
 */
@Service
public class Lineage {

    private static final String SELECT = """
            SELECT s.entity, s.entity_id, s.field, s.message_id, s.hl7_path, s.value, s.recorded_at,
                   s.correction_id, c.corrected_by, c.corrected_at, c.reason
            FROM field_source s LEFT JOIN coder_correction c ON c.id = s.correction_id
            """;

    private final JdbcClient jdbc;

    Lineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every value a message stored, in the order it stored them. */
    public List<FieldChange> changedBy(long messageId) {
        return jdbc.sql(SELECT + "WHERE s.message_id = ? ORDER BY s.id").param(messageId).query(Lineage::row).list();
    }

    /** Every value a coder's correction stored, in the order it stored them. */
    public List<FieldChange> changedByCorrection(long correctionId) {
        return jdbc.sql(SELECT + "WHERE s.correction_id = ? ORDER BY s.id").param(correctionId)
                .query(Lineage::row).list();
    }

    /** The message and path, or the correction, that last set a field, if any did. */
    public Optional<FieldChange> sourceOf(String entity, long entityId, String field) {
        return jdbc.sql(SELECT + "WHERE s.entity = ? AND s.entity_id = ? AND s.field = ? ORDER BY s.id DESC LIMIT 1")
                .param(entity).param(entityId).param(field).query(Lineage::row).optional();
    }

    /** Every source a field has had, oldest first: the messages that set it and the corrections made to it. */
    public List<FieldChange> historyOf(String entity, long entityId, String field) {
        return jdbc.sql(SELECT + "WHERE s.entity = ? AND s.entity_id = ? AND s.field = ? ORDER BY s.id")
                .param(entity).param(entityId).param(field).query(Lineage::row).list();
    }

    /** A stored value's place: which column of which row. */
    public record FieldRef(String entity, long entityId, String field) {
    }

    /**
     * The sources each field had up to field_source id {@code mark} (inclusive), oldest first: what a claim built
     * when that was the newest source can have taken its values from.
     */
    public Map<FieldRef, List<FieldChange>> historiesUpTo(Collection<FieldRef> refs, long mark) {
        Map<FieldRef, List<FieldChange>> histories = new LinkedHashMap<>();
        if (refs.isEmpty()) {
            return histories;
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        params.add(mark);
        for (FieldRef ref : refs) {
            where.append(where.isEmpty() ? "" : " OR ").append("(s.entity = ? AND s.entity_id = ? AND s.field = ?)");
            params.add(ref.entity());
            params.add(ref.entityId());
            params.add(ref.field());
        }
        jdbc.sql(SELECT + "WHERE s.id <= ? AND (" + where + ") ORDER BY s.id").params(params).query(Lineage::row)
                .list().forEach(change -> histories.computeIfAbsent(
                        new FieldRef(change.entity(), change.entityId(), change.field()), k -> new ArrayList<>())
                        .add(change));
        return histories;
    }

    private static FieldChange row(ResultSet rs, int n) throws SQLException {
        Long correctionId = rs.getObject("correction_id", Long.class);
        FieldChange.Correction correction = correctionId == null ? null
                : new FieldChange.Correction(correctionId, rs.getString("corrected_by"),
                        rs.getObject("corrected_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("reason"));
        return new FieldChange(rs.getString("entity"), rs.getLong("entity_id"), rs.getString("field"),
                rs.getObject("message_id", Long.class), rs.getString("hl7_path"), rs.getString("value"),
                rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), correction);
    }
}
