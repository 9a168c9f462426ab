package org.claimbridge.remit;

import java.math.BigDecimal;
import java.util.List;

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
        return jdbc.sql(SELECT + "WHERE p.claim_id = ? ORDER BY p.id").param(claimId).query(this::row).list();
    }

    /** Payments that matched none of our claims, newest first: for someone to look into, never dropped. */
    public List<ClaimPayment> unmatched(int limit) {
        return jdbc.sql(SELECT + "WHERE p.claim_id IS NULL ORDER BY p.id DESC LIMIT ?").param(limit)
                .query(this::row).list();
    }

    private ClaimPayment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        List<String> adjustments = jdbc.sql("""
                        SELECT CONCAT(a.group_code, '-', a.reason_code, ' ', a.amount,
                            IF(s.line_number IS NULL, '', CONCAT(' (line ', s.line_number, ')')))
                        FROM payment_adjustment a LEFT JOIN service_payment s ON s.id = a.service_payment_id
                        WHERE a.claim_payment_id = ? ORDER BY a.id""")
                .param(id).query(String.class).list();
        return new ClaimPayment(id, rs.getLong("remittance_id"), rs.getObject("claim_id", Long.class),
                rs.getString("patient_control_number"), rs.getString("status_code"), rs.getBigDecimal("charge"),
                rs.getBigDecimal("paid"), rs.getBigDecimal("patient_responsibility"),
                rs.getString("payer_claim_number"), rs.getString("payer_name"), rs.getString("trace_number"),
                rs.getBoolean("balanced"), adjustments);
    }
}
