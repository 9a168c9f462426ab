package org.claimbridge.remit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores what an 835 said: the remittance, claim and service payments, adjustments, PLB and denials. */
@Repository
class RemittanceRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    RemittanceRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long remittance(long responseId, Remittance r, BigDecimal claimsPaid, BigDecimal providerAdjustments,
                    boolean balanced) {
        return insert("""
                        INSERT INTO remittance (response_id, payer_id, payer_name, payee_npi, handling_code,
                            payment_amount, payment_method, payment_date, trace_number, claims_paid,
                            provider_adjustments, balanced, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                responseId, r.payerId(), cut(r.payerName(), 120), r.payeeId(), r.handlingCode(), r.paymentAmount(),
                r.paymentMethod(), r.paymentDate(), r.traceNumber(), claimsPaid, providerAdjustments, balanced,
                LocalDateTime.now(clock));
    }

    long claimPayment(long remittanceId, Long claimId, Remittance.ClaimPaid c) {
        return insert("""
                        INSERT INTO claim_payment (remittance_id, claim_id, patient_control_number, status_code,
                            charge, paid, patient_responsibility, payer_claim_number, remarks)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                remittanceId, claimId, cut(c.patientControlNumber(), 38), c.statusCode(), c.charge(), c.paid(),
                c.patientResponsibility(), c.payerClaimNumber(), cut(String.join(",", c.remarks()), 200));
    }

    long servicePayment(long claimPaymentId, Integer lineNumber, Remittance.ServicePaid s) {
        return insert("""
                        INSERT INTO service_payment (claim_payment_id, line_number, control_number, procedure_code,
                            charge, paid, units, service_date, remarks)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                claimPaymentId, lineNumber, s.controlNumber(), cut(s.procedure(), 48), s.charge(), s.paid(),
                s.units(), s.serviceDate(), cut(String.join(",", s.remarks()), 200));
    }

    void adjustment(long claimPaymentId, Long servicePaymentId, Remittance.Adjustment a) {
        insert("""
                        INSERT INTO payment_adjustment (claim_payment_id, service_payment_id, group_code, reason_code,
                            amount, quantity)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                claimPaymentId, servicePaymentId, a.group(), a.reason(), a.amount(), a.quantity());
    }

    void providerAdjustment(long remittanceId, Remittance.ProviderAdjustment p) {
        insert("""
                        INSERT INTO provider_adjustment (remittance_id, provider_id, reason_code, reference, amount)
                        VALUES (?, ?, ?, ?, ?)""",
                remittanceId, p.providerId(), p.reason(), p.reference(), p.amount());
    }

    long denial(long claimId, long encounterId, long claimPaymentId, Long servicePaymentId, Integer lineNumber,
                Remittance.Adjustment a, String rarcs, String category, String payerId) {
        return insert("""
                        INSERT INTO denial (claim_id, encounter_id, claim_payment_id, service_payment_id, line_number,
                            group_code, carc, rarcs, amount, category, payer_id, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                claimId, encounterId, claimPaymentId, servicePaymentId, lineNumber, a.group(), a.reason(),
                cut(rarcs, 200), a.amount(), category, payerId, LocalDateTime.now(clock));
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key);
        return key.getKey().longValue();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
