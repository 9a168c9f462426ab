package org.claimbridge.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the message store for people and automation: lists with filters, and one message in full. */
@Service
public class MessageQueries {

    private static final String SUMMARY_COLUMNS = """
            id, received_at, channel, peer, sending_application, sending_facility, control_id, message_type,
            trigger_event, version, status, ack_code, error_text, resend_count, conflict_with_id, patient_mrn,
            visit_number""";

    private final JdbcClient jdbc;

    MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the messages the filter lets through, newest first. */
    public MessagePage search(MessageFilter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.sender() != null) {
            conditions.add("(sending_facility = ? OR sending_application = ?)");
            params.add(filter.sender());
            params.add(filter.sender());
        }
        if (filter.controlId() != null) {
            conditions.add("control_id = ?");
            params.add(filter.controlId());
        }
        if (filter.type() != null) {
            int caret = filter.type().indexOf('^');
            conditions.add("message_type = ?");
            params.add(caret < 0 ? filter.type() : filter.type().substring(0, caret));
            if (caret >= 0) {
                conditions.add("trigger_event = ?");
                params.add(filter.type().substring(caret + 1));
            }
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.mrn() != null) {
            conditions.add("patient_mrn = ?");
            params.add(filter.mrn());
        }
        if (filter.from() != null) {
            conditions.add("received_at >= ?");
            params.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("received_at < ?");
            params.add(utc(filter.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM hl7_message" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        // id order is the order messages were committed in, which is the order they are applied in
        List<MessageSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM hl7_message" + where
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(MessageQueries::summary).list();
        return new MessagePage(items, page, size, total);
    }

    public Optional<MessageSummary> summary(long id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM hl7_message WHERE id = ?").param(id)
                .query(MessageQueries::summary).optional();
    }

    public Optional<MessageDetail> find(long id) {
        List<Long> conflicts = jdbc.sql("SELECT id FROM hl7_message WHERE conflict_with_id = ? ORDER BY id")
                .param(id).query(Long.class).list();
        return jdbc.sql("SELECT * FROM hl7_message WHERE id = ?").param(id)
                .query((rs, n) -> detail(rs, conflicts)).optional();
    }

    private static MessageSummary summary(ResultSet rs, int n) throws SQLException {
        return new MessageSummary(rs.getLong("id"), instant(rs, "received_at"), Channel.valueOf(rs.getString("channel")),
                rs.getString("peer"), rs.getString("sending_application"), rs.getString("sending_facility"),
                rs.getString("control_id"), rs.getString("message_type"), rs.getString("trigger_event"),
                rs.getString("version"), MessageStatus.valueOf(rs.getString("status")), rs.getString("ack_code"),
                rs.getString("error_text"), rs.getInt("resend_count"), rs.getObject("conflict_with_id", Long.class),
                rs.getString("patient_mrn"), rs.getString("visit_number"));
    }

    /** The journal leaves raw_bytes empty where they are exactly raw_text in its charset. */
    private static byte[] rawBytes(ResultSet rs) throws SQLException {
        byte[] bytes = rs.getBytes("raw_bytes");
        String text = rs.getString("raw_text");
        if (bytes != null || text == null) {
            return bytes;
        }
        return text.getBytes(java.nio.charset.Charset.forName(rs.getString("charset")));
    }

    private static MessageDetail detail(ResultSet rs, List<Long> conflicts) throws SQLException {
        return new MessageDetail(rs.getLong("id"), instant(rs, "received_at"), Channel.valueOf(rs.getString("channel")),
                rs.getString("peer"), rs.getString("sending_application"), rs.getString("sending_facility"),
                rs.getString("receiving_application"), rs.getString("receiving_facility"), rs.getString("control_id"),
                rs.getString("message_type"), rs.getString("trigger_event"), rs.getString("version"),
                rs.getString("processing_id"), rs.getString("charset"), rs.getString("raw_text"),
                rawBytes(rs), MessageStatus.valueOf(rs.getString("status")), rs.getString("ack_code"),
                rs.getString("ack_text"), rs.getString("error_code"), rs.getString("error_location"),
                rs.getString("error_text"), rs.getInt("resend_count"), instant(rs, "last_resent_at"),
                rs.getObject("conflict_with_id", Long.class), conflicts, rs.getString("patient_mrn"),
                rs.getString("visit_number"), instant(rs, "applied_at"), rs.getString("apply_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
