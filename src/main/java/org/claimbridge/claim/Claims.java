package org.claimbridge.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Claims as the rest of claimbridge sees them: where each stands, what it billed, and in which file. */
@Service
public class Claims {

    private static final String SELECT = """
            SELECT c.*, i.isa_control, i.file_name, g.gs_control FROM claim c
            LEFT JOIN x12_interchange i ON i.id = c.interchange_id
            LEFT JOIN x12_group g ON g.id = c.group_id
            """;

    private final JdbcClient jdbc;
    private final ClaimRecords records;
    private final Clock clock;

    Claims(JdbcClient jdbc, ClaimRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /**
     * A claim and its file.
     *
     * @param patientControlNumber CLM01
     * @param payerClaimNumber     the payer's claim control number, once a 277CA or 835 gave it
     */
    public record ClaimSummary(long id, long encounterId, int encounterRevision, String patientControlNumber,
                               ClaimKind kind, String payerSequence, int part, String frequency, String payerId,
                               String payerName, String subscriberId, BigDecimal totalCharge, int lineCount,
                               ClaimStatus status, String statusReason, String receiver, String isaControl,
                               String gsControl, String stControl, String fileName, String payerClaimNumber,
                               Long replacesClaimId, Instant createdAt, Instant writtenAt) {
    }

    public record Transition(String from, String to, String actor, String reason, Instant at) {
    }

    @Transactional(readOnly = true)
    public Optional<ClaimSummary> find(long claimId) {
        return jdbc.sql(SELECT + "WHERE c.id = ?").param(claimId).query(Claims::row).optional();
    }

    @Transactional(readOnly = true)
    public Optional<ClaimSummary> byPatientControlNumber(String patientControlNumber) {
        return jdbc.sql(SELECT + "WHERE c.patient_control_number = ?").param(patientControlNumber)
                .query(Claims::row).optional();
    }

    /** An encounter's claims, oldest first. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> ofEncounter(long encounterId) {
        return jdbc.sql(SELECT + "WHERE c.encounter_id = ? ORDER BY c.id").param(encounterId).query(Claims::row)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Transition> transitions(long claimId) {
        return jdbc.sql("SELECT * FROM claim_transition WHERE claim_id = ? ORDER BY id").param(claimId)
                .query((rs, n) -> new Transition(rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("actor"), rs.getString("reason"), instant(rs, "at")))
                .list();
    }

    /** What a claim billed, as it went (or would go) into its transaction set. */
    @Transactional(readOnly = true)
    public Optional<ClaimDocument> document(long claimId) {
        return find(claimId).map(c -> records.document(claimId));
    }

    /**
     * Records the payer's claim control number of a sent claim (from its 277CA or 835), and releases the
     * replacement or void that waited for it to fill REF*F8.
     *
     * @return false when there is no such claim
     */
    @Transactional
    public boolean recordPayerClaimNumber(long claimId, String payerClaimNumber, String actor) {
        if (jdbc.sql("UPDATE claim SET payer_claim_number = ? WHERE id = ?").params(payerClaimNumber, claimId)
                .update() == 0) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Object[]> transitions = new ArrayList<>();
        for (Long held : jdbc.sql("SELECT id FROM claim WHERE replaces_claim_id = ? AND status = 'HELD'")
                .param(claimId).query(Long.class).list()) {
            ClaimDocument filled = records.document(held).withPayerClaimNumber(payerClaimNumber);
            jdbc.sql("UPDATE claim SET status = 'CREATED', status_reason = NULL, document = ? WHERE id = ?")
                    .params(ClaimDocuments.encode(filled), held).update();
            transitions.add(new Object[] {held, ClaimStatus.HELD.name(), ClaimStatus.CREATED.name(), actor,
                    "the payer's claim control number " + payerClaimNumber + " arrived for REF*F8", now});
        }
        records.transitions(transitions);
        return true;
    }

    private static ClaimSummary row(ResultSet rs, int n) throws SQLException {
        return new ClaimSummary(rs.getLong("id"), rs.getLong("encounter_id"), rs.getInt("encounter_revision"),
                rs.getString("patient_control_number"), ClaimKind.valueOf(rs.getString("kind")),
                rs.getString("payer_sequence"), rs.getInt("part"), rs.getString("frequency"),
                rs.getString("payer_id"), rs.getString("payer_name"), rs.getString("subscriber_id"),
                rs.getBigDecimal("total_charge"), rs.getInt("line_count"),
                ClaimStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getString("receiver"),
                rs.getString("isa_control"), rs.getString("gs_control"), rs.getString("st_control"),
                rs.getString("file_name"), rs.getString("payer_claim_number"),
                rs.getObject("replaces_claim_id", Long.class), instant(rs, "created_at"), instant(rs, "written_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
