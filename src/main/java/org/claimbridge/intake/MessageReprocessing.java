package org.claimbridge.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a refused or held message through intake again: as it arrived, once the configuration that refused it is
 * fixed (a practice set up, a processing id allowed), or as a person corrected it. The original is never changed: the
 * text goes in as a new message (channel {@code REPROCESS}) with the current configuration's judgement, linked to
 * the original with who did it, when and why, and is applied to the billing view like any other. Once a message of a
 * chain is taken, the chain is done: taking another would apply the same visit twice.
 */
@Service
public class MessageReprocessing {

    /** What may be taken through again: what intake refused or held. */
    public static final Set<MessageStatus> REPROCESSABLE = EnumSet.of(MessageStatus.ERROR, MessageStatus.REJECTED,
            MessageStatus.HELD);

    static final int MAX_REASON = 1000;

    /** The new message and the judgement intake gave it. */
    public record Reprocessed(long originalId, long messageId, MessageStatus status, String ackCode) {
    }

    /**
     * One reprocess: {@code messageId} came from {@code originalId}; {@code rootId} is the message the sender sent.
     *
     * @param status the new message's status now
     */
    public record Reprocessing(long messageId, long originalId, long rootId, boolean corrected, String by,
                               Instant at, String reason, MessageStatus status) {
    }

    private final Hl7Intake intake;
    private final MessageQueries queries;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    MessageReprocessing(Hl7Intake intake, MessageQueries queries, JdbcClient jdbc, JdbcTemplate template,
                        PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.intake = intake;
        this.queries = queries;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** The same text again, judged by today's configuration. */
    public Reprocessed reprocess(long messageId, String user, String reason) {
        return run(messageId, null, user, reason);
    }

    /** A person's corrected text in place of the message's; the original stays as it arrived. */
    public Reprocessed correct(long messageId, String correctedText, String user, String reason) {
        if (correctedText == null || correctedText.isBlank()) {
            throw new ReprocessRefused("correction", "The corrected message is empty: paste the message with"
                    + " your correction.");
        }
        return run(messageId, correctedText, user, reason);
    }

    /** Why a message may not be reprocessed or corrected now; empty when it may. */
    public Optional<String> whyNot(long messageId) {
        return queries.find(messageId).map(this::whyNot).orElse(Optional.of("There is no message " + messageId + "."));
    }

    /** How a message came to be, when it is a reprocess of another. */
    public Optional<Reprocessing> origin(long messageId) {
        return jdbc.sql(SELECT + " WHERE r.message_id = ?").param(messageId).query(MessageReprocessing::row)
                .optional();
    }

    /** The messages made from this one, oldest first. */
    public List<Reprocessing> reprocessedAs(long messageId) {
        return jdbc.sql(SELECT + " WHERE r.original_message_id = ? ORDER BY r.message_id").param(messageId)
                .query(MessageReprocessing::row).list();
    }

    private static final String SELECT = """
            SELECT r.message_id, r.original_message_id, r.root_message_id, r.corrected, r.reprocessed_by,
                r.reprocessed_at, r.reason, m.status
            FROM hl7_reprocess r JOIN hl7_message m ON m.id = r.message_id""";

    private Reprocessed run(long messageId, String correctedText, String user, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ReprocessRefused("reason", "A reason is required: say what was fixed or corrected.");
        }
        if (why.length() > MAX_REASON) {
            throw new ReprocessRefused("reason", "The reason is longer than " + MAX_REASON + " characters.");
        }
        MessageDetail original = queries.find(messageId).orElseThrow(
                () -> new ReprocessRefused("message", "There is no message " + messageId + "."));
        whyNot(original).ifPresent(refusal -> {
            throw new ReprocessRefused("message", refusal);
        });
        String text;
        if (correctedText == null) {
            text = original.rawText();
            if (text == null) {
                throw new ReprocessRefused("message", "Message " + messageId + " arrived as bytes that are not"
                        + " text: correct it instead.");
            }
        } else {
            text = Hl7Decoding.normaliseSegmentEndings(correctedText.strip()) + "\r";
            if (original.rawText() != null
                    && text.equals(Hl7Decoding.normaliseSegmentEndings(original.rawText().strip()) + "\r")) {
                throw new ReprocessRefused("correction", "The corrected message is the same as message "
                        + messageId + ": change it, or reprocess it as it is.");
            }
        }
        Charset charset = charset(original.charset());
        if (!charset.newEncoder().canEncode(text)) {
            throw new ReprocessRefused("correction", "The corrected message has characters its character set ("
                    + charset.name() + ", MSH-18) cannot carry.");
        }
        NewMessage assessed = intake.assess(new Arrival(text.getBytes(charset), Channel.REPROCESS,
                (correctedText == null ? "reprocess" : "correction") + " of message " + messageId + " by " + user,
                Instant.now()));
        long root = origin(messageId).map(Reprocessing::rootId).orElse(messageId);
        long newId = transactions.execute(status -> store(original, root, assessed, correctedText != null, user,
                why));
        if (assessed.status() == MessageStatus.RECEIVED) {
            // the same nudge the journal gives: the billing view applies it like any message received
            events.publishEvent(new Hl7MessagesStored(List.of(newId)));
        }
        return new Reprocessed(messageId, newId, assessed.status(), assessed.ackCode());
    }

