package org.claimbridge.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a downstream feature works through the stored messages: the accepted ones waiting to be applied, oldest
 * first (messages apply in order of receipt), and marking each one done in the same transaction as its effect.
 */
@Service
public class MessageApplication {

    private static final String COLUMNS = """
            id, received_at, channel, sending_application, sending_facility, control_id, message_type,
            trigger_event, version, raw_text, status""";

    private final JdbcClient jdbc;

    MessageApplication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accepted messages not yet applied, in order of receipt. */
    public List<StoredMessage> pending(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM hl7_message WHERE status = 'RECEIVED' ORDER BY id LIMIT ?")
                .param(limit).query(MessageApplication::row).list();
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM hl7_message WHERE id = ?").param(id)
                .query(MessageApplication::row).optional();
    }

    /**
     * Locks a message for applying and says whether it still waits to be applied: a locking read sees the latest
     * commit, so a message is never applied twice whatever snapshot the caller's reads came from.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(long id) {
        return jdbc.sql("SELECT status FROM hl7_message WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().filter(MessageStatus.RECEIVED.name()::equals).isPresent();
    }

    /** Records what became of a message; call it inside the transaction that applied it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finish(long id, MessageStatus status, String note) {
        jdbc.sql("UPDATE hl7_message SET status = ?, applied_at = ?, apply_note = ? WHERE id = ?")
                .param(status.name())
                .param(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .param(note == null || note.length() <= 2000 ? note : note.substring(0, 2000))
                .param(id)
                .update();
    }

    private static StoredMessage row(ResultSet rs, int n) throws SQLException {
        return new StoredMessage(rs.getLong("id"),
                rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                Channel.valueOf(rs.getString("channel")), rs.getString("sending_application"),
                rs.getString("sending_facility"), rs.getString("control_id"), rs.getString("message_type"),
                rs.getString("trigger_event"), rs.getString("version"), rs.getString("raw_text"),
                MessageStatus.valueOf(rs.getString("status")));
    }
}
