package org.claimbridge.claim;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimbridge.scrub.ScrubRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the remittance feature needs of claims: finding the claim a response speaks of, and moving it on. A rejected
 * claim's encounter goes back to the coders with the payer's or receiver's reason.
 */
@Service
public class ClaimResponses {

    private final JdbcClient jdbc;
    private final ClaimRecords records;
    private final ScrubRecords scrub;
    private final Claims claims;
    private final Clock clock;

    ClaimResponses(JdbcClient jdbc, ClaimRecords records, ScrubRecords scrub, Claims claims, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.scrub = scrub;
        this.claims = claims;
        this.clock = clock;
    }

    /** A claim as a response finds it. */
    public record ClaimRef(long claimId, long encounterId, int encounterRevision, String patientControlNumber,
                           ClaimStatus status) {
    }

    private static final String SELECT = """
            SELECT c.id, c.encounter_id, c.encounter_revision, c.patient_control_number, c.status FROM claim c
            """;

    /** The claim a 999's AK1/AK2 names: our GS06 and ST02. */
    public Optional<ClaimRef> byTransactionSet(String gsControl, String stControl) {
        return jdbc.sql(SELECT + "JOIN x12_group g ON g.id = c.group_id WHERE g.gs_control = ? AND c.st_control = ?")
                .params(gsControl, stControl).query(ClaimResponses::row).optional();
    }

    /** Every claim written in a functional group (a 999 that answers for the whole group). */
    public List<ClaimRef> byGroup(String gsControl) {
        return jdbc.sql(SELECT + "JOIN x12_group g ON g.id = c.group_id WHERE g.gs_control = ? ORDER BY c.id")
                .param(gsControl).query(ClaimResponses::row).list();
    }

    /** The claim a 277CA's TRN*2 or an 835's CLP01 names: our CLM01. */
    public Optional<ClaimRef> byPatientControlNumber(String patientControlNumber) {
        return jdbc.sql(SELECT + "WHERE c.patient_control_number = ?").param(patientControlNumber)
                .query(ClaimResponses::row).optional();
    }

