package org.claimbridge.scrub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes scrub outcomes: findings opened, kept (updated to what the latest scrub says) or closed, each encounter's
 * state, and a transition whenever the state changes.
 * <p>
 * Writers take turns (a lock held until their transaction ends), so the job and a coder's "scrub now" never both
 * add the same finding, and an outcome about an older revision than the one recorded is dropped rather than
 * undoing a newer scrub. One claimbridge node writes scrubs; the database's unique live-finding key backs that up.
 */
@Repository
public class ScrubRecords {

    private static final int MESSAGE_MAX = 1000;
    private static final int FIELD_MAX = 160;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final ReentrantLock turn = new ReentrantLock();

    ScrubRecords(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** An encounter's scrub as last recorded. */
    private record Scrubbed(ScrubState state, int revision, String ruleSetVersion) {

        static Scrubbed of(ResultSet rs) throws SQLException {
            return new Scrubbed(ScrubState.valueOf(rs.getString("state")), rs.getInt("scrubbed_revision"),
                    rs.getString("rule_set_version"));
        }
    }

    private record Live(long id, String key, FindingStatus status, Severity severity) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<? extends ScrubOutcome> outcomes, String actor) {
        if (outcomes.isEmpty()) {
            return;
        }
        takeTurnUntilCommit();
        List<Long> ids = outcomes.stream().map(ScrubOutcome::encounterId).distinct().toList();
        Map<Long, Scrubbed> current = new HashMap<>();
        jdbc.sql("""
                        SELECT encounter_id, state, scrubbed_revision, rule_set_version FROM encounter_scrub
                        WHERE encounter_id IN (:ids)""")
                .param("ids", ids).query(rs -> {
                    current.put(rs.getLong("encounter_id"), Scrubbed.of(rs));
                });
        Map<Long, Map<String, Live>> live = liveFindings(ids);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> closes = new ArrayList<>();
        List<Object[]> states = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        for (ScrubOutcome outcome : outcomes) {
            Scrubbed before = current.get(outcome.encounterId());
            if (before != null && before.revision() > outcome.revision()) {
                continue;
            }
            Map<String, Finding> found = new LinkedHashMap<>();
            outcome.findings().forEach(f -> found.putIfAbsent(key(f.ruleId(), field(f)), f));
            Map<String, Live> open = live.getOrDefault(outcome.encounterId(), Map.of());
            List<String> holding = new ArrayList<>();
            int errors = 0;
            int warnings = 0;
            for (Map.Entry<String, Finding> entry : found.entrySet()) {
                Finding f = entry.getValue();
                Live existing = open.get(entry.getKey());
                FindingStatus status = existing == null || existing.status() == FindingStatus.OVERRIDDEN
                        && f.severity() == Severity.ERROR ? FindingStatus.OPEN : existing.status();
                if (existing == null) {
                    inserts.add(new Object[] {outcome.encounterId(), f.ruleId(), field(f), f.severity().name(),
                            cut(f.message(), MESSAGE_MAX), cut(f.fix(), MESSAGE_MAX), f.ruleSetVersion(),
                            outcome.revision(), now, outcome.revision()});
                } else {
                    updates.add(new Object[] {f.severity().name(), cut(f.message(), MESSAGE_MAX),
                            cut(f.fix(), MESSAGE_MAX), f.ruleSetVersion(), outcome.revision(), status.name(),
                            existing.id()});
                }
                if (status == FindingStatus.OPEN && f.severity() != Severity.INFO) {
                    holding.add(f.ruleId() + " (" + f.severity().name().toLowerCase() + ")");
                    if (f.severity() == Severity.ERROR) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
            }
            int closed = 0;
            for (Live gone : open.values()) {
                if (!found.containsKey(gone.key())) {
                    closes.add(new Object[] {now, "no longer found at revision " + outcome.revision()
                            + " (rule set " + outcome.ruleSetVersion() + ")", gone.id()});
                    closed++;
                }
            }
            ScrubState state = holding.isEmpty() ? ScrubState.READY : ScrubState.FLAGGED;
            states.add(new Object[] {outcome.encounterId(), state.name(), outcome.revision(),
                    outcome.ruleSetVersion(), errors, warnings, now});
            if (before == null || before.state() != state) {
                String reason = state == ScrubState.FLAGGED
                        ? errors + " error(s), " + warnings + " warning(s) open: " + String.join(", ", holding)
                        : "no open errors or warnings" + (closed > 0 ? "; " + closed + " finding(s) closed" : "");
                transitions.add(new Object[] {outcome.encounterId(), before == null ? null : before.state().name(),
                        state.name(), outcome.revision(), outcome.ruleSetVersion(), cut(actor, 80),
                        cut(reason, MESSAGE_MAX), now});
            }
        }
        template.batchUpdate("""
                INSERT INTO scrub_finding (encounter_id, rule_id, field, severity, message, fix, rule_set_version,
                    status, opened_revision, opened_at, last_seen_revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""", inserts);
        template.batchUpdate("""
                UPDATE scrub_finding SET severity = ?, message = ?, fix = ?, rule_set_version = ?,
                    last_seen_revision = ?, status = ?
                WHERE id = ?""", updates);
        template.batchUpdate("UPDATE scrub_finding SET status = 'CLOSED', closed_at = ?, closed_reason = ? WHERE id = ?",
                closes);
        template.batchUpdate("""
                INSERT INTO encounter_scrub (encounter_id, state, scrubbed_revision, rule_set_version, open_errors,
                    open_warnings, scrubbed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE state = VALUES(state), scrubbed_revision = VALUES(scrubbed_revision),
                    rule_set_version = VALUES(rule_set_version), open_errors = VALUES(open_errors),
                    open_warnings = VALUES(open_warnings), scrubbed_at = VALUES(scrubbed_at)""", states);
        insertTransitions(transitions);
    }

