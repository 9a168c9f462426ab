package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.util.List;

/**
 * A payer's adjudication of one claim, as the 835's 2100 (claim payment) and 2110 (service payment) loops report
 * it. It balances by construction: each line's charge less its payment is the sum of its adjustments, and so is the
 * claim's.
 *
 * @param status             CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal
 * @param payerClaimNumber   CLP07, the number the 277CA gave in REF*1K (the original's, for a reversal)
 * @param pcn                CLP01: the claim's CLM01 (the original's, for a reversal)
 * @param originalClaimNumber REF*F8 of a replacement, the payer claim number it replaced
 * @param claimRemarks       for MOA (professional and outpatient) or MIA (inpatient)
 * @param denial             the CARC a denied claim or line got, or null
 */
record ClaimPayment(Submission.Claim claim, String pcn, String status, String payerClaimNumber,
                    String originalClaimNumber, List<ServicePayment> services, List<String> claimRemarks,
                    String denial) {

    /** A CAS triplet. */
    record Adjustment(String group, String reason, BigDecimal amount) {
        Adjustment negated() {
            return new Adjustment(group, reason, amount.negate());
        }
    }

    /** One SVC: the line as billed, what was allowed and paid, the adjustments and remark codes in between. */
    record ServicePayment(Submission.ServiceLine line, BigDecimal charge, BigDecimal allowed, BigDecimal paid,
                          List<Adjustment> adjustments, List<String> remarks) {

        ServicePayment negated() {
            return new ServicePayment(line, charge.negate(), allowed.negate(), paid.negate(),
                    adjustments.stream().map(Adjustment::negated).toList(), List.of());
        }
    }

    BigDecimal charge() {
        return services.stream().map(ServicePayment::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal paid() {
        return services.stream().map(ServicePayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** CLP05: everything adjusted to the patient (group PR). */
    BigDecimal patientResponsibility() {
        return services.stream().flatMap(s -> s.adjustments().stream()).filter(a -> "PR".equals(a.group()))
                .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    boolean reversal() {
        return "22".equals(status);
    }

    /**
     * Takes back this payment, as a payer does before paying a replacement or when a claim is voided: the same
     * claim with every amount negated, CLP02 22.
     */
    ClaimPayment reversed() {
        return new ClaimPayment(claim, pcn, "22", payerClaimNumber, null,
                services.stream().map(ServicePayment::negated).toList(), List.of(), denial);
    }
}
