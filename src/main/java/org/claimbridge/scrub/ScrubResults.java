package org.claimbridge.scrub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what scrubs recorded: an encounter's state, its findings and transitions, and the coders' queue. */
@Service
@Transactional(readOnly = true)
public class ScrubResults {

    private final JdbcClient jdbc;

    ScrubResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param revision the encounter revision the latest scrub judged */
    public record EncounterScrub(long encounterId, ScrubState state, int revision, String ruleSetVersion,
                                 int openErrors, int openWarnings, LocalDateTime scrubbedAt) {
    }

    /** @param field the offending field's path in the claim model, empty when the rule names none */
    public record ScrubFinding(long id, long encounterId, String ruleId, String field, Severity severity,
                               String message, String fix, String ruleSetVersion, FindingStatus status,
                               int openedRevision, LocalDateTime openedAt, int lastSeenRevision,
                               LocalDateTime closedAt, String closedReason, String overriddenBy,
                               LocalDateTime overriddenAt, String overrideReason) {
    }

    /** @param fromState null on an encounter's first scrub */
    public record ScrubTransition(long id, long encounterId, ScrubState fromState, ScrubState toState, int revision,
                                  String ruleSetVersion, String actor, String reason, LocalDateTime at) {
    }

    public record ScrubAction(long id, long encounterId, Long findingId, String action, String username,
                              String reason, String detail, LocalDateTime at) {
    }

    public Optional<EncounterScrub> state(long encounterId) {
        return jdbc.sql("SELECT * FROM encounter_scrub WHERE encounter_id = ?").param(encounterId)
                .query(ScrubResults::encounterScrub)
                .optional();
    }

    /** Findings still holding (OPEN) or accepted (OVERRIDDEN), or all of them with closed ones, oldest first. */
    /** The rule ids of each encounter's open findings, sorted, in one query for a whole queue page. */
    public java.util.Map<Long, List<String>> openRules(List<Long> encounterIds) {
        java.util.Map<Long, List<String>> rules = new java.util.HashMap<>();
        if (encounterIds.isEmpty()) {
            return rules;
        }
        jdbc.sql("""
                        SELECT DISTINCT encounter_id, rule_id FROM scrub_finding
                        WHERE encounter_id IN (:ids) AND status = 'OPEN' ORDER BY encounter_id, rule_id""")
                .param("ids", encounterIds).query(rs -> {
                    rules.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return rules;
    }

    public List<ScrubFinding> findings(long encounterId, boolean withClosed) {
        return jdbc.sql("SELECT * FROM scrub_finding WHERE encounter_id = ?"
                        + (withClosed ? "" : " AND status <> 'CLOSED'") + " ORDER BY id")
                .param(encounterId).query((rs, n) -> new ScrubFinding(rs.getLong("id"), rs.getLong("encounter_id"),
                        rs.getString("rule_id"), rs.getString("field"), Severity.valueOf(rs.getString("severity")),
                        rs.getString("message"), rs.getString("fix"), rs.getString("rule_set_version"),
                        FindingStatus.valueOf(rs.getString("status")), rs.getInt("opened_revision"),
                        rs.getObject("opened_at", LocalDateTime.class), rs.getInt("last_seen_revision"),
                        rs.getObject("closed_at", LocalDateTime.class), rs.getString("closed_reason"),
                        rs.getString("overridden_by"), rs.getObject("overridden_at", LocalDateTime.class),
                        rs.getString("override_reason")))
                .list();
    }

    public List<ScrubTransition> transitions(long encounterId) {
        return jdbc.sql("SELECT * FROM scrub_transition WHERE encounter_id = ? ORDER BY id").param(encounterId)
                .query((rs, n) -> new ScrubTransition(rs.getLong("id"), rs.getLong("encounter_id"),
                        rs.getString("from_state") == null ? null : ScrubState.valueOf(rs.getString("from_state")),
                        ScrubState.valueOf(rs.getString("to_state")), rs.getInt("revision"),
                        rs.getString("rule_set_version"), rs.getString("actor"), rs.getString("reason"),
                        rs.getObject("at", LocalDateTime.class)))
                .list();
    }

    public List<ScrubAction> actions(long encounterId) {
        return jdbc.sql("SELECT * FROM scrub_action WHERE encounter_id = ? ORDER BY id").param(encounterId)
                .query((rs, n) -> new ScrubAction(rs.getLong("id"), rs.getLong("encounter_id"),
                        rs.getObject("finding_id", Long.class), rs.getString("action"), rs.getString("username"),
                        rs.getString("reason"), rs.getString("detail"), rs.getObject("at", LocalDateTime.class)))
                .list();
    }

    /**
     * The coders' work queue: flagged encounters, most errors first, then oldest scrub first. An encounter cancelled or
     * held since its scrub is not for a coder now, and is left out.
     */
    public List<EncounterScrub> flagged(int page, int size) {
        return jdbc.sql("""
                        SELECT s.* FROM encounter_scrub s JOIN encounter e ON e.id = s.encounter_id
                        WHERE s.state = 'FLAGGED' AND e.status = 'ACTIVE' AND e.hold_reason IS NULL
                        ORDER BY s.open_errors DESC, s.scrubbed_at, s.encounter_id LIMIT ? OFFSET ?""")
                .params(size, page * size)
                .query(ScrubResults::encounterScrub)
                .list();
    }

    private static EncounterScrub encounterScrub(ResultSet rs, int n) throws SQLException {
        return new EncounterScrub(rs.getLong("encounter_id"), ScrubState.valueOf(rs.getString("state")),
                rs.getInt("scrubbed_revision"), rs.getString("rule_set_version"), rs.getInt("open_errors"),
                rs.getInt("open_warnings"), rs.getObject("scrubbed_at", LocalDateTime.class));
    }
}
