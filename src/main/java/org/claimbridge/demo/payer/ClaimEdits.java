package org.claimbridge.demo.payer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The payer's front-end edits, as the 277CA reports them: a claim is accepted into adjudication (A2:20) with the
 * payer claim control number it will carry through to the 835, or rejected (by the reject rate) with the status
 * codes a payer sends for errors in good-looking data: an NPI or taxonomy not on file, a member id not found. A
 * replacement or void whose REF*F8 names no claim this payer holds is always rejected (A7:464).
 */
final class ClaimEdits {

    /**
     * The 277CA's word on one claim.
     *
     * @param statuses          the STC01 composite, then any STC10/STC11 ones
     * @param payerClaimNumber  REF*1K, only when accepted
     */
    record Verdict(Submission.Claim claim, boolean accepted, List<String> statuses, String payerClaimNumber) {
    }

    /** Rejections with the claim status category, status and entity codes that go with them. */
    private static final List<List<String>> REJECTIONS = List.of(
            List.of("A7:562:85"),            // billing provider NPI not on file with the payer
            List.of("A7:145:85"),            // billing provider taxonomy not on file
            List.of("A7:21", "A7:164:IL"),   // missing or invalid information: subscriber's member number
            List.of("A3:33"),                // subscriber and subscriber id not found
            List.of("A3:116"));              // claim submitted to incorrect payer

    private final Draws draws;
    private final double rejectRate;
    private final ClaimHistory history;

    ClaimEdits(Draws draws, double rejectRate, ClaimHistory history) {
        this.draws = draws;
        this.rejectRate = rejectRate;
        this.history = history;
    }

    /** @param received the day the 837 was sent, which starts the payer claim control number */
    Verdict check(String interchange, LocalDate received, Submission.Claim claim) {
        if (claim.replacesOrVoids() && history.find(claim.originalClaimNumber()).isEmpty()) {
            return new Verdict(claim, false, List.of("A7:464"), null);
        }
        if (draws.uniform(interchange, claim.pcn(), "277ca") < rejectRate) {
            List<String> statuses = REJECTIONS.get(
                    (int) (draws.uniform(interchange, claim.pcn(), "277ca-reason") * REJECTIONS.size()));
            return new Verdict(claim, false, statuses, null);
        }
        return new Verdict(claim, true, List.of("A2:20:PR"), payerClaimNumber(interchange, received, claim));
    }

    /**
     * A 13-digit number in the style of a Medicare ICN: the year and day of receipt, then 8 digits drawn for the
     * claim, so that the same claim sent again gets a new number, as it would from a payer.
     */
    private String payerClaimNumber(String interchange, LocalDate received, Submission.Claim claim) {
        return String.format(Locale.ROOT, "%02d%03d", received.getYear() % 100, received.getDayOfYear())
                + draws.digits(8, interchange, claim.pcn(), claim.payer() == null ? "" : claim.payer().id(),
                "payer-claim-number");
    }
}