    /**
     * Marks a warning overridden by a coder and moves the encounter to READY when nothing else holds it.
     *
     * @return false when the finding is not an open warning of that encounter
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean override(long encounterId, long findingId, String username, String reason) {
        takeTurnUntilCommit();
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE scrub_finding SET status = 'OVERRIDDEN', overridden_by = ?, overridden_at = ?,
                            override_reason = ?
                        WHERE id = ? AND encounter_id = ? AND status = 'OPEN' AND severity = 'WARNING'""")
                .params(username, now, reason, findingId, encounterId).update();
        if (changed == 0) {
            return false;
        }
        refreshState(encounterId, "coder " + username, "warning " + findingId + " overridden: " + reason, now);
        return true;
    }

    /**
     * Puts an encounter back in the coders' queue because the claim built from it broke the implementation guide or
     * was rejected by the receiver or payer: an open {@value ScrubOutcome#CLAIM_REFUSED} error with the reason.
     * Ignored when the encounter has been scrubbed at a later revision since (its newer data gets a claim of its
     * own).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimRefused(long encounterId, int revision, String reason, String actor) {
        claimFinding(encounterId, revision, ScrubOutcome.CLAIM_REFUSED, "The claim could not be sent: " + reason,
                "Correct the encounter (or the practice or payer set-up the reason names); the claim is built"
                        + " again once the encounter is ready.", actor);
    }

    /**
     * Puts an encounter back in the coders' queue because the payer denied (part of) its claim: an open
     * {@value ScrubOutcome#CLAIM_DENIED} error with the adjustment reasons and the billed values behind them. The
     * corrected encounter's next claim replaces the denied one (frequency 7).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimDenied(long encounterId, int revision, String reason, String actor) {
        claimFinding(encounterId, revision, ScrubOutcome.CLAIM_DENIED, "The payer denied: " + reason,
                "Correct what the denial points at; the corrected encounter goes out as a replacement claim with the"
                        + " payer's claim number.", actor);
    }

    /**
     * The payer paid the claim after all (a corrected payment): an open {@value ScrubOutcome#CLAIM_DENIED} finding of
     * the encounter is closed, and the encounter leaves the queue unless something else holds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimSettled(long encounterId, String reason, String actor) {
        takeTurnUntilCommit();
        LocalDateTime now = LocalDateTime.now(clock);
        int closed = jdbc.sql("""
                        UPDATE scrub_finding SET status = 'CLOSED', closed_at = ?, closed_reason = ?
                        WHERE encounter_id = ? AND rule_id = ? AND status <> 'CLOSED'""")
                .params(now, cut(reason, 500), encounterId, ScrubOutcome.CLAIM_DENIED).update();
        if (closed > 0) {
            refreshState(encounterId, actor, cut(reason, MESSAGE_MAX), now);
        }
    }

    private void claimFinding(long encounterId, int revision, String ruleId, String message, String fix,
                              String actor) {
        takeTurnUntilCommit();
        LocalDateTime now = LocalDateTime.now(clock);
        Integer scrubbed = jdbc.sql("SELECT scrubbed_revision FROM encounter_scrub WHERE encounter_id = ?")
                .param(encounterId).query(Integer.class).optional().orElse(null);
        if (scrubbed == null || scrubbed != revision) {
            return;
        }
        String version = jdbc.sql("SELECT rule_set_version FROM encounter_scrub WHERE encounter_id = ?")
                .param(encounterId).query(String.class).single();
        jdbc.sql("""
                        INSERT INTO scrub_finding (encounter_id, rule_id, field, severity, message, fix,
                            rule_set_version, status, opened_revision, opened_at, last_seen_revision)
                        VALUES (?, ?, '', 'ERROR', ?, ?, ?, 'OPEN', ?, ?, ?)
                        ON DUPLICATE KEY UPDATE message = VALUES(message), status = 'OPEN',
                            last_seen_revision = VALUES(last_seen_revision)""")
                .params(encounterId, ruleId, cut(message, MESSAGE_MAX), fix, version, revision, now, revision)
                .update();
        refreshState(encounterId, actor, cut(message, MESSAGE_MAX), now);
    }

    private void refreshState(long encounterId, String actor, String reason, LocalDateTime now) {
        Map<String, Integer> counts = jdbc.sql("""
                        SELECT severity, COUNT(*) FROM scrub_finding
                        WHERE encounter_id = ? AND status = 'OPEN' AND severity IN ('ERROR', 'WARNING')
                        GROUP BY severity""").param(encounterId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int errors = counts.getOrDefault("ERROR", 0);
        int warnings = counts.getOrDefault("WARNING", 0);
        ScrubState state = errors + warnings == 0 ? ScrubState.READY : ScrubState.FLAGGED;
        Scrubbed before = jdbc.sql("""
                        SELECT state, scrubbed_revision, rule_set_version FROM encounter_scrub WHERE encounter_id = ?""")
                .param(encounterId).query((rs, n) -> Scrubbed.of(rs)).single();
        jdbc.sql("UPDATE encounter_scrub SET state = ?, open_errors = ?, open_warnings = ? WHERE encounter_id = ?")
                .params(state.name(), errors, warnings, encounterId).update();
        if (state != before.state()) {
            List<Object[]> transition = new ArrayList<>();
            transition.add(new Object[] {encounterId, before.state().name(), state.name(), before.revision(),
                before.ruleSetVersion(), cut(actor, 80), cut(reason, MESSAGE_MAX), now});
            insertTransitions(transition);
        }
    }

    private void insertTransitions(List<Object[]> transitions) {
        template.batchUpdate("""
                INSERT INTO scrub_transition (encounter_id, from_state, to_state, revision, rule_set_version, actor,
                    reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", transitions);
    }

    private Map<Long, Map<String, Live>> liveFindings(List<Long> ids) {
        Map<Long, Map<String, Live>> live = new HashMap<>();
        jdbc.sql("""
                        SELECT id, encounter_id, rule_id, field, status, severity
                        FROM scrub_finding FORCE INDEX (ux_scrub_finding_live)
                        WHERE encounter_id IN (:ids) AND status <> 'CLOSED'""")
                .param("ids", ids).query(rs -> {
                    String key = key(rs.getString(3), rs.getString(4));
                    live.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(key, new Live(rs.getLong(1), key,
                            FindingStatus.valueOf(rs.getString(5)), Severity.valueOf(rs.getString(6))));
                });
        return live;
    }

    /** Holds this node's writing turn until the surrounding transaction commits or rolls back. */
    private void takeTurnUntilCommit() {
        if (turn.isHeldByCurrentThread()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                turn.unlock();
            }
        });
        turn.lock();
    }

    private static String key(String ruleId, String field) {
        return ruleId + "|" + field;
    }

    private static String field(Finding finding) {
        return finding.field() == null ? "" : cut(finding.field(), FIELD_MAX);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
