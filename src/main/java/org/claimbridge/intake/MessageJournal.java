package org.claimbridge.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import javax.sql.DataSource;

import com.mysql.cj.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Commits messages before they are acknowledged, many at a time: each writer thread takes every message waiting for
 * it and stores them in one statement or one transaction (group commit), so that concurrent senders share one disk
 * flush instead of queueing for one each. Messages are spread over writers by sender and control id, so a resend
 * meets its original in the same writer; a unique key on the accepted original's sender and control id makes the
 * database itself refuse a second one, whichever writer or instance tries.
 */
@Component
class MessageJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageJournal.class);

    static final String INSERT = """
            INSERT INTO hl7_message (received_at, channel, peer, sending_application, sending_facility,
                receiving_application, receiving_facility, control_id, message_type, trigger_event, version,
                processing_id, charset, raw_bytes, raw_text, content_hash, status, ack_code, ack_text, error_code,
                error_location, error_text, conflict_with_id, patient_mrn, visit_number, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Parameters per row of {@link #INSERT}. */
    private static final int COLUMNS = 26;

    private record Entry(NewMessage message, CompletableFuture<Receipt> done) {
    }

    /** What the database already holds under a sender and control id. */
    private record Earlier(long id, byte[] hash, MessageStatus status, String ackText) {
    }

    /**
     * A writer's queue and its own connection, kept open with autocommit on: the common batch is one INSERT that
     * commits itself, one round trip; a batch that needs more (a resend, a conflict, a trait not seen before) opens
     * a transaction for itself.
     */
    private final class Lane {
        final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
        private Connection connection;
        private JdbcTemplate jdbc;
        // by row count: at most max-batch statements, each prepared once per connection
        private final Map<Integer, PreparedStatement> inserts = new HashMap<>();

        JdbcTemplate jdbc() throws SQLException {
            if (jdbc == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            }
            return jdbc;
        }

        void begin() throws SQLException {
            jdbc();
            connection.setAutoCommit(false);
        }

        void commit() throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        /**
         * The multi-row INSERT for this many messages, prepared on the server the first time. Prepared on the driver's
         * own connection, so the pool does not track it: {@link #reset} closes it before the connection goes back.
         */
        PreparedStatement insert(int rows) throws SQLException {
            PreparedStatement ps = inserts.get(rows);
            if (ps == null) {
                ps = jdbc().execute((ConnectionCallback<PreparedStatement>) ignored -> connection
                        .unwrap(JdbcConnection.class).serverPrepareStatement(insertFor(rows),
                                Statement.RETURN_GENERATED_KEYS));
                inserts.put(rows, ps);
            }
            return ps;
        }

        /** After a failure: take back what the batch did and start over on a fresh connection. */
        void reset() {
            for (PreparedStatement ps : inserts.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the server forgets a statement with its connection anyway
                }
            }
            inserts.clear();
            if (connection != null) {
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                } catch (SQLException ignored) {
                    // the connection is likely broken; closing it below is what matters
                }
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing more to do with a connection that will not close
                }
            }
            connection = null;
            jdbc = null;
        }
    }

    private final DataSource dataSource;
    private final StoredNudge nudge;
    private final FeedRecorder feeds;
    private final IntakeActivity activity;
    private final int maxBatch;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    MessageJournal(DataSource dataSource, ApplicationEventPublisher events, IntakeProperties properties,
                   FeedRecorder feeds, IntakeActivity activity) {
        this.dataSource = dataSource;
        this.nudge = new StoredNudge(events);
        this.feeds = feeds;
        this.activity = activity;
        this.maxBatch = Math.max(1, properties.maxBatch());
        for (int i = 0; i < Math.max(1, properties.writers()); i++) {
            lanes.add(new Lane());
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
        lanes.get(lane).queue.add(new Entry(message, done));
        return done;
    }

    @Override
    public void start() {
        running = true;
        nudge.start();
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
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
        for (Lane lane : lanes) {
            List<Entry> left = new ArrayList<>();
            lane.queue.drainTo(left);
            lane.reset();
            left.forEach(e -> e.done().completeExceptionally(new IllegalStateException("claimbridge is stopping")));
        }
        nudge.stop();
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

    private void drain(Lane lane) {
        List<Entry> batch = new ArrayList<>(maxBatch);
        while (running || !lane.queue.isEmpty()) {
            try {
                Entry first = lane.queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lane.queue.drainTo(batch, maxBatch - 1);
                commit(lane, batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                lane.reset();
                log.error("Could not commit {} message(s); none of them was acknowledged", batch.size(), e);
                batch.forEach(entry -> entry.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(Lane lane, List<Entry> batch) throws SQLException {
        FeedRecorder.Recorded recorded = FeedRecorder.Recorded.NOTHING;
        List<Receipt> receipts = storedAtOnce(lane, batch);
        if (receipts == null) {
            lane.begin();
            receipts = write(lane, batch);
            List<NewMessage> stored = new ArrayList<>(batch.size());
            List<Long> storedIds = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (!receipts.get(i).resend()) {
                    stored.add(batch.get(i).message());
                    storedIds.add(receipts.get(i).messageId());
                }
            }
            recorded = feeds.record(lane.jdbc(), stored, storedIds);
            lane.commit();
        }
        activity.committed();
        feeds.committed(recorded);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(receipts.get(i));
        }
        // A nudge, not a hand-over: the messages themselves wait as RECEIVED, durable, until applied, so the event
        // needs no publication registry of its own, which would cost every batch two more writes and a commit.
        List<Long> toApply = receipts.stream()
                .filter(receipt -> !receipt.resend() && receipt.status() == MessageStatus.RECEIVED)
                .map(Receipt::messageId).toList();
        if (!toApply.isEmpty()) {
            nudge.add(toApply);
        }
    }

    /**
     * The common batch: accepted messages under distinct senders and control ids, whose traits are all known. One
     * INSERT with autocommit stores them, counts them into feed_hour (its trigger) and commits, in one round trip.
     * Null when the batch needs the transactional path: it has something else, or the INSERT met a taken sender and
     * control id, in which case the statement, trigger and all, was taken back whole.
     */
    private List<Receipt> storedAtOnce(Lane lane, List<Entry> batch) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<NewMessage> messages = new ArrayList<>(batch.size());
        for (Entry entry : batch) {
            String key = entry.message().dedupeKey();
            if (key == null || !keys.add(key)) {
                return null;
            }
            messages.add(entry.message());
        }
        if (!feeds.knowsAll(messages)) {
            return null;
        }
        Receipt[] receipts = new Receipt[batch.size()];
        List<Integer> all = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            all.add(i);
        }
        return storedAsNew(lane, batch, all, receipts) ? Arrays.asList(receipts) : null;
    }

    /** What to do with one message: store it (perhaps as a conflict), or answer it as a resend of an earlier one. */
    private record Decision(Earlier resendOf, Long conflictWith, String ack) {

        static Decision store(NewMessage message) {
            return new Decision(null, null, String.join("\n", message.acks()));
        }
    }

    /**
     * Writes a batch in rounds that hold each sender and control id at most once, so a message always meets an
     * earlier copy of itself in the database, even one from the same batch (a round sees the rounds before it:
     * they share the transaction).
     */
    private List<Receipt> write(Lane lane, List<Entry> batch) throws SQLException {
        Receipt[] receipts = new Receipt[batch.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            List<Integer> round = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (int i : pending) {
                String key = batch.get(i).message().dedupeKey();
                (key == null || keys.add(key) ? round : later).add(i);
            }
            if (!storedAsNew(lane, batch, round, receipts)) {
                writeChecked(lane, batch, round, receipts);
            }
            pending = later;
        }
        return Arrays.asList(receipts);
    }

    /**
     * The optimistic path, for a round of accepted messages: insert them straight away and let the unique dedupe key
     * refuse any whose sender and control id are already taken. Resends are rare, so this saves the common case a
     * query; when it fails, InnoDB takes back only the INSERT, and the checked path sorts the round out.
     */
    private boolean storedAsNew(Lane lane, List<Entry> batch, List<Integer> round, Receipt[] receipts)
            throws SQLException {
        List<Decision> decisions = new ArrayList<>(round.size());
        for (int i : round) {
            NewMessage message = batch.get(i).message();
            if (message.dedupeKey() == null || !message.status().wasAccepted()) {
                return false;
            }
            decisions.add(Decision.store(message));
        }
        long[] ids;
        try {
            ids = insert(lane, batch, round, decisions);
        } catch (DuplicateKeyException e) {
            return false;
        }
        for (int r = 0; r < round.size(); r++) {
            String ack = decisions.get(r).ack();
            receipts[round.get(r)] = new Receipt(ids[r], ack, ackCode(ack), batch.get(round.get(r)).message().status(),
                    false);
        }
        return true;
    }

    /** The checked path: look up earlier messages under the same senders and control ids, then decide each. */
    private void writeChecked(Lane lane, List<Entry> batch, List<Integer> round, Receipt[] receipts)
            throws SQLException {
        JdbcTemplate jdbc = lane.jdbc();
        Map<String, List<Earlier>> earlier = earlier(jdbc, batch, round);
        List<Integer> stored = new ArrayList<>();
        List<Decision> storedDecisions = new ArrayList<>();
        List<Object[]> resends = new ArrayList<>();
        for (int i : round) {
            NewMessage message = batch.get(i).message();
            Decision d = decide(message, earlier);
            if (d.resendOf() != null) {
                Earlier original = d.resendOf();
                receipts[i] = new Receipt(original.id(), original.ackText(), ackCode(original.ackText()),
                        original.status(), true);
                resends.add(new Object[] {utc(message.arrival().receivedAt()), original.id()});
            } else {
                stored.add(i);
                storedDecisions.add(d);
            }
        }
        long[] ids = insert(lane, batch, stored, storedDecisions);
        for (int s = 0; s < stored.size(); s++) {
            Decision d = storedDecisions.get(s);
            String ack = d.ack();
            MessageStatus status = d.conflictWith() != null ? MessageStatus.CONFLICT
                    : batch.get(stored.get(s)).message().status();
            receipts[stored.get(s)] = new Receipt(ids[s], ack, ackCode(ack), status, false);
        }
        if (!resends.isEmpty()) {
            jdbc.batchUpdate("UPDATE hl7_message SET resend_count = resend_count + 1, last_resent_at = ? WHERE id = ?",
                    resends);
        }
    }

    private static Decision decide(NewMessage message, Map<String, List<Earlier>> earlier) {
        String key = message.dedupeKey();
        if (key == null) {
            return Decision.store(message);
        }
        Earlier accepted = null;
        for (Earlier e : earlier.getOrDefault(key, List.of())) {
            if (Arrays.equals(e.hash(), message.contentHash())) {
                return new Decision(e, null, null);
            }
            if (accepted == null && e.status().wasAccepted()) {
                accepted = e;
            }
        }
        // a message that was refused may come back corrected under the same control id; only one that was taken
        // makes a different message under its control id a conflict
        if (accepted != null && message.status().wasAccepted()) {
            return new Decision(null, accepted.id(), String.join("\n", message.conflictAcks().get()));
        }
        return Decision.store(message);
    }

    /**
     * One multi-row INSERT for the rows, prepared on the server: the messages' text then travels as it is, in the
     * binary protocol, instead of being escaped into the statement's text on the writer's thread, which every
     * sender's ACK waits for.
     */
    private long[] insert(Lane lane, List<Entry> batch, List<Integer> rows, List<Decision> decisions)
            throws SQLException {
        long[] ids = new long[rows.size()];
        if (rows.isEmpty()) {
            return ids;
        }
        return lane.jdbc().execute((ConnectionCallback<long[]>) ignored -> {
            PreparedStatement ps = lane.insert(rows.size());
            for (int row = 0; row < rows.size(); row++) {
                Decision d = decisions.get(row);
                NewMessage m = batch.get(rows.get(row)).message();
                // only a taken original holds its sender and control id: resends never get this far, and
                // conflicts and refused messages may share it
                boolean original = d.conflictWith() == null && m.status().wasAccepted() && m.dedupeKey() != null;
                bind(ps, row * COLUMNS, m, d.conflictWith(), d.ack(), original);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int row = 0; row < ids.length; row++) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned " + row + " ids for " + ids.length + " rows");
                    }
                    ids[row] = keys.getLong(1);
                }
            }
            return ids;
        });
    }

    /** {@link #INSERT} for this many rows. */
    static String insertFor(int rows) {
        String values = INSERT.substring(INSERT.lastIndexOf("VALUES") + "VALUES".length()).strip();
        StringBuilder sql = new StringBuilder(INSERT.length() + rows * (values.length() + 2));
        sql.append(INSERT);
        for (int row = 1; row < rows; row++) {
            sql.append(", ").append(values);
        }
        return sql.toString();
    }

    /** Binds {@link #INSERT}; {@code holdsKey}: whether the row takes its sender and control id's dedupe key. */
    static void bind(PreparedStatement ps, NewMessage m, Long conflictWith, String ack, boolean holdsKey)
            throws SQLException {
        bind(ps, 0, m, conflictWith, ack, holdsKey);
    }

    /** Binds one row of {@link #insertFor}: its parameters follow the {@code offset} before it. */
    private static void bind(PreparedStatement ps, int offset, NewMessage m, Long conflictWith, String ack,
                             boolean holdsKey) throws SQLException {
        Hl7Header h = m.header();
        Hl7Problem first = conflictWith != null || m.problems().isEmpty() ? null : m.problems().get(0);
        String errors = conflictWith != null
                ? "control id " + h.controlId() + " was already used by message " + conflictWith
                + " with other content: held as a conflict, not applied"
                : m.problems().stream().map(p -> (p.location() == null ? "" : p.location() + ": ") + p.text())
                        .collect(Collectors.joining("; "));
        ps.setTimestamp(offset + 1, Timestamp.valueOf(utc(m.arrival().receivedAt())));
        ps.setString(offset + 2, m.arrival().channel().name());
        ps.setString(offset + 3, cut(m.arrival().peer(), 255));
        ps.setString(offset + 4, cut(h.sendingApplication(), 180));
        ps.setString(offset + 5, cut(h.sendingFacility(), 180));
        ps.setString(offset + 6, cut(h.receivingApplication(), 180));
        ps.setString(offset + 7, cut(h.receivingFacility(), 180));
        ps.setString(offset + 8, cut(h.controlId(), 199));
        ps.setString(offset + 9, cut(h.messageType(), 3));
        ps.setString(offset + 10, cut(h.triggerEvent(), 3));
        ps.setString(offset + 11, cut(h.version(), 12));
        ps.setString(offset + 12, cut(h.processingId(), 3));
        ps.setString(offset + 13, m.charset());
        ps.setBytes(offset + 14, m.storedBytes());
        ps.setString(offset + 15, m.text());
        ps.setBytes(offset + 16, m.contentHash());
        ps.setString(offset + 17, (conflictWith != null ? MessageStatus.CONFLICT : m.status()).name());
        ps.setString(offset + 18, ackCode(ack));
        ps.setString(offset + 19, ack);
        ps.setString(offset + 20, conflictWith != null ? "205" : first == null ? null : String.valueOf(first.code().getCode()));
        ps.setString(offset + 21, first == null ? null : cut(first.location(), 80));
        ps.setString(offset + 22, errors.isEmpty() ? null : cut(errors, 2000));
        if (conflictWith == null) {
            ps.setNull(offset + 23, java.sql.Types.BIGINT);
        } else {
            ps.setLong(offset + 23, conflictWith);
        }
        ps.setString(offset + 24, cut(h.mrn(), 64));
        ps.setString(offset + 25, cut(h.visitOrAccount(), 64));
        ps.setBytes(offset + 26, holdsKey ? m.dedupeHash() : null);
    }

    private Map<String, List<Earlier>> earlier(JdbcTemplate jdbc, List<Entry> batch, List<Integer> round) {
        List<String> controlIds = round.stream().map(i -> batch.get(i).message().header().controlId())
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, List<Earlier>> found = new HashMap<>();
        if (controlIds.isEmpty()) {
            return found;
        }
        new NamedParameterJdbcTemplate(jdbc).query("""
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
