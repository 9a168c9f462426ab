package org.claimbridge.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the feeds sent, as intake counted it when it stored each message: messages per sending facility (MSH-4) per
 * UTC hour, the first message that showed each segment id, version, charset and type from a sender, and the
 * senders' latest messages. Resends of a stored message are not counted again; refused and held messages are (the
 * feed did send them).
 */
@Service
public class FeedActivity {

    /** Messages a sender's feed delivered in the hour starting at {@code hour}. */
    public record HourCount(String sender, Instant hour, int messages) {
    }

    /** Something a sender's messages are made of, and the first message that showed it. */
    public record Trait(String sender, FeedTraitKind kind, String value, Instant firstSeen, long firstMessageId) {
    }

    public record MessageRef(long id, Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    FeedActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every sender's hours from {@code from} (inclusive) to {@code to} (exclusive); hours without messages are absent. */
    public List<HourCount> hours(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT hour_start, sending_facility, messages FROM feed_hour
                        WHERE hour_start >= ? AND hour_start < ?""")
                .params(utc(from), utc(to))
                .query((rs, n) -> new HourCount(rs.getString("sending_facility"),
                        rs.getObject("hour_start", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getInt("messages")))
                .list();
    }

    /** Every sender's traits; a few dozen per sender. */
    public List<Trait> traits() {
        return jdbc.sql("""
                        SELECT sending_facility, kind, value, first_seen_at, first_message_id FROM feed_trait
                        ORDER BY sending_facility, kind, first_message_id""")
                .query((rs, n) -> new Trait(rs.getString("sending_facility"),
                        FeedTraitKind.valueOf(rs.getString("kind")), rs.getString("value"),
                        rs.getObject("first_seen_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getLong("first_message_id")))
                .list();
    }

    /** The newest stored message of each of these senders that has any. */
    public Map<String, MessageRef> latest(Collection<String> senders) {
        Map<String, MessageRef> latest = new HashMap<>();
        if (senders.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                        SELECT m.sending_facility, m.id, m.received_at FROM hl7_message m
                        JOIN (SELECT sending_facility, MAX(id) AS id FROM hl7_message
                              WHERE sending_facility IN (:senders) GROUP BY sending_facility) newest
                          ON newest.id = m.id""")
                .param("senders", senders)
                .query(rs -> {
                    latest.put(rs.getString("sending_facility"), new MessageRef(rs.getLong("id"),
                            rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                });
        return latest;
    }

    /** The sender's last message received before {@code before}: where a quiet spell began. */
    public Optional<MessageRef> lastBefore(String sender, Instant before) {
        // newest id first along (sending_facility, id): the first row received before the instant is the answer
        return jdbc.sql("""
                        SELECT id, received_at FROM hl7_message
                        WHERE sending_facility = ? AND received_at < ? ORDER BY id DESC LIMIT 1""")
                .params(sender, utc(before))
                .query((rs, n) -> new MessageRef(rs.getLong("id"),
                        rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .optional();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
