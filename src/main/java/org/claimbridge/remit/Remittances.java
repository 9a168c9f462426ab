package org.claimbridge.remit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What 835s paid: per claim, and the payments that matched none of our claims. */
@Service
@Transactional(readOnly = true)
public class Remittances {

    private final JdbcClient jdbc;

    Remittances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One CLP as received, with the remittance it came in. */
    public record ClaimPayment(long id, long remittanceId, Long claimId, String patientControlNumber,
                               String statusCode, BigDecimal charge, BigDecimal paid, BigDecimal patientResponsibility,
                               String payerClaimNumber, String payerName, String traceNumber, boolean balanced,
                               List<String> adjustments) {
    }

    private static final String SELECT = """
            SELECT p.*, r.payer_name, r.trace_number, r.balanced FROM claim_payment p
            JOIN remittance r ON r.id = p.remittance_id
            """;

    public List<ClaimPayment> ofClaim(long claimId) {
        return withAdjustments(jdbc.sql(SELECT + "WHERE p.claim_id = ? ORDER BY p.id").param(claimId)
                .query(Remittances::row).list());
    }

    /** Payments that matched none of our claims, newest first: for someone to look into, never dropped. */
    public List<ClaimPayment> unmatched(int limit) {
        return withAdjustments(jdbc.sql(SELECT + "WHERE p.claim_id IS NULL ORDER BY p.id DESC LIMIT ?").param(limit)
                .query(Remittances::row).list());
    }

    /** The payments with their adjustments, read in one query for the whole list. */
    private List<ClaimPayment> withAdjustments(List<ClaimPayment> payments) {
        if (payments.isEmpty()) {
            return payments;
        }
        Map<Long, List<String>> byPayment = new HashMap<>();
        jdbc.sql("""
                        SELECT a.claim_payment_id, CONCAT(a.group_code, '-', a.reason_code, ' ', a.amount,
                            IF(s.line_number IS NULL, '', CONCAT(' (line ', s.line_number, ')')))
                        FROM payment_adjustment a LEFT JOIN service_payment s ON s.id = a.service_payment_id
                        WHERE a.claim_payment_id IN (:ids) ORDER BY a.id""")
                .param("ids", payments.stream().map(ClaimPayment::id).toList())
                .query(rs -> {
                    byPayment.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return payments.stream().map(p -> new ClaimPayment(p.id(), p.remittanceId(), p.claimId(),
                p.patientControlNumber(), p.statusCode(), p.charge(), p.paid(), p.patientResponsibility(),
                p.payerClaimNumber(), p.payerName(), p.traceNumber(), p.balanced(),
                byPayment.getOrDefault(p.id(), List.of()))).toList();
    }

    private static ClaimPayment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ClaimPayment(rs.getLong("id"), rs.getLong("remittance_id"), rs.getObject("claim_id", Long.class),
                rs.getString("patient_control_number"), rs.getString("status_code"), rs.getBigDecimal("charge"),
                rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility"),
                rs.getString("payer_claim_number"), rs.getString("payer_name"), rs.getString("trace_number"),
                rs.getBoolean("balanced"), List.of());
    }
}
