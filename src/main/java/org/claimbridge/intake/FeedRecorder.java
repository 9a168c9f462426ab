package org.claimbridge.intake;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps what each sender's messages are made of (feed traits), in the journal's own transaction, so that it records
 * exactly what was committed, and only the first time this instance sees a trait, which after the first minutes is
 * never: a batch whose traits are all known needs no transaction around its INSERT at all. The messages per sender
 * per hour (feed_hour) are counted by the INSERT itself, with a trigger (V19). The text is in memory here already;
 * reading weeks of raw messages back for the same answer would cost far more.
 */
@Component
class FeedRecorder {

    /** Past this many known traits the memory is dropped and rebuilt from the (idempotent) inserts. */
    private static final int MAX_KNOWN = 200_000;

    private final Set<Trait> known = ConcurrentHashMap.newKeySet();

    /** What a batch added, remembered only once its transaction committed. */
    record Recorded(List<Trait> newTraits) {

        static final Recorded NOTHING = new Recorded(List.of());
    }

    /** One thing a message was made of. */
    record Trait(String sender, FeedTraitKind kind, String value) {

        String key() {
            return sender + "\u0000" + kind + "\u0000" + value;
        }
    }

    /** Whether every trait of these messages is recorded already, so storing them writes nothing here. */
    boolean knowsAll(List<NewMessage> messages) {
        for (NewMessage message : messages) {
            for (Trait trait : message.traits()) {
                if (!known.contains(trait)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Records traits not seen before, inside the caller's transaction. Rows are written in key order, so two writers
     * never wait for each other in a circle.
     */
    Recorded record(JdbcTemplate jdbc, List<NewMessage> messages, List<Long> ids) {
        // by key: the order rows are written in
        Map<String, Object[]> traits = new TreeMap<>();
        List<Trait> added = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            NewMessage message = messages.get(i);
            LocalDateTime received = LocalDateTime.ofInstant(message.arrival().receivedAt(), ZoneOffset.UTC);
            for (Trait trait : message.traits()) {
                if (!known.contains(trait) && traits.putIfAbsent(trait.key(), new Object[] {trait.sender(),
                        trait.kind().name(), trait.value(), Timestamp.valueOf(received), ids.get(i)}) == null) {
                    added.add(trait);
                }
            }
        }
        if (!traits.isEmpty()) {
            // first_seen_at before first_message_id: MySQL assigns left to right and would compare with the new id
            jdbc.batchUpdate("""
                    INSERT INTO feed_trait (sending_facility, kind, value, first_seen_at, first_message_id)
                    VALUES (?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE
                        first_seen_at = IF(VALUES(first_message_id) < first_message_id, VALUES(first_seen_at),
                                           first_seen_at),
                        first_message_id = LEAST(first_message_id, VALUES(first_message_id))""",
                    new ArrayList<>(traits.values()));
        }
        return added.isEmpty() ? Recorded.NOTHING : new Recorded(added);
    }

    /** After the commit: these traits need not be written again. */
    void committed(Recorded recorded) {
        if (known.size() + recorded.newTraits().size() > MAX_KNOWN) {
            known.clear();
        }
        known.addAll(recorded.newTraits());
    }

    /** The message's type, version, declared charset and segment ids; none for a message with no sender. */
    static List<Trait> traits(Hl7Header header, String text) {
        String sender = cut(header.sendingFacility(), 180);
        if (sender == null) {
            return List.of();
        }
        List<Trait> traits = new ArrayList<>();
        if (header.messageType() != null) {
            traits.add(new Trait(sender, FeedTraitKind.TYPE, cut(header.messageType() + "^"
                    + (header.triggerEvent() == null ? "" : header.triggerEvent()), 40)));
        }
        if (header.version() != null) {
            traits.add(new Trait(sender, FeedTraitKind.VERSION, cut(header.version(), 40)));
        }
        if (text != null && text.startsWith("MSH") && text.length() > 3) {
            traits.add(new Trait(sender, FeedTraitKind.CHARSET, cut(declaredCharset(text), 40)));
            for (String segment : segmentIds(text)) {
                traits.add(new Trait(sender, FeedTraitKind.SEGMENT, segment));
            }
        }
        return traits;
    }

    /** MSH-18 as written (trimmed), empty when the message declares none. */
    static String declaredCharset(String text) {
        String msh = Hl7Header.mshSegment(text);
        int[] bounds = Hl7Header.mshFieldBounds(msh, 18);
        return bounds == null ? "" : msh.substring(bounds[0], bounds[1]).strip();
    }

    /** The distinct segment ids in order of first appearance. */
    static Set<String> segmentIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\r', start);
            if (end < 0) {
                end = text.length();
            }
            if (end - start >= 3 && segmentId(text, start)) {
                ids.add(text.substring(start, start + 3));
            }
            start = end + 1;
        }
        return Collections.unmodifiableSet(ids);
    }

    private static boolean segmentId(String text, int at) {
        char first = text.charAt(at);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = at + 1; i < at + 3; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
