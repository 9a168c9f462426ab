package org.claimbridge.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits messages before they are acknowledged, many at a time: each writer thread takes every message waiting for
 * it and stores them in one transaction (group commit), so that concurrent senders share one disk flush instead of
 * queueing for one each. Messages are spread over writers by sender and control id, so a resend always meets its
 * original in the same writer and duplicate detection needs no lock.
 */
@Component
class MessageJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageJournal.class);

    private static final String INSERT = """
            INSERT INTO hl7_message (received_at, channel, peer, sending_application, sending_facility,
                receiving_application, receiving_facility, control_id, message_type, trigger_event, version,
                processing_id, charset, raw_bytes, raw_text, content_hash, status, ack_code, ack_text, error_code,
                error_location, error_text, conflict_with_id, patient_mrn, visit_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Entry(NewMessage message, CompletableFuture<Receipt> done) {
    }

    /** What the database already holds under a sender and control id. */
    private record Earlier(long id, byte[] hash, MessageStatus status, String ackText) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final int maxBatch;
    private final List<BlockingQueue<Entry>> lanes = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    MessageJournal(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                   IntakeProperties properties) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
        this.events = events;
        this.maxBatch = Math.max(1, properties.maxBatch());
        for (int i = 0; i < Math.max(1, properties.writers()); i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    /** Completes once the message is committed; fails if it could not be, in which case nothing was acknowledged. */
    CompletableFuture<Receipt> append(NewMessage message) {
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the message journal is not running"));
            return done;
        }
        String key = message.dedupeKey();
        int lane = Math.floorMod(key != null ? key.hashCode() : System.identityHashCode(message), lanes.size());
        lanes.get(lane).add(new Entry(message, done));
        return done;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Entry> lane = lanes.get(i);
            Thread writer = new Thread(() -> drain(lane), "hl7-journal-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        for (BlockingQueue<Entry> lane : lanes) {
            List<Entry> left = new ArrayList<>();
            lane.drainTo(left);
            left.forEach(e -> e.done().completeExceptionally(new IllegalStateException("claimbridge is stopping")));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the listeners that feed it, stop after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void drain(BlockingQueue<Entry> lane) {
        List<Entry> batch = new ArrayList<>(maxBatch);
        while (running || !lane.isEmpty()) {
            try {
                Entry first = lane.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lane.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not commit {} message(s); none of them was acknowledged", batch.size(), e);
                batch.forEach(entry -> entry.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Entry> batch) {
        List<Receipt> receipts = transactions.execute(status -> write(batch));
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(receipts.get(i));
        }
    }

    /** What to do with one message of a batch: store it (perhaps as a conflict), or answer it as a resend. */
    private record Decision(Earlier resendOf, Integer resendOfBatchIndex, Long conflictWith, List<String> acks) {
    }

    private List<Receipt> write(List<Entry> batch) {
        Map<String, List<Earlier>> earlier = earlier(batch);
        Map<String, Integer> firstInBatch = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            decisions.add(decide(batch, i, earlier, firstInBatch));
        }
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).resendOf() == null && decisions.get(i).resendOfBatchIndex() == null) {
                stored.add(i);
            }
        }
        long[] ids = insert(batch, decisions, stored);
        Receipt[] receipts = new Receipt[batch.size()];
        List<Object[]> resends = new ArrayList<>();
        for (int s = 0; s < stored.size(); s++) {
            int i = stored.get(s);
            Decision d = decisions.get(i);
            String ack = String.join("\n", d.acks());
            MessageStatus status = d.conflictWith() != null ? MessageStatus.CONFLICT : batch.get(i).message().status();
            receipts[i] = new Receipt(ids[s], ack, ackCode(ack), status, false);
        }
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            Receipt original = d.resendOf() != null
                    ? new Receipt(d.resendOf().id(), d.resendOf().ackText(), ackCode(d.resendOf().ackText()),
                    d.resendOf().status(), true)
                    : d.resendOfBatchIndex() != null ? receipts[d.resendOfBatchIndex()] : null;
            if (original != null) {
                receipts[i] = new Receipt(original.messageId(), original.ack(), original.ackCode(), original.status(),
                        true);
                resends.add(new Object[] {utc(batch.get(i).message().arrival().receivedAt()), original.messageId()});
            }
        }
        if (!resends.isEmpty()) {
            jdbc.batchUpdate("UPDATE hl7_message SET resend_count = resend_count + 1, last_resent_at = ? WHERE id = ?",
                    resends);
        }
        List<Long> toApply = new ArrayList<>();
        for (Receipt receipt : receipts) {
            if (!receipt.resend() && receipt.status() == MessageStatus.RECEIVED) {
                toApply.add(receipt.messageId());
            }
        }
        if (!toApply.isEmpty()) {
            events.publishEvent(new Hl7MessagesStored(toApply));
        }
        return Arrays.asList(receipts);
    }

    private static Decision decide(List<Entry> batch, int i, Map<String, List<Earlier>> earlier,
                                   Map<String, Integer> firstInBatch) {
        NewMessage message = batch.get(i).message();
        String key = message.dedupeKey();
        if (key == null) {
            return new Decision(null, null, null, message.acks());
        }
        Earlier accepted = null;
        for (Earlier e : earlier.getOrDefault(key, List.of())) {
            if (Arrays.equals(e.hash(), message.contentHash())) {
                return new Decision(e, null, null, null);
            }
            if (accepted == null && e.status().wasAccepted()) {
                accepted = e;
            }
        }
        Integer first = firstInBatch.get(key);
        if (first != null && Arrays.equals(batch.get(first).message().contentHash(), message.contentHash())) {
            // resent before the first copy was even committed: it gets the first copy's answer
            return new Decision(null, first, null, null);
        }
        firstInBatch.putIfAbsent(key, i);
        // a message that was refused may come back corrected under the same control id; only one that was taken
        // makes a different message under its control id a conflict
        if (accepted != null && message.status().wasAccepted()) {
            return new Decision(null, null, accepted.id(), message.conflictAcks().get());
        }
        return new Decision(null, null, null, message.acks());
    }

    private long[] insert(List<Entry> batch, List<Decision> decisions, List<Integer> stored) {
        long[] ids = new long[stored.size()];
        if (stored.isEmpty()) {
            return ids;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int row) throws SQLException {
                        int i = stored.get(row);
                        Decision d = decisions.get(i);
                        bind(ps, batch.get(i).message(), d.conflictWith(), String.join("\n", d.acks()));
                    }

                    @Override
                    public int getBatchSize() {
                        return stored.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int row = 0; row < ids.length; row++) {
            ids[row] = ((Number) generated.get(row).values().iterator().next()).longValue();
        }
        return ids;
    }

    private void bind(PreparedStatement ps, NewMessage m, Long conflictWith, String ack) throws SQLException {
        Hl7Header h = m.header();
        Hl7Problem first = conflictWith != null || m.problems().isEmpty() ? null : m.problems().get(0);
        String errors = conflictWith != null
                ? "control id " + h.controlId() + " was already used by message " + conflictWith
                + " with other content: held as a conflict, not applied"
                : m.problems().stream().map(p -> (p.location() == null ? "" : p.location() + ": ") + p.text())
                        .collect(Collectors.joining("; "));
        ps.setTimestamp(1, Timestamp.valueOf(utc(m.arrival().receivedAt())));
        ps.setString(2, m.arrival().channel().name());
        ps.setString(3, cut(m.arrival().peer(), 255));
        ps.setString(4, cut(h.sendingApplication(), 180));
        ps.setString(5, cut(h.sendingFacility(), 180));
        ps.setString(6, cut(h.receivingApplication(), 180));
        ps.setString(7, cut(h.receivingFacility(), 180));
        ps.setString(8, cut(h.controlId(), 199));
        ps.setString(9, cut(h.messageType(), 3));
        ps.setString(10, cut(h.triggerEvent(), 3));
        ps.setString(11, cut(h.version(), 12));
        ps.setString(12, cut(h.processingId(), 3));
        ps.setString(13, m.charset());
        ps.setBytes(14, m.arrival().bytes());
        ps.setString(15, m.text());
        ps.setBytes(16, m.contentHash());
        ps.setString(17, (conflictWith != null ? MessageStatus.CONFLICT : m.status()).name());
        ps.setString(18, ackCode(ack));
        ps.setString(19, ack);
        ps.setString(20, conflictWith != null ? "205" : first == null ? null : String.valueOf(first.code().getCode()));
        ps.setString(21, first == null ? null : cut(first.location(), 80));
        ps.setString(22, errors.isEmpty() ? null : cut(errors, 2000));
        if (conflictWith == null) {
            ps.setNull(23, java.sql.Types.BIGINT);
        } else {
            ps.setLong(23, conflictWith);
        }
        ps.setString(24, cut(h.mrn(), 64));
        ps.setString(25, cut(h.visitOrAccount(), 64));
    }

    private Map<String, List<Earlier>> earlier(List<Entry> batch) {
        List<String> controlIds = batch.stream().map(e -> e.message().header().controlId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, List<Earlier>> found = new HashMap<>();
        if (controlIds.isEmpty()) {
            return found;
        }
        named.query("""
                SELECT id, sending_facility, sending_application, control_id, content_hash, status, ack_text
                FROM hl7_message WHERE control_id IN (:ids) ORDER BY id""",
                new MapSqlParameterSource("ids", controlIds), rs -> {
                    String key = rs.getString("sending_facility") + "\u0000" + rs.getString("sending_application")
                            + "\u0000" + rs.getString("control_id");
                    found.computeIfAbsent(key, k -> new ArrayList<>()).add(new Earlier(rs.getLong("id"),
                            rs.getBytes("content_hash"), MessageStatus.valueOf(rs.getString("status")),
                            rs.getString("ack_text")));
                });
        return found;
    }

    static String ackCode(String ack) {
        if (ack == null) {
            return null;
        }
        int msa = ack.indexOf("\rMSA");
        if (msa < 0 || ack.length() < msa + 7) {
            return null;
        }
        return ack.substring(msa + 5, msa + 7);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
