package org.claimbridge.claim;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.scrub.ScrubRecords;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores claims, their lines and their state changes. */
@Repository
class ClaimRecords {

    private static final int REASON_MAX = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ScrubRecords scrub;
    private final Clock clock;

    ClaimRecords(JdbcClient jdbc, JdbcTemplate template, ScrubRecords scrub, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.scrub = scrub;
        this.clock = clock;
    }

    /**
     * One encounter's assembly, with what is needed to store it.
     *
     * @param receivers the receiver id of each payer
     * @param failure   why the encounter could not be assembled at all, else null
     */
    record Built(long encounterId, int revision, long practiceId, long lineageMark,
                 ClaimAssembler.Assembly assembly, Map<String, String> receivers, String failure) {
    }

    /**
     * The earlier claims of each encounter, oldest first. The index is named for the reason {@code Encounters.findAll}
     * names its own: the server may otherwise scan every claim for a page of encounters.
     */
    Map<Long, List<PriorClaim>> history(List<Long> encounterIds) {
        Map<Long, List<PriorClaim>> history = new HashMap<>();
        if (encounterIds.isEmpty()) {
            return history;
        }
        jdbc.sql("""
                        SELECT id, encounter_id, encounter_revision, payer_sequence, part, status, frequency, payer_id,
                               payer_claim_number, patient_control_number
                        FROM claim FORCE INDEX (ix_claim_encounter)
                        WHERE encounter_id IN (:ids) ORDER BY encounter_id, id""")
                .param("ids", encounterIds).query(rs -> {
                    history.computeIfAbsent(rs.getLong("encounter_id"), k -> new ArrayList<>()).add(new PriorClaim(
                            rs.getLong("id"), rs.getInt("encounter_revision"), rs.getString("payer_sequence"),
                            rs.getInt("part"), ClaimStatus.valueOf(rs.getString("status")),
                            rs.getString("frequency"), rs.getString("payer_id"), rs.getString("payer_claim_number"),
                            rs.getString("patient_control_number")));
                });
        return history;
    }

    ClaimDocument document(long claimId) {
        return ClaimDocuments.decode(jdbc.sql("SELECT document FROM claim WHERE id = ?").param(claimId)
                .query(byte[].class).single());
    }

    /**
     * Stores what a chunk of encounters assembled into: the claims with their lines, the unsent claims they make
     * obsolete, and for every claim refused while assembling, the encounter back to the coders.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void store(List<Built> built, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Row> rows = new ArrayList<>();
        List<Object[]> superseded = new ArrayList<>();
        for (Built b : built) {
            if (b.failure() != null) {
                scrub.claimRefused(b.encounterId(), b.revision(), b.failure(), actor);
            }
            for (NewClaim claim : b.assembly().claims()) {
                rows.add(new Row(b, claim, ClaimDocuments.encode(claim.document())));
            }
            for (PriorClaim old : b.assembly().superseded()) {
                superseded.add(new Object[] {old.id(), old.status().name()});
            }
        }
        List<Object[]> transitions = new ArrayList<>();
        for (Object[] old : superseded) {
            template.update("UPDATE claim SET status = 'SUPERSEDED', status_reason = ? WHERE id = ?",
                    "a later revision of the encounter was built before this claim was sent", old[0]);
            transitions.add(new Object[] {old[0], old[1], ClaimStatus.SUPERSEDED.name(), actor,
                    "a later revision of the encounter was built before this claim was sent", now});
        }
        if (!rows.isEmpty()) {
            long[] ids = insertClaims(rows, now);
            List<Object[]> lines = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                NewClaim claim = row.claim();
                String reason = claim.reason() != null ? claim.reason()
                        : claim.replaces() == null ? "built from revision " + row.built().revision()
                        : ("8".equals(claim.document().frequency()) ? "voids " : "replaces ")
                        + claim.replaces().patientControlNumber();
                transitions.add(new Object[] {ids[i], null, claim.status().name(), actor, cut(reason), now});
                for (ClaimDocument.Line line : claim.document().lines()) {
                    lines.add(new Object[] {ids[i], line.number(), line.chargeId() == 0 ? null : line.chargeId(),
                            line.controlNumber(), line.serviceDate(), line.procedureCode(),
                            line.modifiers().isEmpty() ? null : String.join(",", line.modifiers()),
                            line.revenueCode(), line.units(), line.amount()});
                }
                if (claim.status() == ClaimStatus.INVALID) {
                    scrub.claimRefused(row.built().encounterId(), row.built().revision(),
                            "claim " + claim.document().patientControlNumber() + ": " + claim.reason(), actor);
                }
            }
            template.batchUpdate("""
                    INSERT INTO claim_line (claim_id, line_number, charge_id, control_number, service_date,
                        procedure_code, modifiers, revenue_code, units, amount)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        }
        transitions(transitions);
    }

    private record Row(Built built, NewClaim claim, byte[] document) {
    }

    private long[] insertClaims(List<Row> rows, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement("""
                INSERT INTO claim (encounter_id, encounter_revision, lineage_mark, practice_id, kind, payer_sequence,
                    part, coverage_id, payer_id, payer_name, subscriber_id, patient_control_number, frequency,
                    replaces_claim_id, total_charge, line_count, service_from, service_to, receiver, status,
                    status_reason, document, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Row row = rows.get(i);
                ClaimDocument d = row.claim().document();
                int c = 1;
                ps.setLong(c++, row.built().encounterId());
                ps.setInt(c++, row.built().revision());
                ps.setLong(c++, row.built().lineageMark());
                ps.setLong(c++, row.built().practiceId());
                ps.setString(c++, d.kind().name());
                ps.setString(c++, d.payerSequence());
                ps.setInt(c++, row.claim().part());
                ps.setObject(c++, d.origin().coverageId(), Types.BIGINT);
                ps.setString(c++, d.payer() == null ? null : d.payer().id());
                ps.setString(c++, d.payer() == null ? null : cut(d.payer().name(), 120));
                ps.setString(c++, d.subscriber() == null ? null : d.subscriber().memberId());
                ps.setString(c++, d.patientControlNumber());
                ps.setString(c++, d.frequency());
                ps.setObject(c++, row.claim().replaces() == null ? null : row.claim().replaces().id(), Types.BIGINT);
                ps.setBigDecimal(c++, d.totalCharge());
                ps.setInt(c++, d.lines().size());
                ps.setObject(c++, d.visit() == null ? null : d.visit().statementFrom());
                ps.setObject(c++, d.visit() == null ? null : d.visit().statementTo());
                ps.setString(c++, d.payer() == null ? null : row.built().receivers().get(d.payer().id()));
                ps.setString(c++, row.claim().status().name());
                ps.setString(c++, cut(row.claim().reason()));
                ps.setBytes(c++, row.document());
                ps.setObject(c, now);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        long[] ids = new long[rows.size()];
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Number) generated.get(i).values().iterator().next()).longValue();
        }
        return ids;
    }

    void transitions(List<Object[]> transitions) {
        template.batchUpdate("""
                INSERT INTO claim_transition (claim_id, from_state, to_state, actor, reason, at)
                VALUES (?, ?, ?, ?, ?, ?)""", transitions);
    }

    static String cut(String text) {
        return cut(text, REASON_MAX);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