    private long store(MessageDetail original, long root, NewMessage assessed, boolean corrected, String user,
                       String reason) {
        // one reprocess of a chain at a time: the check below then sees every other one's outcome
        jdbc.sql("SELECT id FROM hl7_message WHERE id = ? FOR UPDATE").param(root).query(Long.class).single();
        whyNot(queries.find(original.id()).orElseThrow()).ifPresent(refusal -> {
            throw new ReprocessRefused("message", refusal);
        });
        boolean holdsKey = false;
        if (assessed.status().wasAccepted() && assessed.dedupeKey() != null) {
            Optional<Long> holder = keyHolder(assessed.dedupeHash());
            if (holder.isPresent() && !inChain(holder.get(), root)) {
                throw new ReprocessRefused("message", "Message " + holder.get() + " from this sender, under the"
                        + " same control id " + assessed.header().controlId() + ", was taken since: it stands, and"
                        + " this one is not applied as well.");
            }
            // the key stays with the chain member that holds it, so a resend from the sender is still recognised
            holdsKey = holder.isEmpty();
        }
        boolean takesKey = holdsKey;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(MessageJournal.INSERT, Statement.RETURN_GENERATED_KEYS);
            MessageJournal.bind(ps, assessed, null, String.join("\n", assessed.acks()), takesKey);
            return ps;
        }, key);
        long newId = key.getKey().longValue();
        jdbc.sql("""
                INSERT INTO hl7_reprocess (message_id, original_message_id, root_message_id, corrected,
                    reprocessed_by, reprocessed_at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(newId, original.id(), root, corrected, user,
                        LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), reason)
                .update();
        return newId;
    }

    private Optional<String> whyNot(MessageDetail message) {
        if (!REPROCESSABLE.contains(message.status())) {
            return Optional.of("Message " + message.id() + " is " + message.status() + ": only a message intake"
                    + " refused (ERROR, REJECTED) or held (HELD) is reprocessed.");
        }
        long root = origin(message.id()).map(Reprocessing::rootId).orElse(message.id());
        Optional<Reprocessing> taken = jdbc.sql(SELECT + " WHERE r.root_message_id = ? AND m.status NOT IN"
                        + " ('ERROR', 'REJECTED', 'HELD', 'CONFLICT') ORDER BY r.message_id LIMIT 1")
                .param(root).query(MessageReprocessing::row).optional();
        if (taken.isPresent()) {
            return Optional.of("Message " + taken.get().messageId() + ", reprocessed from message "
                    + taken.get().originalId() + ", was taken (" + taken.get().status() + "): it stands in this"
                    + " one's place.");
        }
        if (message.controlId() != null) {
            byte[] hash = NewMessage.sha256((message.sendingFacility() + "\u0000" + message.sendingApplication()
                    + "\u0000" + message.controlId()).getBytes(StandardCharsets.UTF_8));
            Optional<Long> holder = keyHolder(hash);
            if (holder.isPresent() && !inChain(holder.get(), root)) {
                return Optional.of("Message " + holder.get() + " from this sender, under the same control id "
                        + message.controlId() + ", was taken since: it stands in this one's place.");
            }
        }
        return Optional.empty();
    }

    private Optional<Long> keyHolder(byte[] dedupeHash) {
        return jdbc.sql("SELECT id FROM hl7_message WHERE dedupe_key = ?").param(dedupeHash).query(Long.class)
                .optional();
    }

    private boolean inChain(long messageId, long root) {
        return messageId == root || jdbc.sql("SELECT COUNT(*) FROM hl7_reprocess WHERE message_id = ? AND"
                + " root_message_id = ?").params(messageId, root).query(Integer.class).single() > 0;
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Reprocessing row(ResultSet rs, int n) throws SQLException {
        return new Reprocessing(rs.getLong("message_id"), rs.getLong("original_message_id"),
                rs.getLong("root_message_id"), rs.getBoolean("corrected"), rs.getString("reprocessed_by"),
                rs.getObject("reprocessed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("reason"), MessageStatus.valueOf(rs.getString("status")));
    }
}
