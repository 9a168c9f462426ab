package org.claimbridge.remit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimbridge.claim.ClaimDocument;
import org.claimbridge.claim.ClaimResponses;
import org.claimbridge.claim.ClaimStatus;
import org.springframework.stereotype.Component;

/**
 * Applies an 835 (005010X221A1): the payment and its reconciliation (claim payments less provider adjustments
 * against BPR02), each claim's adjudication matched on CLP01 = our CLM01 and its lines on REF*6R, adjustments and
 * remarks at claim and line level, reversals, and the denials among the adjustments, whose encounters go back to the
 * coders. A payment that matches none of our claims is stored unmatched, never dropped.
 */
@Component
class Remittance835 {

    private final ClaimResponses claims;
    private final RemittanceRecords records;
    private final DenialCategories categories;
    private final DenialLedger ledger;

    Remittance835(ClaimResponses claims, RemittanceRecords records, DenialCategories categories,
                  DenialLedger ledger) {
        this.claims = claims;
        this.records = records;
        this.categories = categories;
        this.ledger = ledger;
    }

    String apply(X12Transaction t, long responseId, String actor) {
        Remittance r = RemittanceReader.read(t);
        BigDecimal claimsPaid = r.claims().stream().map(Remittance.ClaimPaid::paid).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal plb = r.providerAdjustments().stream().map(Remittance.ProviderAdjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean balanced = claimsPaid.subtract(plb).compareTo(r.paymentAmount()) == 0;
        long remittanceId = records.remittance(responseId, r, claimsPaid, plb, balanced);
        r.providerAdjustments().forEach(p -> records.providerAdjustment(remittanceId, p));
        List<String> outcome = new ArrayList<>();
        int unmatched = 0;
        for (Remittance.ClaimPaid c : r.claims()) {
            Optional<ClaimResponses.ClaimRef> claim = claims.byPatientControlNumber(c.patientControlNumber());
            long paymentId = records.claimPayment(remittanceId, claim.map(ClaimResponses.ClaimRef::claimId)
                    .orElse(null), c);
            Map<String, Integer> lineNumbers = claim.isEmpty() ? Map.of()
                    : claims.lineNumbers(claim.get().claimId());
            List<String> denials = new ArrayList<>();
            for (Remittance.Adjustment a : c.adjustments()) {
                records.adjustment(paymentId, null, a);
                denial(claim, paymentId, null, null, a, String.join(",", c.remarks()), r.payerId(), denials);
            }
            for (Remittance.ServicePaid s : c.services()) {
                Integer line = s.controlNumber() == null ? null : lineNumbers.get(s.controlNumber());
                long serviceId = records.servicePayment(paymentId, line, s);
                for (Remittance.Adjustment a : s.adjustments()) {
                    records.adjustment(paymentId, serviceId, a);
                    denial(claim, paymentId, serviceId, line, a, String.join(",", s.remarks()), r.payerId(),
                            denials);
                }
            }
            if (claim.isEmpty()) {
                unmatched++;
                outcome.add(c.patientControlNumber() + " matches none of our claims (kept unmatched)");
                continue;
            }
            outcome.add(adjudicate(claim.get(), paymentId, c, denials, lineNumbers,
                    r.paymentDate() == null ? java.time.LocalDate.now() : r.paymentDate(), actor));
        }
        return "835 " + (r.traceNumber() == null ? "" : r.traceNumber() + " ") + "from " + r.payerName() + ": "
                + r.claims().size() + " claim(s), " + unmatched + " unmatched, payment " + r.paymentAmount()
                + (balanced ? " (balances)" : " (does NOT balance: claims paid " + claimsPaid
                + " less provider adjustments " + plb + " is " + claimsPaid.subtract(plb) + ")") + "; "
                + String.join("; ", outcome);
    }

    /** What the secondary payer is told of this payment (2320 and 2430 of its claim). */
    private ClaimDocument.PriorPayment priorPayment(Remittance.ClaimPaid c, Map<String, Integer> lineNumbers,
                                                    java.time.LocalDate adjudicated) {
        List<ClaimDocument.LineAdjudication> lines = new ArrayList<>();
        for (Remittance.ServicePaid s : c.services()) {
            Integer line = s.controlNumber() == null ? null : lineNumbers.get(s.controlNumber());
            if (line != null) {
                lines.add(new ClaimDocument.LineAdjudication(line, s.paid(), s.units(), adjustments(s.adjustments())));
            }
        }
        return new ClaimDocument.PriorPayment(c.paid(), adjudicated, adjustments(c.adjustments()), lines);
    }

    private static List<ClaimDocument.Adjustment> adjustments(List<Remittance.Adjustment> from) {
        return from.stream().map(a -> new ClaimDocument.Adjustment(a.group(), a.reason(), a.amount())).toList();
    }

    private void denial(Optional<ClaimResponses.ClaimRef> claim, long paymentId, Long serviceId, Integer line,
                        Remittance.Adjustment a, String rarcs, String payerId, List<String> denials) {
        DenialCategories.Category category = categories.of(a.group(), a.reason());
        if (!category.denial() || a.amount().signum() <= 0 || claim.isEmpty()) {
            return;
        }
        records.denial(claim.get().claimId(), claim.get().encounterId(), paymentId, serviceId, line, a,
                rarcs.isEmpty() ? null : rarcs, category.name(), payerId);
        denials.add((line == null ? "claim" : "line " + line) + " " + a.group() + "-" + a.reason() + " "
                + a.amount() + " (" + category.name() + (rarcs.isEmpty() ? "" : ", " + rarcs) + ")");
    }

    private String adjudicate(ClaimResponses.ClaimRef claim, long paymentId, Remittance.ClaimPaid c,
                              List<String> denials,
                              Map<String, Integer> lineNumbers, java.time.LocalDate adjudicated, String actor) {
        if (c.payerClaimNumber() != null) {
            claims.payerClaimNumber(claim, c.payerClaimNumber(), actor);
        }
        if (c.reversal()) {
            ledger.reversed(claim.claimId());
            claims.paymentReversed(claim, actor, "835 reversed the payment of " + c.paid().negate());
            return claim.patientControlNumber() + " payment reversed";
        }
        boolean deniedWhole = "4".equals(c.statusCode()) || c.paid().signum() == 0 && !denials.isEmpty();
        ClaimStatus status = deniedWhole ? ClaimStatus.DENIED
                : denials.isEmpty() ? ClaimStatus.PAID : ClaimStatus.PARTIALLY_PAID;
        String said = "835: charge " + c.charge() + ", paid " + c.paid()
                + (c.patientResponsibility() == null ? "" : ", patient " + c.patientResponsibility())
                + (denials.isEmpty() ? "" : "; denied " + String.join(", ", denials));
        claims.advance(claim, status, actor, said);
        ledger.adjudicated(paymentId);
        if (!denials.isEmpty()) {
            claims.denied(claim, actor, String.join(", ", denials));
        } else {
            claims.settled(claim, actor, "claim " + claim.patientControlNumber() + " paid without a denial");
        }
        int released = status == ClaimStatus.DENIED ? 0
                : claims.primaryAdjudicated(claim, priorPayment(c, lineNumbers, adjudicated), actor);
        return claim.patientControlNumber() + " " + status.name().toLowerCase().replace('_', ' ')
                + (released == 0 ? "" : ", " + released + " secondary claim(s) released");
    }
}