    /**
     * Moves a sent claim on. A step back (a 999 arriving after the 277CA) is not taken; a rejection always is, and
     * puts the encounter back in the coders' queue with the reason.
     *
     * @return whether the status changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean advance(ClaimRef claim, ClaimStatus to, String actor, String reason) {
        if (to.progress() < ClaimStatus.ACCEPTED.progress()) {
            throw new IllegalArgumentException("a response cannot make a claim " + to);
        }
        ClaimStatus from = jdbc.sql("SELECT status FROM claim WHERE id = ? FOR UPDATE").param(claim.claimId())
                .query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).single();
        boolean adjudication = to.progress() == ClaimStatus.PAID.progress();
        if (from == to && !adjudication || !from.sent()
                || to != ClaimStatus.REJECTED && !adjudication && to.progress() <= from.progress()) {
            // a later 835 (a corrected payment) may adjudicate again; a late 999 does not undo a 277CA
            return false;
        }
        if (to == ClaimStatus.REJECTED && from.progress() >= ClaimStatus.PAID.progress()) {
            return false;
        }
        jdbc.sql("UPDATE claim SET status = ?, status_reason = ? WHERE id = ?")
                .params(to.name(), ClaimRecords.cut(reason), claim.claimId()).update();
        List<Object[]> transition = new ArrayList<>();
        transition.add(new Object[] {claim.claimId(), from.name(), to.name(), ClaimRecords.cut(actor, 80),
            ClaimRecords.cut(reason), LocalDateTime.now(clock)});
        records.transitions(transition);
        if (to == ClaimStatus.REJECTED) {
            scrub.claimRefused(claim.encounterId(), claim.encounterRevision(),
                    "claim " + claim.patientControlNumber() + " was rejected: " + reason, actor);
        }
        return true;
    }

    /**
     * An 835 took a payment back (CLP02 22): the payer still holds the claim, unadjudicated until the corrected
     * payment that usually follows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paymentReversed(ClaimRef claim, String actor, String reason) {
        ClaimStatus from = jdbc.sql("SELECT status FROM claim WHERE id = ? FOR UPDATE").param(claim.claimId())
                .query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).single();
        if (from.progress() != ClaimStatus.PAID.progress()) {
            return;
        }
        jdbc.sql("UPDATE claim SET status = 'ACKNOWLEDGED', status_reason = ? WHERE id = ?")
                .params(ClaimRecords.cut(reason), claim.claimId()).update();
        List<Object[]> transition = new ArrayList<>();
        transition.add(new Object[] {claim.claimId(), from.name(), ClaimStatus.ACKNOWLEDGED.name(),
            ClaimRecords.cut(actor, 80), ClaimRecords.cut(reason), LocalDateTime.now(clock)});
        records.transitions(transition);
    }

    /** The payer paid the claim without a denial after all: the encounter's denial finding is closed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settled(ClaimRef claim, String actor, String reason) {
        scrub.claimSettled(claim.encounterId(), reason, actor);
    }

    /** Puts the encounter of a denied claim back in the coders' queue with what the payer said. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void denied(ClaimRef claim, String actor, String reason) {
        scrub.claimDenied(claim.encounterId(), claim.encounterRevision(),
                "claim " + claim.patientControlNumber() + ": " + reason, actor);
    }

    /**
     * The primary payer adjudicated a claim: the secondary claims that waited for it (same encounter revision, same
     * part) get its payment on their 2320/2430 loops and go into the next file.
     *
     * @return how many were released
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int primaryAdjudicated(ClaimRef primary, ClaimDocument.PriorPayment payment, String actor) {
        var sequenceAndPart = jdbc.sql("SELECT payer_sequence, part FROM claim WHERE id = ?").param(primary.claimId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).single();
        if (!"P".equals(sequenceAndPart[0])) {
            return 0;
        }
        List<Long> waiting = jdbc.sql("""
                        SELECT id FROM claim WHERE encounter_id = ? AND encounter_revision = ? AND part = ?
                            AND payer_sequence = 'S' AND status = 'WAITING'""")
                .params(primary.encounterId(), primary.encounterRevision(), sequenceAndPart[1])
                .query(Long.class).list();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Object[]> transitions = new ArrayList<>();
        for (Long id : waiting) {
            ClaimDocument released = records.document(id).withPriorPayment("P", payment);
            jdbc.sql("UPDATE claim SET status = 'CREATED', status_reason = NULL, document = ? WHERE id = ?")
                    .params(ClaimDocuments.encode(released), id).update();
            transitions.add(new Object[] {id, ClaimStatus.WAITING.name(), ClaimStatus.CREATED.name(),
                ClaimRecords.cut(actor, 80), "the primary payer paid " + payment.paid() + " on claim "
                    + primary.patientControlNumber() + ": sent with its adjudication (2320 AMT*D, 2430)", now});
        }
        records.transitions(transitions);
        return waiting.size();
    }

    /** A claim's line numbers by the control number the responses echo (REF*6R in the 837, 835 REF*6R, 277CA REF*FJ). */
    public Map<String, Integer> lineNumbers(long claimId) {
        Map<String, Integer> lines = new HashMap<>();
        jdbc.sql("SELECT control_number, line_number FROM claim_line WHERE claim_id = ?").param(claimId)
                .query(rs -> {
                    lines.put(rs.getString(1), rs.getInt(2));
                });
        return lines;
    }

    /** The payer's claim control number (277CA REF*1K, 835 CLP07); releases a replacement or void waiting for it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void payerClaimNumber(ClaimRef claim, String number, String actor) {
        claims.recordPayerClaimNumber(claim.claimId(), number, actor);
    }

    private static ClaimRef row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClaimRef(rs.getLong("id"), rs.getLong("encounter_id"), rs.getInt("encounter_revision"),
                rs.getString("patient_control_number"), ClaimStatus.valueOf(rs.getString("status")));
    }
}
