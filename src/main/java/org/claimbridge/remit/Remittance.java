package org.claimbridge.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An 835 transaction set as read: the payment, each claim's adjudication and the provider-level adjustments. */
record Remittance(String handlingCode, BigDecimal paymentAmount, String paymentMethod, LocalDate paymentDate,
                  String traceNumber, String payerId, String payerName, String payeeId, List<ClaimPaid> claims,
                  List<ProviderAdjustment> providerAdjustments) {

    /** CAS: one reason, amount and quantity of a group. */
    record Adjustment(String group, String reason, BigDecimal amount, BigDecimal quantity) {
    }

    /** One CLP with what follows it. */
    record ClaimPaid(String patientControlNumber, String statusCode, BigDecimal charge, BigDecimal paid,
                     BigDecimal patientResponsibility, String payerClaimNumber, List<Adjustment> adjustments,
                     List<String> remarks, List<ServicePaid> services) {

        boolean reversal() {
            return "22".equals(statusCode);
        }
    }

    /** One SVC with what follows it. @param controlNumber our REF*6R, echoed */
    record ServicePaid(String procedure, BigDecimal charge, BigDecimal paid, BigDecimal units, LocalDate serviceDate,
                       String controlNumber, List<Adjustment> adjustments, List<String> remarks) {
    }

    /** PLB: one reason, reference and amount. */
    record ProviderAdjustment(String providerId, String reason, String reference, BigDecimal amount) {
    }
}
